package io.kubeims.hss.store;

/** The HSS's stores over one storage backend, open until {@link #close()}. */
public interface HssStorage extends AutoCloseable {

    /** Provisioned subscribers and their public identity index. */
    SubscriberStore subscribers();

    /** SQN and registration state. */
    DynamicStateStore dynamicState();

    /** Releases the backend (stops the cache manager); the stores must not be used afterwards. */
    @Override
    void close();
}
