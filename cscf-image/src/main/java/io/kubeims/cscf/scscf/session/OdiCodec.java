package io.kubeims.cscf.scscf.session;

import io.kubeims.protocol.ifc.InvalidIfcException;
import io.kubeims.protocol.ifc.SessionCase;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and checks the user part {@code odi-<token>} of the Route the S-CSCF puts behind an AS (TS 24.229 5.4.3.2:
 * "an original dialog identifier"). The token is self-contained, {@code base64url(payload) "." base64url(mac)} with
 * an HMAC-SHA256 (truncated to 128 bits) under the key all replicas of the pool share, so whichever replica the AS's
 * request reaches resumes without a store round trip; only characters of the SIP user part's unreserved set are used
 * (RFC 3261 25.1). The payload is {@code v1|<case>|<priority>|<expiry epoch s>|<served user>}.
 */
public final class OdiCodec {

    /** The user-part prefix marking an ODI Route entry. */
    public static final String PREFIX = "odi-";
    /** Shortest key accepted, bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN_CHARS = 1024;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param key   the pool's shared key, at least {@value #MIN_KEY_BYTES} bytes (copied)
     * @param clock the clock expiry is checked against
     * @throws InvalidSessionSettingsException when the key is too short
     */
    public OdiCodec(byte[] key, Clock clock) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new InvalidSessionSettingsException("odiKey", "at least " + MIN_KEY_BYTES + " bytes, was "
                    + (key == null ? 0 : key.length));
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** The Route user part carrying {@code token}: {@code odi-<payload>.<mac>}. */
    public String encode(OdiToken token) {
        String payload = "v1|" + token.sessionCase().code() + "|" + token.afterPriority() + "|"
                + token.expiresAt().getEpochSecond() + "|" + token.servedUser();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return PREFIX + ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** True when a Route user part is an ODI of ours by its form (not yet verified). */
    public static boolean isOdi(String user) {
        return user != null && user.startsWith(PREFIX);
    }

    /**
     * Verifies and reads a Route user part written by {@link #encode}.
     *
     * @throws InvalidOdiException when it is malformed, its signature does not match, or it expired
     */
    public OdiToken decode(String user) {
        if (!isOdi(user) || user.length() > MAX_TOKEN_CHARS) {
            throw new InvalidOdiException("not an odi- user part of acceptable length");
        }
        String token = user.substring(PREFIX.length());
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new InvalidOdiException("malformed token");
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            mac = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidOdiException("token is not base64url");
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            throw new InvalidOdiException("signature does not match (another pool's key, or altered)");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", 5);
        if (fields.length != 5 || !"v1".equals(fields[0])) {
            throw new InvalidOdiException("unknown token version");
        }
        OdiToken odi;
        try {
            odi = new OdiToken(SessionCase.fromCode(Integer.parseInt(fields[1])), fields[4],
                    Integer.parseInt(fields[2]), Instant.ofEpochSecond(Long.parseLong(fields[3])));
        } catch (NumberFormatException | InvalidIfcException e) {
            throw new InvalidOdiException("malformed field: " + e.getMessage());
        }
        if (!odi.expiresAt().isAfter(clock.instant())) {
            throw new InvalidOdiException("expired at " + odi.expiresAt());
        }
        return odi;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "OdiCodec[key ****]";
    }
}
