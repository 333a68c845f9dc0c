package io.kubeims.cscf.scscf.registrar;

/**
 * Told of every committed {@link RegistrationChange}, after the store write and after the final response to the
 * REGISTER was sent (TS 24.229 5.4.2.1.2: the NOTIFY follows the 200 OK). Called on a worker thread, never a
 * jain-sip thread; an observer must not block for long and must not throw (failures are its own to log).
 */
@FunctionalInterface
public interface RegistrationObserver {

    void onChange(RegistrationChange change);

    /** Observers in order; one failing does not stop the others. */
    static RegistrationObserver all(java.util.List<RegistrationObserver> observers) {
        java.util.List<RegistrationObserver> copy = java.util.List.copyOf(observers);
        return change -> {
            for (RegistrationObserver observer : copy) {
                try {
                    observer.onChange(change);
                } catch (RuntimeException e) {
                    org.jboss.logging.Logger.getLogger(RegistrationObserver.class)
                            .errorf(e, "registration observer failed for %s (%s)", change.impi(), change.cause());
                }
            }
        };
    }
}
