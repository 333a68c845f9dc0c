package io.kubeims.hss.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Plain values of the {@link HssSettings} interfaces, for tests of the wiring outside Quarkus. */
record SettingsValues(String realm, HssSettings.Store store, HssSettings.Api api, HssSettings.Diameter diameter,
        HssSettings.Cx cx) implements HssSettings {

    /** With the documented defaults of {@code kubeims.hss.cx.*}. */
    SettingsValues(String realm, HssSettings.Store store, HssSettings.Api api, HssSettings.Diameter diameter) {
        this(realm, store, api, diameter, CxValues.defaults());
    }

    record StoreValues(StoreMode mode, String dataDir, String cachePrefix, Duration probeTimeout, HotRod hotrod)
            implements HssSettings.Store {
    }

    record HotRodValues(Optional<String> uri, Optional<List<String>> servers, Optional<String> username,
            Optional<String> password, Optional<String> saslMechanism) implements HssSettings.HotRod {

        static HotRodValues none() {
            return new HotRodValues(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    record DiameterValues(Optional<String> originHost, Optional<String> realm, String bindAddress, int port,
            Optional<Duration> requestTimeout) implements HssSettings.Diameter {

        /** The documented defaults. */
        static DiameterValues defaults() {
            return new DiameterValues(Optional.empty(), Optional.empty(), "0.0.0.0", 3868, Optional.empty());
        }
    }

    record CxValues(Optional<List<String>> scscfPool, Optional<List<Long>> mandatoryCapabilities,
            Optional<List<Long>> optionalCapabilities, int maxAuthItems, Optional<List<String>> allowedVisitedNetworks,
            boolean allowAllVisitedNetworks, int notifierThreads) implements HssSettings.Cx {

        /** The documented defaults. */
        static CxValues defaults() {
            return new CxValues(Optional.empty(), Optional.empty(), Optional.empty(), 4, Optional.empty(), false, 4);
        }
    }
}
