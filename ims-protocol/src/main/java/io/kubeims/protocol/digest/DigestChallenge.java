package io.kubeims.protocol.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Digest challenge, the value of a WWW-Authenticate or Proxy-Authenticate header (RFC 2617 3.2.1,
 * RFC 3261 22.4, RFC 3310 3.1). Parameters the record does not model (domain, or the IMS ck/ik the S-CSCF sends
 * to the P-CSCF, TS 24.229) are kept in {@code otherParams} and written quoted.
 *
 * @param realm       the protection space
 * @param nonce       the server nonce (base64 RAND || AUTN for AKA)
 * @param opaque      opaque value to be returned unchanged
 * @param algorithm   "MD5", "AKAv1-MD5", ... (a token); empty means MD5
 * @param qopOptions  offered qop values in order (e.g. "auth"); empty for an RFC 2069 challenge
 * @param stale       true if the previous nonce was stale but the credentials were right
 * @param otherParams further parameters, names in lower case, in order
 */
public record DigestChallenge(String realm, String nonce, Optional<String> opaque, Optional<String> algorithm,
        List<String> qopOptions, boolean stale, Map<String, String> otherParams) {

    private static final String HEADER = "WWW-Authenticate";
    private static final Set<String> MODELLED = Set.of("realm", "nonce", "opaque", "algorithm", "qop", "stale");

    /**
     * @throws MalformedDigestHeaderException if a required value is null, the algorithm or a qop option is not a
     *                                        token, or {@code otherParams} repeats a modelled parameter
     */
    public DigestChallenge {
        DigestParams.require("realm", realm);
        DigestParams.require("nonce", nonce);
        DigestParams.require("opaque", opaque);
        DigestParams.require("algorithm", algorithm);
        DigestParams.require("qop", qopOptions);
        DigestParams.require("otherParams", otherParams);
        if (algorithm.isPresent() && !DigestParams.isToken(algorithm.get())) {
            throw new MalformedDigestHeaderException(HEADER + ": algorithm is not a token");
        }
        for (String option : qopOptions) {
            if (option == null || !DigestParams.isToken(option)) {
                throw new MalformedDigestHeaderException(HEADER + ": qop option is not a token");
            }
        }
        qopOptions = List.copyOf(qopOptions);
        otherParams = DigestParams.copyOther(HEADER, otherParams, MODELLED);
    }

    /**
     * A challenge offering qop="auth" with the given algorithm, no opaque.
     *
     * @param realm     the protection space
     * @param nonce     the nonce
     * @param algorithm "MD5" or {@link AkaDigest#ALGORITHM}
     */
    public static DigestChallenge of(String realm, String nonce, String algorithm) {
        return new DigestChallenge(realm, nonce, Optional.empty(), Optional.of(algorithm), List.of(Qop.AUTH.token()),
                false, Map.of());
    }

    /**
     * Parses a WWW-Authenticate / Proxy-Authenticate value such as
     * {@code Digest realm="ims.example", nonce="...", algorithm=AKAv1-MD5, qop="auth"}.
     *
     * @throws MalformedDigestHeaderException on a grammar error, a duplicate or missing realm/nonce, or a stale
     *                                        value other than true/false
     */
    public static DigestChallenge parse(String value) {
        Map<String, String> params = DigestParams.parse(HEADER, value);
        String stale = params.getOrDefault("stale", "false");
        if (!stale.equalsIgnoreCase("true") && !stale.equalsIgnoreCase("false")) {
            throw new MalformedDigestHeaderException(HEADER + ": stale must be true or false");
        }
        List<String> qop = new ArrayList<>();
        if (params.containsKey("qop")) {
            for (String option : params.get("qop").split(",")) {
                if (!option.isBlank()) {
                    qop.add(option.strip());
                }
            }
        }
        return new DigestChallenge(DigestParams.required(HEADER, params, "realm"),
                DigestParams.required(HEADER, params, "nonce"),
                Optional.ofNullable(params.get("opaque")), Optional.ofNullable(params.get("algorithm")), qop,
                stale.equalsIgnoreCase("true"), DigestParams.other(params, MODELLED));
    }

    /** The header value, e.g. {@code Digest realm="r", nonce="n", algorithm=MD5, qop="auth"}. */
    public String format() {
        DigestParams.Writer out = new DigestParams.Writer().quoted("realm", realm).quoted("nonce", nonce);
        opaque.ifPresent(value -> out.quoted("opaque", value));
        algorithm.ifPresent(value -> out.token("algorithm", value));
        if (!qopOptions.isEmpty()) {
            out.quoted("qop", String.join(",", qopOptions));
        }
        if (stale) {
            out.token("stale", "true");
        }
        otherParams.forEach(out::quoted);
        return out.toString();
    }

    /** True if {@code qop} is among the offered options. */
    public boolean offers(Qop qop) {
        return qopOptions.stream().anyMatch(option -> option.equalsIgnoreCase(qop.token()));
    }

    /** This challenge with an extra parameter (e.g. the IMS {@code ck}/{@code ik}), replacing one of that name. */
    public DigestChallenge withParam(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>(otherParams);
        params.put(name.toLowerCase(Locale.ROOT), value);
        return new DigestChallenge(realm, nonce, opaque, algorithm, qopOptions, stale, params);
    }

    /** This challenge without the named extra parameters, e.g. the P-CSCF removing {@code ck} and {@code ik}. */
    public DigestChallenge withoutParams(String... names) {
        Map<String, String> params = new LinkedHashMap<>(otherParams);
        for (String name : names) {
            params.remove(name.toLowerCase(Locale.ROOT));
        }
        return new DigestChallenge(realm, nonce, opaque, algorithm, qopOptions, stale, params);
    }
}
