package io.kubeims.hss.app;

import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.hss.cx.HssCxSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cx procedure settings derived from kubeims.hss.realm and kubeims.hss.cx.*. */
class HssCxSettingsProducerTest {

    private static HssCxSettings build(SettingsValues.CxValues cx) {
        return HssCxSettingsProducer.build(new SettingsValues("ims.example.test", null, null,
                SettingsValues.DiameterValues.defaults(), cx));
    }

    private static SettingsValues.CxValues pools(List<String> pools, List<Long> mandatory, List<Long> optional) {
        return new SettingsValues.CxValues(Optional.of(pools), Optional.of(mandatory), Optional.of(optional), 4,
                Optional.empty(), false, 4);
    }

    @Test
    void withOnlyTheRealmTheDefaultPoolIsTheScscfServiceOfTheRealm() {
        HssCxSettings cx = build(SettingsValues.CxValues.defaults());

        assertEquals("ims.example.test", cx.homeRealm());
        assertEquals(new ServerCapabilities(List.of(), List.of(), List.of("sip:scscf.ims.example.test:6060")),
                cx.serverCapabilities());
        assertEquals(4, cx.maxAuthItems());
        assertTrue(cx.allowsVisitedNetwork("ims.example.test"), "the home network");
        assertFalse(cx.allowsVisitedNetwork("visited.example.net"), "no roaming by default");
    }

    @Test
    void everyCxSettingOverrides() {
        HssCxSettings cx = build(new SettingsValues.CxValues(
                Optional.of(List.of("sip:scscf-a.ims.example.test:6060", "sips:scscf-b.ims.example.test")),
                Optional.of(List.of(1L, 2L)), Optional.of(List.of(3L)), 8,
                Optional.of(List.of("Partner.Example.NET")), false, 2));

        assertEquals(new ServerCapabilities(List.of(1L, 2L), List.of(3L),
                List.of("sip:scscf-a.ims.example.test:6060", "sips:scscf-b.ims.example.test")),
                cx.serverCapabilities());
        assertEquals(8, cx.maxAuthItems());
        assertTrue(cx.allowsVisitedNetwork("partner.example.net"));
        assertFalse(cx.allowsVisitedNetwork("other.example.net"));

        HssCxSettings roaming = build(new SettingsValues.CxValues(Optional.empty(), Optional.empty(),
                Optional.empty(), 1, Optional.empty(), true, 1));
        assertTrue(roaming.allowsVisitedNetwork("other.example.net"));
    }

    @Test
    void capabilitiesAloneNeedNoPool() {
        HssCxSettings cx = build(pools(List.of(), List.of(7L), List.of()));
        assertEquals(new ServerCapabilities(List.of(7L), List.of(), List.of()), cx.serverCapabilities());
    }

    @Test
    void unusableValuesAreRefusedNamingTheKey() {
        InvalidHssSettingsException notSip = assertThrows(InvalidHssSettingsException.class,
                () -> build(pools(List.of("scscf.ims.example.test"), List.of(), List.of())));
        assertTrue(notSip.getMessage().startsWith("kubeims.hss.cx.scscf-pool: "), notSip.getMessage());

        InvalidHssSettingsException ipLiteral = assertThrows(InvalidHssSettingsException.class,
                () -> build(pools(List.of("sip:[::1]:6060"), List.of(), List.of())));
        assertTrue(ipLiteral.getMessage().startsWith("kubeims.hss.cx.scscf-pool: "), ipLiteral.getMessage());

        InvalidHssSettingsException capability = assertThrows(InvalidHssSettingsException.class,
                () -> build(pools(List.of(), List.of(-1L), List.of())));
        assertTrue(capability.getMessage().contains("mandatory-capabilities"), capability.getMessage());

        InvalidHssSettingsException items = assertThrows(InvalidHssSettingsException.class,
                () -> build(new SettingsValues.CxValues(Optional.empty(), Optional.empty(), Optional.empty(), 33,
                        Optional.empty(), false, 4)));
        assertEquals("kubeims.hss.cx.max-auth-items: must be 1..32, was 33", items.getMessage());
    }
}
