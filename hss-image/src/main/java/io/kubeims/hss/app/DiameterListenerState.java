package io.kubeims.hss.app;

/**
 * Whether the HSS's Diameter Cx listener accepts connections, as the readiness check reports it. The Cx server
 * provides a bean of this type; until then {@link NoDiameterListener} answers {@link Status#NOT_APPLICABLE}.
 */
public interface DiameterListenerState {

    /** The listener's state. */
    enum Status {
        /** This HSS runs no Diameter listener: readiness does not depend on it. */
        NOT_APPLICABLE,
        /** The listening socket accepts connections. */
        LISTENING,
        /** The listener should run but does not (not started yet, or failed): the HSS is not ready. */
        NOT_LISTENING
    }

    /** The current state; must answer at once (it is called from the readiness probe). */
    Status status();
}
