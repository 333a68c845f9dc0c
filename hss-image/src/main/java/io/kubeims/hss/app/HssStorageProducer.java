package io.kubeims.hss.app;

import io.kubeims.hss.store.EmbeddedHssStorage;
import io.kubeims.hss.store.HotRodHssStorage;
import io.kubeims.hss.store.HssCacheNames;
import io.kubeims.hss.store.HssStorage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.Configuration;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the {@link HssStorage} chosen by {@code kubeims.hss.store.mode} when the HSS starts (so a wrong setting or
 * an unreachable Infinispan Server stops the start instead of the first request) and closes it at shutdown.
 */
public class HssStorageProducer {

    private static final Logger LOG = Logger.getLogger(HssStorageProducer.class);

    @Produces
    @Singleton
    @Startup
    HssStorage open(HssSettings settings) {
        HssSettings.Store store = settings.store();
        HssCacheNames names = HssCacheNames.prefixed(store.cachePrefix());
        if (store.mode() == HssSettings.StoreMode.HOTROD) {
            Configuration client = hotRodConfiguration(store.hotrod());
            LOG.infof("opening the HSS store on Infinispan Server %s (caches %s)", client.servers(), names.all());
            return new HotRodHssStorage(new RemoteCacheManager(client), names, HotRodHssStorage.DEFAULT_CACHE_XML,
                    Clock.systemUTC());
        }
        Path directory = Path.of(store.dataDir()).toAbsolutePath();
        LOG.infof("opening the embedded HSS store in %s", directory);
        return new EmbeddedHssStorage(directory, names, Clock.systemUTC());
    }

    void close(@Disposes HssStorage storage) {
        LOG.info("closing the HSS store");
        storage.close();
    }

    /**
     * The Hot Rod client configuration: the URI when given (it may carry credentials itself), else the server list,
     * plus SASL credentials when a user name is set.
     *
     * @throws InvalidHssSettingsException if neither a URI nor servers are configured, or a password lacks a user
     */
    static Configuration hotRodConfiguration(HssSettings.HotRod hotRod) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        if (hotRod.uri().isPresent()) {
            builder.uri(hotRod.uri().get());
        } else if (hotRod.servers().isPresent() && !hotRod.servers().get().isEmpty()) {
            builder.addServers(String.join(";", hotRod.servers().get()));
        } else {
            throw new InvalidHssSettingsException("kubeims.hss.store.mode=hotrod needs kubeims.hss.store.hotrod.uri"
                    + " or kubeims.hss.store.hotrod.servers");
        }
        if (hotRod.username().isPresent()) {
            builder.security().authentication().enable()
                    .username(hotRod.username().get())
                    .password(hotRod.password().orElse(""));
            hotRod.saslMechanism().ifPresent(mechanism -> builder.security().authentication().saslMechanism(mechanism));
        } else if (hotRod.password().isPresent()) {
            throw new InvalidHssSettingsException("kubeims.hss.store.hotrod.password is set without"
                    + " kubeims.hss.store.hotrod.username");
        }
        return builder.build();
    }
}
