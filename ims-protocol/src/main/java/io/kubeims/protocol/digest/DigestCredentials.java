package io.kubeims.protocol.digest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Digest credentials, the value of an Authorization or Proxy-Authorization header (RFC 2617 3.2.2,
 * RFC 3261 22.4), including the {@code auts} parameter of AKAv1-MD5 (RFC 3310 3.4). Other parameters (e.g.
 * {@code integrity-protected} of TS 24.229) are kept in {@code otherParams} and written quoted.
 *
 * <p>An IMS UE's first REGISTER carries empty {@code nonce} and {@code response} (TS 24.229 5.1.1.2), so both
 * may be empty; a non-empty response must be 32 hex digits.
 *
 * @param username    the user name (the IMPI in IMS)
 * @param realm       the realm of the challenge
 * @param nonce       the nonce of the challenge
 * @param uri         the digest-uri
 * @param response    the request-digest, 32 hex digits (or empty)
 * @param algorithm   algorithm token; empty means MD5
 * @param cnonce      client nonce, required with qop
 * @param opaque      opaque value from the challenge
 * @param qop         chosen quality of protection
 * @param nc          nonce count, 8 hex digits, required with qop
 * @param auts        base64 AUTS on AKA synchronisation failure
 * @param otherParams further parameters, names in lower case, in order
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        Optional<String> algorithm, Optional<String> cnonce, Optional<String> opaque, Optional<Qop> qop,
        Optional<String> nc, Optional<String> auts, Map<String, String> otherParams) {

    private static final String HEADER = "Authorization";
    private static final Set<String> MODELLED = Set.of("username", "realm", "nonce", "uri", "response",
            "algorithm", "cnonce", "opaque", "qop", "nc", "auts");
    private static final Pattern NC = Pattern.compile("[0-9a-fA-F]{8}");
    private static final Pattern RESPONSE = Pattern.compile("([0-9a-fA-F]{32})?");

    /**
     * @throws MalformedDigestHeaderException if a required value is null, qop is given without cnonce or nc,
     *                                        nc is not 8 hex digits, response is neither empty nor 32 hex digits,
     *                                        algorithm is not a token or {@code otherParams} repeats a parameter
     */
    public DigestCredentials {
        DigestParams.require("username", username);
        DigestParams.require("realm", realm);
        DigestParams.require("nonce", nonce);
        DigestParams.require("uri", uri);
        DigestParams.require("response", response);
        DigestParams.require("algorithm", algorithm);
        DigestParams.require("cnonce", cnonce);
        DigestParams.require("opaque", opaque);
        DigestParams.require("qop", qop);
        DigestParams.require("nc", nc);
        DigestParams.require("auts", auts);
        DigestParams.require("otherParams", otherParams);
        if (!RESPONSE.matcher(response).matches()) {
            throw new MalformedDigestHeaderException(HEADER + ": response must be 32 hex digits");
        }
        if (algorithm.isPresent() && !DigestParams.isToken(algorithm.get())) {
            throw new MalformedDigestHeaderException(HEADER + ": algorithm is not a token");
        }
        if (nc.isPresent() && !NC.matcher(nc.get()).matches()) {
            throw new MalformedDigestHeaderException(HEADER + ": nc must be 8 hex digits");
        }
        // RFC 2617 3.2.2: cnonce and nc MUST be sent with qop and MUST NOT be sent without it.
        if (qop.isPresent() != cnonce.isPresent() || qop.isPresent() != nc.isPresent()) {
            throw new MalformedDigestHeaderException(HEADER + ": qop, cnonce and nc must be given together");
        }
        otherParams = DigestParams.copyOther(HEADER, otherParams, MODELLED);
    }

    /**
     * Parses an Authorization / Proxy-Authorization value such as
     * {@code Digest username="alice", realm="r", nonce="n", uri="sip:r", response="...", qop=auth, nc=00000001,
     * cnonce="c"}.
     *
     * @throws MalformedDigestHeaderException on a grammar error, a duplicate, a missing username, realm, nonce,
     *                                        uri or response, an unsupported qop, or the checks of the constructor
     */
    public static DigestCredentials parse(String value) {
        Map<String, String> params = DigestParams.parse(HEADER, value);
        return new DigestCredentials(DigestParams.required(HEADER, params, "username"),
                DigestParams.required(HEADER, params, "realm"), DigestParams.required(HEADER, params, "nonce"),
                DigestParams.required(HEADER, params, "uri"), DigestParams.required(HEADER, params, "response"),
                Optional.ofNullable(params.get("algorithm")), Optional.ofNullable(params.get("cnonce")),
                Optional.ofNullable(params.get("opaque")), Optional.ofNullable(params.get("qop")).map(Qop::fromToken),
                Optional.ofNullable(params.get("nc")), Optional.ofNullable(params.get("auts")),
                DigestParams.other(params, MODELLED));
    }

    /** Starts credentials for the client side; see {@link Builder}. */
    public static Builder builder(String username, String realm, String nonce, String uri) {
        return new Builder(username, realm, nonce, uri);
    }

    /** The header value, with token values (algorithm, qop, nc) unquoted and the rest quoted. */
    public String format() {
        DigestParams.Writer out = new DigestParams.Writer().quoted("username", username).quoted("realm", realm)
                .quoted("nonce", nonce).quoted("uri", uri).quoted("response", response);
        algorithm.ifPresent(value -> out.token("algorithm", value));
        cnonce.ifPresent(value -> out.quoted("cnonce", value));
        opaque.ifPresent(value -> out.quoted("opaque", value));
        qop.ifPresent(value -> out.token("qop", value.token()));
        nc.ifPresent(value -> out.token("nc", value));
        auts.ifPresent(value -> out.quoted("auts", value));
        otherParams.forEach(out::quoted);
        return out.toString();
    }

    /** The nonce count as a number, if qop was used. */
    public OptionalLong nonceCount() {
        return nc.map(value -> OptionalLong.of(Long.parseLong(value, 16))).orElse(OptionalLong.empty());
    }

    /**
     * Client-side construction of credentials answering a challenge.
     *
     * <pre>{@code
     * DigestCredentials credentials = DigestCredentials.builder(impi, challenge.realm(), challenge.nonce(), uri)
     *         .algorithm(AkaDigest.ALGORITHM).qop(Qop.AUTH, 1, cnonce)
     *         .computeResponse(AkaDigest.ha1(impi, challenge.realm(), res), "REGISTER", new byte[0]);
     * }</pre>
     */
    public static final class Builder {
        private final String username;
        private final String realm;
        private final String nonce;
        private final String uri;
        private Optional<String> algorithm = Optional.empty();
        private Optional<String> cnonce = Optional.empty();
        private Optional<String> opaque = Optional.empty();
        private Optional<Qop> qop = Optional.empty();
        private Optional<String> nc = Optional.empty();
        private Optional<String> auts = Optional.empty();
        private final Map<String, String> otherParams = new LinkedHashMap<>();

        private Builder(String username, String realm, String nonce, String uri) {
            this.username = username;
            this.realm = realm;
            this.nonce = nonce;
            this.uri = uri;
        }

        /** Sets the algorithm token, e.g. "MD5" or "AKAv1-MD5". */
        public Builder algorithm(String value) {
            algorithm = Optional.of(value);
            return this;
        }

        /** Echoes the challenge's opaque value, if it had one. */
        public Builder opaque(Optional<String> value) {
            opaque = value;
            return this;
        }

        /**
         * Uses qop with the given nonce count (1 for the first request with this nonce) and client nonce.
         *
         * @throws MalformedDigestHeaderException if the count is not within 1 .. 2^32-1
         */
        public Builder qop(Qop value, long nonceCount, String clientNonce) {
            if (nonceCount < 1 || nonceCount > 0xffffffffL) {
                throw new MalformedDigestHeaderException(HEADER + ": nonce count must be within 1 .. 2^32-1");
            }
            qop = Optional.of(value);
            nc = Optional.of(String.format(Locale.ROOT, "%08x", nonceCount));
            cnonce = Optional.of(clientNonce);
            return this;
        }

        /** Adds the base64 AUTS of an AKA synchronisation failure (see {@link AkaDigest#encodeAuts}). */
        public Builder auts(String value) {
            auts = Optional.of(value);
            return this;
        }

        /** Adds a further parameter, written quoted. */
        public Builder param(String name, String value) {
            otherParams.put(name, value);
            return this;
        }

        /** Builds with the given response (empty for an IMS initial REGISTER). */
        public DigestCredentials build(String response) {
            return new DigestCredentials(username, realm, nonce, uri, response, algorithm, cnonce, opaque, qop, nc,
                    auts, otherParams);
        }

        /**
         * Builds with the response computed by {@link RequestDigest} for this HA1 and request.
         *
         * @param ha1        HA1 of the user (for AKA: {@link AkaDigest#ha1} of RES, or of an empty password on
         *                   synchronisation failure)
         * @param method     the request method
         * @param entityBody the message body (used by auth-int)
         */
        public DigestCredentials computeResponse(Ha1 ha1, String method, byte[] entityBody) {
            return build(RequestDigest.compute(ha1, nonce, qop, nc.orElse(""), cnonce.orElse(""), method, uri,
                    entityBody));
        }
    }
}
