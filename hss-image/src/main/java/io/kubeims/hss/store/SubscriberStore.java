package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.store.CorruptStoredValueException;

import java.util.Optional;

/**
 * The provisioned subscribers of the HSS, by private identity, with an index from each public identity to its
 * private identity kept consistent with every put and delete. Safe for concurrent use by several threads and by
 * several HSS instances sharing the same caches.
 */
public interface SubscriberStore {

    /**
     * Creates or replaces the subscriber with this private identity and re-indexes its public identities: new ones
     * are claimed, ones the previous version had and this one lacks are released.
     *
     * @param subscriber the subscriber
     * @return the subscriber it replaced, if any
     * @throws DuplicatePublicIdentityException if a public identity belongs to another private identity (nothing
     *                                          is changed then)
     */
    Optional<Subscriber> put(Subscriber subscriber);

    /**
     * @param privateIdentity the IMPI
     * @return the subscriber, if provisioned
     * @throws CorruptStoredValueException if the stored value cannot be decoded
     */
    Optional<Subscriber> get(String privateIdentity);

    /**
     * @param publicIdentity the IMPU, compared exactly
     * @return the private identity whose implicit set holds it, if any
     */
    Optional<String> findPrivateIdentity(String publicIdentity);

    /**
     * Deletes the subscriber and releases its public identities. Dynamic state (SQN) is kept: see
     * {@link DynamicStateStore}.
     *
     * @param privateIdentity the IMPI
     * @return the deleted subscriber, if there was one
     */
    Optional<Subscriber> delete(String privateIdentity);

    /** The number of provisioned subscribers. */
    long count();
}
