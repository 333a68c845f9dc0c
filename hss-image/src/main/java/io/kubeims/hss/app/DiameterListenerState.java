package io.kubeims.hss.app;

import java.util.List;

/**
 * Whether the HSS's Diameter Cx listener accepts connections, and which peers are connected, as the readiness check
 * reports it. {@link CxServer} is the HSS's one implementation.
 */
public interface DiameterListenerState {

    /** The listener's state. */
    enum Status {
        /** This HSS runs no Diameter listener: readiness does not depend on it. */
        NOT_APPLICABLE,
        /** The listening socket accepts connections. */
        LISTENING,
        /** The listener should run but does not (not started yet, failed or stopped): the HSS is not ready. */
        NOT_LISTENING
    }

    /** The current state; must answer at once (it is called from the readiness probe). */
    Status status();

    /** The Origin-Hosts of the peers connected with the Cx application (CER/CEA done), sorted; at once. */
    default List<String> connectedPeers() {
        return List.of();
    }
}
