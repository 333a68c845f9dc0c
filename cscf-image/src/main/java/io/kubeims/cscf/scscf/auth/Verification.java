package io.kubeims.cscf.scscf.auth;

import io.kubeims.cscf.store.AuthChallenge;
import io.kubeims.protocol.aka.Auts;

/** What {@link CredentialVerifier} concluded about the credentials of one REGISTER. */
public sealed interface Verification {

    /**
     * The answer is right and its nonce count was accepted by the store: the UE is authenticated.
     *
     * @param challenge  the challenge answered
     * @param reusedNonce true when the nonce had been answered before with a lower nc (RFC 2617 3.2.2 nonce reuse)
     */
    record Authenticated(AuthChallenge challenge, boolean reusedNonce) implements Verification {
    }

    /**
     * The very answer accepted before (same nc, response and Via branch): a retransmission that reached a replica
     * without the server transaction; answer as before, change nothing.
     */
    record Retransmission(AuthChallenge challenge) implements Verification {
    }

    /** The nonce is unknown or past its lifetime (RFC 2617 3.2.1 stale): challenge again with stale=true. */
    record Stale() implements Verification {
    }

    /** A right answer whose nonce count is not above the highest accepted: a replay; challenge again, never 200. */
    record Replay(AuthChallenge challenge) implements Verification {
    }

    /**
     * The response is wrong (or lacks the qop the challenge required); the nonce is forgotten.
     *
     * @param challenge      the challenge answered wrongly
     * @param failedAttempts wrong answers in this authentication, this one included
     */
    record WrongResponse(AuthChallenge challenge, int failedAttempts) implements Verification {
    }

    /** The UE reports an AKA synchronisation failure (RFC 3310 3.4) with its AUTS. */
    record Resynchronisation(AuthChallenge challenge, Auts auts) implements Verification {
    }

    /**
     * The credentials answer a challenge made for another private or public identity or realm.
     *
     * @param detail what differs (identities, no secret)
     */
    record Mismatch(String detail) implements Verification {
    }

    /**
     * The credentials cannot be read as the challenge's scheme requires (e.g. an {@code auts} that is not 14
     * octets of base64, or {@code auts} in answer to an MD5 challenge).
     */
    record Malformed(String detail) implements Verification {
    }
}
