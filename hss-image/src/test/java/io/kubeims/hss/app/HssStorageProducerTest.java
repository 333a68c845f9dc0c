package io.kubeims.hss.app;

import io.kubeims.hss.store.HssStorage;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import org.infinispan.client.hotrod.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage the settings select: embedded under data-dir with the cache prefix, or a Hot Rod client. */
class HssStorageProducerTest {

    @TempDir
    Path directory;

    @Test
    void embeddedStorageLivesUnderTheDataDirWithThePrefixedCaches() {
        SettingsValues settings = new SettingsValues("ims.example.test",
                new SettingsValues.StoreValues(HssSettings.StoreMode.EMBEDDED, directory.toString(), "core-a",
                        Duration.ofSeconds(2), SettingsValues.HotRodValues.none()),
                null, SettingsValues.DiameterValues.defaults());
        HssStorageProducer producer = new HssStorageProducer();
        Subscriber alice = new Subscriber("alice@ims.example.test",
                List.of(new PublicUserIdentity("sip:alice@ims.example.test")), false,
                new SipDigestCredentials("pw"), List.of());

        HssStorage storage = producer.open(settings);
        storage.subscribers().put(alice);
        producer.close(storage);
        assertTrue(Files.isDirectory(directory.resolve("core-a-subscribers")));

        HssStorage reopened = producer.open(settings);
        try {
            assertEquals(alice, reopened.subscribers().get("alice@ims.example.test").orElseThrow());
        } finally {
            producer.close(reopened);
        }
    }

    @Test
    void hotRodServersAreParsed() {
        Configuration client = HssStorageProducer.hotRodConfiguration(new SettingsValues.HotRodValues(
                Optional.empty(), Optional.of(List.of("infinispan-0:11222", "infinispan-1:11322")), Optional.empty(),
                Optional.empty(), Optional.empty()));

        assertEquals(List.of("infinispan-0:11222", "infinispan-1:11322"),
                client.servers().stream().map(s -> s.host() + ":" + s.port()).toList());
        assertFalse(client.security().authentication().enabled());
    }

    @Test
    void hotRodCredentialsEnableSasl() {
        Configuration client = HssStorageProducer.hotRodConfiguration(new SettingsValues.HotRodValues(
                Optional.empty(), Optional.of(List.of("infinispan:11222")), Optional.of("hss"),
                Optional.of("secret"), Optional.of("SCRAM-SHA-256")));

        assertTrue(client.security().authentication().enabled());
        assertEquals("SCRAM-SHA-256", client.security().authentication().saslMechanism());
    }

    @Test
    void hotRodUriIsUsed() {
        Configuration client = HssStorageProducer.hotRodConfiguration(new SettingsValues.HotRodValues(
                Optional.of("hotrod://hss:secret@ispn.example.test:11333"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));

        assertEquals("ispn.example.test", client.servers().get(0).host());
        assertEquals(11333, client.servers().get(0).port());
        assertTrue(client.security().authentication().enabled());
    }

    @Test
    void hotRodWithoutServerOrWithAPasswordAloneRefusesToStart() {
        InvalidHssSettingsException none = assertThrows(InvalidHssSettingsException.class,
                () -> HssStorageProducer.hotRodConfiguration(SettingsValues.HotRodValues.none()));
        assertTrue(none.getMessage().contains("kubeims.hss.store.hotrod.servers"), none.getMessage());

        InvalidHssSettingsException password = assertThrows(InvalidHssSettingsException.class,
                () -> HssStorageProducer.hotRodConfiguration(new SettingsValues.HotRodValues(Optional.empty(),
                        Optional.of(List.of("infinispan:11222")), Optional.empty(), Optional.of("secret"),
                        Optional.empty())));
        assertEquals("kubeims.hss.store.hotrod.password is set without kubeims.hss.store.hotrod.username",
                password.getMessage());
    }
}
