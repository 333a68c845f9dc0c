package io.kubeims.hss.cx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.hss.store.HssCacheNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings records refuse what cannot work, naming the setting. */
class HssSettingsTest {

    private static final ServerCapabilities POOLS = new ServerCapabilities(List.of(), List.of(),
            List.of(HssTestBed.SCSCF_POOL));

    private static void refused(String setting, Runnable construction) {
        InvalidHssCxSettingsException e = assertThrows(InvalidHssCxSettingsException.class, construction::run);
        assertTrue(e.getMessage().startsWith(setting + ":"), e.getMessage());
    }

    @Test
    void cxSettingsRefuseMissingOrOutOfRangeValues() {
        refused("homeRealm", () -> new HssCxSettings(" ", POOLS, 1, false, Set.of()));
        refused("serverCapabilities", () -> new HssCxSettings("ims.example.com", null, 1, false, Set.of()));
        refused("serverCapabilities", () -> new HssCxSettings("ims.example.com",
                new ServerCapabilities(List.of(), List.of(), List.of()), 1, false, Set.of()));
        refused("maxAuthItems", () -> new HssCxSettings("ims.example.com", POOLS, 0, false, Set.of()));
        refused("maxAuthItems", () -> new HssCxSettings("ims.example.com", POOLS, 33, false, Set.of()));
        refused("allowedVisitedNetworks", () -> new HssCxSettings("ims.example.com", POOLS, 1, false, null));
        refused("allowedVisitedNetworks", () -> new HssCxSettings("ims.example.com", POOLS, 1, false, Set.of("")));
    }

    @Test
    void visitedNetworksAreTheHomeOneTheListedOnesOrAll() {
        HssCxSettings homeOnly = HssCxSettings.homeOnly("ims.example.com", List.of(HssTestBed.SCSCF_POOL), 2);
        assertTrue(homeOnly.allowsVisitedNetwork("IMS.example.com"));
        assertFalse(homeOnly.allowsVisitedNetwork("visited.example.net"));
        HssCxSettings partner = new HssCxSettings("ims.example.com", POOLS, 2, false, Set.of(" Visited.Example.NET "));
        assertTrue(partner.allowsVisitedNetwork("visited.example.net"));
        assertEquals(Set.of("visited.example.net"), partner.allowedVisitedNetworks());
        HssCxSettings all = new HssCxSettings("ims.example.com", POOLS, 2, true, Set.of());
        assertTrue(all.allowsVisitedNetwork("anywhere.example.org"));
    }

    @Test
    void coreSettingsRefuseMissingPartsAndAnHssWithPeers() {
        CxNodeSettings hss = CxNodeSettings.hss("hss.ims.example.com", "ims.example.com", "127.0.0.2", 3868).build();
        HssCxSettings cx = HssTestBed.cxSettings();
        HssStorageSettings storage = new HssStorageSettings.Embedded(Path.of("/tmp/unused"));
        refused("diameter", () -> new HssCoreSettings(null, cx, storage, 1));
        refused("diameter", () -> new HssCoreSettings(CxNodeSettings.cscf("icscf.ims.example.com", "ims.example.com",
                "127.0.0.1", 3868, new CxPeerAddress("hss.ims.example.com", "127.0.0.2", 3868)).build(), cx,
                storage, 1));
        refused("cx", () -> new HssCoreSettings(hss, null, storage, 1));
        refused("storage", () -> new HssCoreSettings(hss, cx, null, 1));
        refused("storeThreads", () -> new HssCoreSettings(hss, cx, storage, 0));
        refused("storeThreads", () -> new HssCoreSettings(hss, cx, storage, 65));
    }

    @Test
    void storageSettingsRefuseBadServers() {
        HssCacheNames names = HssCacheNames.defaults();
        refused("dataDirectory", () -> new HssStorageSettings.Embedded(null));
        refused("servers", () -> new HssStorageSettings.HotRod(List.of(), names));
        refused("servers", () -> new HssStorageSettings.HotRod(List.of("infinispan"), names));
        refused("servers", () -> new HssStorageSettings.HotRod(List.of("infinispan:http"), names));
        refused("servers", () -> new HssStorageSettings.HotRod(List.of("infinispan:70000"), names));
        refused("cacheNames", () -> new HssStorageSettings.HotRod(List.of("infinispan:11222"), null));
        assertEquals(List.of("infinispan:11222"),
                new HssStorageSettings.HotRod(List.of("infinispan:11222"), names).servers());
    }
}
