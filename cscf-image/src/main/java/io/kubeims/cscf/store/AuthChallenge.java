package io.kubeims.cscf.store;

import io.kubeims.protocol.cx.SipAuthenticationScheme;

import java.time.Instant;

/**
 * A challenge the S-CSCF sent in a 401 (TS 24.229 5.4.1), kept under its nonce until it is answered or its
 * lifetime passes: who it challenged, the secret to check the answer, and replay state (the highest nc accepted,
 * RFC 2617 3.2.2, and that answer itself, to recognise a retransmission), and how many wrong answers the
 * challenges before it in the same authentication got (so the limit of failed attempts holds across replicas,
 * TS 24.229 5.4.1.2.3). {@code toString()} redacts the secret.
 *
 * @param nonce        the nonce sent (the store key)
 * @param impi         the private identity challenged
 * @param impu         the public identity being registered
 * @param realm        the realm of the challenge
 * @param secret       XRES, CK, IK (AKA) or HA1 (SIP Digest)
 * @param createdAt    when the challenge was made; its lifetime counts from here
 * @param highestNc    the highest nc accepted so far, 0 before the first use
 * @param lastAccepted the answer accepted with {@code highestNc}, null before the first use
 * @param failedAttempts wrong answers given to the earlier challenges of this authentication (0 to 1000)
 */
public record AuthChallenge(String nonce, String impi, String impu, String realm, ChallengeSecret secret,
        Instant createdAt, long highestNc, ChallengeResponse lastAccepted, int failedAttempts) {

    /** The most failed attempts a challenge records; registrars stop far earlier. */
    public static final int MAX_FAILED_ATTEMPTS = 1000;

    /** @throws InvalidCscfStateException if a field is missing or the replay state is inconsistent */
    public AuthChallenge {
        StateFields.requireText("nonce", nonce);
        StateFields.requireText("impi", impi);
        StateFields.requireText("impu", impu);
        StateFields.requireText("realm", realm);
        StateFields.requirePresent("secret", secret);
        createdAt = StateFields.instant("createdAt", createdAt);
        if (highestNc < 0 || highestNc > 0xFFFF_FFFFL) {
            throw new InvalidCscfStateException("highestNc " + highestNc + " is not between 0 and ffffffff");
        }
        if ((highestNc == 0) != (lastAccepted == null)
                || (lastAccepted != null && lastAccepted.nc() != highestNc)) {
            throw new InvalidCscfStateException("lastAccepted does not match highestNc " + highestNc);
        }
        if (failedAttempts < 0 || failedAttempts > MAX_FAILED_ATTEMPTS) {
            throw new InvalidCscfStateException("failedAttempts " + failedAttempts + " is not between 0 and "
                    + MAX_FAILED_ATTEMPTS);
        }
    }

    /** A challenge of a first authentication attempt (no failed attempt before it). */
    public AuthChallenge(String nonce, String impi, String impu, String realm, ChallengeSecret secret,
            Instant createdAt, long highestNc, ChallengeResponse lastAccepted) {
        this(nonce, impi, impu, realm, secret, createdAt, highestNc, lastAccepted, 0);
    }

    /** A challenge just sent, not yet answered. */
    public static AuthChallenge issued(String nonce, String impi, String impu, String realm, ChallengeSecret secret,
            Instant createdAt) {
        return new AuthChallenge(nonce, impi, impu, realm, secret, createdAt, 0, null, 0);
    }

    /** A challenge just sent after {@code failedAttempts} wrong answers to the earlier ones of this authentication. */
    public static AuthChallenge issued(String nonce, String impi, String impu, String realm, ChallengeSecret secret,
            Instant createdAt, int failedAttempts) {
        return new AuthChallenge(nonce, impi, impu, realm, secret, createdAt, 0, null, failedAttempts);
    }

    /** The scheme, from the secret. */
    public SipAuthenticationScheme scheme() {
        return secret.scheme();
    }

    /** Whether an answer has been accepted. */
    public boolean used() {
        return highestNc > 0;
    }

    /** This challenge after accepting {@code answer}. */
    AuthChallenge accepting(ChallengeResponse answer) {
        return new AuthChallenge(nonce, impi, impu, realm, secret, createdAt, answer.nc(), answer, failedAttempts);
    }
}
