package io.kubeims.cscf.scscf.auth;

import io.kubeims.cscf.store.AuthChallenge;
import io.kubeims.cscf.store.AuthChallengeStore;
import io.kubeims.cscf.store.ChallengeResponse;
import io.kubeims.cscf.store.ChallengeSecret;
import io.kubeims.cscf.store.NonceUse;
import io.kubeims.protocol.aka.Auts;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.digest.AkaDigest;
import io.kubeims.protocol.digest.DigestCredentials;
import io.kubeims.protocol.digest.Ha1;
import io.kubeims.protocol.digest.InvalidAutsException;
import io.kubeims.protocol.digest.Qop;
import io.kubeims.protocol.digest.RequestDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the credentials of a REGISTER against the challenge stored under their nonce (TS 24.229 5.4.1.2.1,
 * TS 33.203 6.1.1): the identities and realm must be those challenged, the response must be the RFC 2617 request
 * digest with qop=auth over the stored secret (for AKA, XRES as the password, RFC 3310 3.3), and only then is the
 * answer consumed in the store, whose single atomic {@link AuthChallengeStore#consume} tells a first use from a
 * replay across replicas. A wrong response removes the nonce, so that each wrong answer costs a new challenge and
 * the failed attempts are counted from challenge to challenge. Thread-safe, no state of its own.
 */
public final class CredentialVerifier {

    private final AuthChallengeStore challenges;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * @param challenges the shared challenge store
     * @param clock      this replica's clock
     * @param lifetime   how long a nonce may be answered (the store's own lifetime still applies)
     */
    public CredentialVerifier(AuthChallengeStore challenges, Clock clock, Duration lifetime) {
        if (challenges == null || clock == null || lifetime == null) {
            throw new IllegalArgumentException("challenges, clock and lifetime are required");
        }
        this.challenges = challenges;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Verifies one answer.
     *
     * @param credentials the parsed Authorization value, with a non-empty nonce
     * @param impu        the public identity the REGISTER registers (its To URI)
     * @param method      the request method
     * @param body        the message body (empty array for none)
     * @param viaBranch   the topmost Via branch, to tell a retransmission from a replay
     */
    public Verification verify(DigestCredentials credentials, String impu, String method, byte[] body,
            String viaBranch) {
        Optional<AuthChallenge> stored = challenges.get(credentials.nonce());
        if (stored.isEmpty() || !stored.get().createdAt().plus(lifetime).isAfter(clock.instant())) {
            return new Verification.Stale();
        }
        AuthChallenge challenge = stored.get();
        if (!challenge.impi().equals(credentials.username()) || !challenge.impu().equals(impu)
                || !challenge.realm().equalsIgnoreCase(credentials.realm())) {
            return new Verification.Mismatch("the nonce was issued to " + challenge.impi() + " for "
                    + challenge.impu() + " in realm " + challenge.realm() + ", answered by " + credentials.username()
                    + " for " + impu + " in realm " + credentials.realm());
        }
        if (credentials.auts().isPresent()) {
            if (challenge.scheme() != SipAuthenticationScheme.DIGEST_AKA_V1_MD5) {
                return new Verification.Malformed("auts answers an AKA challenge only");
            }
            try {
                Auts auts = AkaDigest.decodeAuts(credentials.auts().get());
                return new Verification.Resynchronisation(challenge, auts);
            } catch (InvalidAutsException e) {
                return new Verification.Malformed(e.getMessage());
            }
        }
        // RFC 2617 3.2.2: the challenge offered qop=auth, so the answer must use it (RFC 2069 answers are refused)
        boolean right = credentials.qop().filter(q -> q == Qop.AUTH).isPresent()
                && credentials.nonceCount().isPresent() && credentials.nonceCount().getAsLong() > 0
                && RequestDigest.matches(ha1(challenge, credentials.username()), credentials, method, body);
        if (!right) {
            challenges.remove(challenge.nonce());
            return new Verification.WrongResponse(challenge, challenge.failedAttempts() + 1);
        }
        NonceUse use = challenges.consume(challenge.nonce(), new ChallengeResponse(
                credentials.nonceCount().getAsLong(), credentials.response().toLowerCase(Locale.ROOT), viaBranch));
        return switch (use.outcome()) {
            case FIRST_USE -> new Verification.Authenticated(use.challenge(), false);
            case LATER_USE -> new Verification.Authenticated(use.challenge(), true);
            case RETRANSMISSION -> new Verification.Retransmission(use.challenge());
            case REPLAY -> new Verification.Replay(use.challenge());
            case UNKNOWN -> new Verification.Stale();
        };
    }

    private static Ha1 ha1(AuthChallenge challenge, String username) {
        if (challenge.secret() instanceof ChallengeSecret.Aka aka) {
            return AkaDigest.ha1(username, challenge.realm(), aka.xres());
        }
        return ((ChallengeSecret.Md5Digest) challenge.secret()).ha1();
    }
}
