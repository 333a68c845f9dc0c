package io.kubeims.cscf.scscf.auth;

import io.kubeims.cscf.store.AuthChallenge;
import io.kubeims.cscf.store.AuthChallengeStore;
import io.kubeims.cscf.store.ChallengeSecret;
import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.SipDigestAuthenticate;
import io.kubeims.protocol.aka.Auts;
import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UnknownAuthenticationSchemeException;
import io.kubeims.protocol.digest.AkaDigest;
import io.kubeims.protocol.digest.AkaNonce;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.Ha1;
import io.kubeims.protocol.digest.MalformedDigestHeaderException;
import io.kubeims.protocol.digest.Qop;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Makes the challenge of a 401 (TS 24.229 5.4.1.2.1): asks the HSS for one vector with a MAR (TS 29.228 6.3),
 * stores what verifying the answer needs under the nonce in the shared {@link AuthChallengeStore}, and returns the
 * WWW-Authenticate value.
 * <ul>
 * <li>Digest-AKAv1-MD5 (RFC 3310, TS 33.203 6.1): nonce = base64(RAND || AUTN), realm = the home domain, qop="auth",
 * and {@code ck}/{@code ik} in hex for the P-CSCF's security associations (TS 24.229 5.4.1.2.1); XRES, CK, IK are
 * stored.</li>
 * <li>SIP Digest (TS 33.203 annex N, RFC 2617): a random 128-bit nonce of ours, the realm, qop and algorithm of the
 * HSS's SIP-Digest-Authenticate; the HA1 is stored.</li>
 * </ul>
 * A resynchronisation sends RAND || AUTS in the MAR (TS 33.203 6.3.3) and challenges with the fresh vector. The MAA
 * is handled on {@code executor}, never on the Diameter thread. Thread-safe, no state of its own.
 */
public final class ChallengeIssuer {

    private static final int MD5_NONCE_OCTETS = 16;
    private static final int RAND_AUTN_OCTETS = 32;
    private static final int NONCE_ATTEMPTS = 3;

