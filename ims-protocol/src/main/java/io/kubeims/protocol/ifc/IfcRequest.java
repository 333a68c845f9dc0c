package io.kubeims.protocol.ifc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SIP-stack-agnostic view of an initial request as the S-CSCF sees it when evaluating iFCs
 * (TS 29.228 Annex C, TS 24.229 5.4.3.2/5.4.3.3).
 *
 * @param method the SIP method, e.g. {@code INVITE} (compared case-sensitively, RFC 3261 7.1)
 * @param requestUri the Request-URI as it appears on the request line
 * @param headers header name to the values of every occurrence of that header, in order; names are
 *        matched case-insensitively and RFC 3261 7.3.3 compact forms are expanded (the accessor returns
 *        the normalised, unmodifiable map)
 * @param body the message body (SDP for SessionDescription SPTs); null is taken as empty
 * @param sessionCase the session case the S-CSCF is handling the request in
 * @param registrationType for a REGISTER, which kind it is; null when unknown or for other methods
 * @param servedUserRegistered whether the served user is registered, which selects the iFCs by their
 *        ProfilePartIndicator
 */
public record IfcRequest(String method, String requestUri, Map<String, List<String>> headers, String body,
        SessionCase sessionCase, RegistrationType registrationType, boolean servedUserRegistered) {

    /** RFC 3261 7.3.3 plus the compact forms registered by later RFCs (3515, 3841, 3892, 4028, 6665, 8224). */
    private static final Map<String, String> COMPACT_FORMS = Map.ofEntries(
            Map.entry("a", "Accept-Contact"), Map.entry("b", "Referred-By"), Map.entry("c", "Content-Type"),
            Map.entry("d", "Request-Disposition"), Map.entry("e", "Content-Encoding"), Map.entry("f", "From"),
            Map.entry("i", "Call-ID"), Map.entry("j", "Reject-Contact"), Map.entry("k", "Supported"),
            Map.entry("l", "Content-Length"), Map.entry("m", "Contact"), Map.entry("o", "Event"),
            Map.entry("r", "Refer-To"), Map.entry("s", "Subject"), Map.entry("t", "To"),
            Map.entry("u", "Allow-Events"), Map.entry("v", "Via"), Map.entry("x", "Session-Expires"),
            Map.entry("y", "Identity"));

    /**
     * @throws InvalidIfcException if the method is not a token, the Request-URI or session case is
     *         missing, a header name or value is null, or a registration type is given for a non-REGISTER
     */
    public IfcRequest {
        FieldChecks.sipToken(method, "request method");
        FieldChecks.required(requestUri, "Request-URI");
        FieldChecks.required(sessionCase, "session case");
        FieldChecks.required(headers, "headers");
        if (registrationType != null && !"REGISTER".equals(method)) {
            throw new InvalidIfcException("registration type " + registrationType + " given for a " + method
                    + " request; it only applies to REGISTER");
        }
        body = body == null ? "" : body;
        Map<String, List<String>> normalised = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = FieldChecks.required(header.getKey(), "header name");
            List<String> values = FieldChecks.listOf(header.getValue(), "values of header " + name);
            normalised.computeIfAbsent(canonicalHeaderName(name), n -> new ArrayList<>()).addAll(values);
        }
        normalised.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(normalised);
    }

    /**
     * Convenience for requests without headers and body.
     *
     * @param method the SIP method
     * @param requestUri the Request-URI
     * @param sessionCase the session case
     * @param servedUserRegistered whether the served user is registered
     * @return the request view
     */
    public static IfcRequest of(String method, String requestUri, SessionCase sessionCase,
            boolean servedUserRegistered) {
        return new IfcRequest(method, requestUri, Map.of(), "", sessionCase, null, servedUserRegistered);
    }

    /**
     * @param name a header name, full or compact, any case
     * @return the values of every occurrence of that header, empty if absent
     */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(canonicalHeaderName(name), List.of());
    }

    /**
     * @param name a header name
     * @return the full form of an RFC 3261 7.3.3 compact name, otherwise {@code name} itself
     */
    static String canonicalHeaderName(String name) {
        return name.length() == 1 ? COMPACT_FORMS.getOrDefault(name.toLowerCase(Locale.ROOT), name) : name;
    }
}
