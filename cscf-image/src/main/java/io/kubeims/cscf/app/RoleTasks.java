package io.kubeims.cscf.app;

/**
 * Work a role runs besides answering requests, e.g. the S-CSCF's registration expiry sweeps: {@link #start()} once the
 * SIP node listens (what it does may send requests), {@link #stop()} when the CSCF shuts down, after the requests
 * under way had their time and before the workers stop. Neither may throw.
 */
public interface RoleTasks {

    /** No background work. */
    RoleTasks NONE = new RoleTasks() {
        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    };

    void start();

    /** Idempotent. */
    void stop();
}
