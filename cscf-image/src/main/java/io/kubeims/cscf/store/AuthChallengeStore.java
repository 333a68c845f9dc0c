package io.kubeims.cscf.store;

import java.util.Optional;

/**
 * The S-CSCF's outstanding authentication challenges by nonce (TS 24.229 5.4.1, TS 33.203), shared by the
 * replicas: the 401 may come from one and the answer land on another. Entries live for the configured challenge
 * lifetime from their creation (an Infinispan lifespan, and checked on every read), then they are unknown.
 */
public interface AuthChallengeStore {

    /**
     * Stores a new challenge; false if its nonce is already stored (make another nonce) or it is already past its
     * lifetime.
     */
    boolean create(AuthChallenge challenge);

    /** The challenge of {@code nonce}, if stored and within its lifetime. */
    Optional<AuthChallenge> get(String nonce);

    /**
     * Records an answer to {@code nonce} atomically, after the caller has checked its digest against {@link #get}
     * (a wrong digest must not consume an nc): accepted if its nc is above the highest accepted so far, then that
     * nc becomes the highest. Of replicas racing with the same answer exactly one sees it accepted; the others see
     * a {@link NonceUse.Outcome#RETRANSMISSION}.
     */
    NonceUse consume(String nonce, ChallengeResponse answer);

    /** Forgets {@code nonce} (e.g. after a synchronisation failure); whether it was stored. */
    boolean remove(String nonce);
}
