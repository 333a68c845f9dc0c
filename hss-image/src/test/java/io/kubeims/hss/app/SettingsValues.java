package io.kubeims.hss.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Plain values of the {@link HssSettings} interfaces, for tests of the wiring outside Quarkus. */
record SettingsValues(String realm, HssSettings.Store store, HssSettings.Api api, HssSettings.Diameter diameter)
        implements HssSettings {

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
}