    private final CxClient cx;
    private final AuthChallengeStore challenges;
    private final String serverName;
    private final String homeDomain;
    private final Clock clock;
    private final Executor executor;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param cx         the Cx client towards the HSS
     * @param challenges the shared challenge store
     * @param serverName the S-CSCF's Server-Name (the pool's SIP URI)
     * @param homeDomain the realm of AKA challenges
     * @param clock      the challenge creation time
     * @param executor   runs what follows the MAA (the store write)
     */
    public ChallengeIssuer(CxClient cx, AuthChallengeStore challenges, String serverName, String homeDomain,
            Clock clock, Executor executor) {
        if (cx == null || challenges == null || serverName == null || homeDomain == null || clock == null
                || executor == null) {
            throw new IllegalArgumentException("cx, challenges, serverName, homeDomain, clock and executor are required");
        }
        this.cx = cx;
        this.challenges = challenges;
        this.serverName = serverName;
        this.homeDomain = homeDomain;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * A new challenge for {@code impi} registering {@code impu}.
     *
     * @param scheme         the scheme to ask for; {@link SipAuthenticationScheme#UNKNOWN} lets the HSS choose
     * @param failedAttempts wrong answers already given in this authentication (carried into the new challenge)
     * @param stale          whether to mark the challenge {@code stale=true} (the previous nonce was not usable)
     * @return the challenge; completes exceptionally with {@link HssRefusalException},
     *         {@link UnusableHssAnswerException}, or the Cx client's failure
     */
    public CompletableFuture<IssuedChallenge> challenge(String impi, String impu, SipAuthenticationScheme scheme,
            int failedAttempts, boolean stale) {
        MultimediaAuthRequest mar = new MultimediaAuthRequest(impi, impu, serverName, 1,
                SipAuthDataItem.request(scheme));
        return send(mar).thenApplyAsync(maa -> store(maa, impi, impu, failedAttempts, stale), executor);
    }

    /**
     * Reports an AKA synchronisation failure to the HSS (MAR with RAND || AUTS, TS 33.203 6.3.3, TS 29.228 6.3)
     * and challenges with the vector it returns. The previous nonce is forgotten first: it can no longer be answered.
     *
     * @param previous the challenge the UE could not accept
     * @param auts     the UE's AUTS
     */
    public CompletableFuture<IssuedChallenge> resynchronise(AuthChallenge previous, Auts auts) {
        byte[] rand = AkaNonce.decode(previous.nonce()).rand();
        byte[] authorization = new byte[rand.length + auts.toOctets().length];
        System.arraycopy(rand, 0, authorization, 0, rand.length);
        System.arraycopy(auts.toOctets(), 0, authorization, rand.length, auts.toOctets().length);
        challenges.remove(previous.nonce());
        MultimediaAuthRequest mar = new MultimediaAuthRequest(previous.impi(), previous.impu(), serverName, 1,
                SipAuthDataItem.resynchronisation(authorization));
        return send(mar).thenApplyAsync(maa -> store(maa, previous.impi(), previous.impu(),
                previous.failedAttempts(), false), executor);
    }

    private CompletableFuture<MultimediaAuthAnswer> send(MultimediaAuthRequest mar) {
        try {
            return cx.send(mar);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private IssuedChallenge store(MultimediaAuthAnswer maa, String impi, String impu, int failedAttempts,
            boolean stale) {
        try {
            if (!maa.result().isSuccess()) {
                throw new HssRefusalException(CxCommand.MULTIMEDIA_AUTH, maa.result(), maa.errorMessage());
            }
            if (maa.authDataItems().isEmpty()) {
                throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "no SIP-Auth-Data-Item");
            }
            SipAuthDataItem item = maa.authDataItems().get(0);
            SipAuthenticationScheme scheme;
            try {
                scheme = item.scheme();
            } catch (UnknownAuthenticationSchemeException e) {
                throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "SIP-Authentication-Scheme '"
                        + item.authenticationScheme() + "' is not one the S-CSCF challenges with", e);
            }
            return switch (scheme) {
                case DIGEST_AKA_V1_MD5 -> aka(item, impi, impu, failedAttempts, stale);
                case SIP_DIGEST -> md5(item, impi, impu, failedAttempts, stale);
                default -> throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "scheme "
                        + scheme.wireValue() + " is not one the S-CSCF challenges with");
            };
        } catch (HssRefusalException | UnusableHssAnswerException e) {
            throw new CompletionException(e);
        }
    }

    private IssuedChallenge aka(SipAuthDataItem item, String impi, String impu, int failedAttempts, boolean stale)
            throws UnusableHssAnswerException {
        byte[] randAutn = item.sipAuthenticate();
        if (randAutn == null || randAutn.length != RAND_AUTN_OCTETS) {
            throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "SIP-Authenticate must be RAND||AUTN ("
                    + RAND_AUTN_OCTETS + " octets), was " + (randAutn == null ? "absent" : randAutn.length + " octets"));
        }
        ChallengeSecret.Aka secret;
        try {
            secret = new ChallengeSecret.Aka(item.sipAuthorization(), item.confidentialityKey(),
                    item.integrityKey());
        } catch (IllegalArgumentException e) {
            // the store's message names the part and its length, never its value
            throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, e.getMessage(), e);
        }
        String nonce = new AkaNonce(Arrays.copyOfRange(randAutn, 0, 16), Arrays.copyOfRange(randAutn, 16, 32),
                new byte[0]).encode();
        AuthChallenge stored = AuthChallenge.issued(nonce, impi, impu, homeDomain, secret, clock.instant(),
                failedAttempts);
        if (!challenges.create(stored)) {
            // a RAND repeated within a nonce lifetime: the HSS's random source is broken
            throw new CompletionException(new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH,
                    "the vector's nonce is already outstanding"));
        }
        // TS 24.229 5.4.1.2.1: ck and ik for the P-CSCF, which removes them before the 401 reaches the UE
        DigestChallenge challenge = new DigestChallenge(homeDomain, nonce, Optional.empty(),
                Optional.of(AkaDigest.ALGORITHM), List.of(Qop.AUTH.token()), stale, Map.of())
                .withParam("ik", HexKey.format(secret.ik())).withParam("ck", HexKey.format(secret.ck()));
        return new IssuedChallenge(challenge, stored);
    }

    private IssuedChallenge md5(SipAuthDataItem item, String impi, String impu, int failedAttempts, boolean stale)
            throws UnusableHssAnswerException {
        SipDigestAuthenticate digest = item.digestAuthenticate();
        if (digest == null) {
            throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "SIP Digest item without "
                    + "SIP-Digest-Authenticate");
        }
        String algorithm = digest.digestAlgorithm() == null ? "MD5" : digest.digestAlgorithm();
        if (!algorithm.equalsIgnoreCase("MD5")) {
            throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "Digest-Algorithm '" + algorithm
                    + "' is not supported (MD5 only)");
        }
        if (!digest.digestQop().equalsIgnoreCase(Qop.AUTH.token())) {
            throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "Digest-QoP '" + digest.digestQop()
                    + "' is not supported (auth only)");
        }
        Ha1 ha1;
        try {
            ha1 = Ha1.parseHex(digest.digestHa1());
        } catch (IllegalArgumentException e) {
            throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "Digest-HA1 is not 32 hex digits", e);
        }
        for (int attempt = 0; attempt < NONCE_ATTEMPTS; attempt++) {
            byte[] octets = new byte[MD5_NONCE_OCTETS];
            random.nextBytes(octets);
            String nonce = Base64.getEncoder().encodeToString(octets);
            AuthChallenge stored = AuthChallenge.issued(nonce, impi, impu, digest.digestRealm(),
                    new ChallengeSecret.Md5Digest(ha1), clock.instant(), failedAttempts);
            if (challenges.create(stored)) {
                DigestChallenge challenge;
                try {
                    challenge = new DigestChallenge(digest.digestRealm(), nonce, Optional.empty(),
                            Optional.of("MD5"), List.of(Qop.AUTH.token()), stale, Map.of());
                } catch (MalformedDigestHeaderException e) {
                    throw new UnusableHssAnswerException(CxCommand.MULTIMEDIA_AUTH, "Digest-Realm unusable", e);
                }
                return new IssuedChallenge(challenge, stored);
            }
        }
        throw new IllegalStateException("no free nonce after " + NONCE_ATTEMPTS + " random draws");
    }
}
