package io.kubeims.api.v1alpha1.common;

/**
 * Regular expressions put into the generated CRD schema (OpenAPI {@code pattern}, ECMA-262 dialect) and reused by
 * tests. Kept deliberately strict: the API server rejects a bad manifest before any reconciler sees it.
 */
public final class ValidationPatterns {

    /** RFC 1123 DNS subdomain: names of Kubernetes objects such as Secrets and our own CRs. */
    public static final String DNS_SUBDOMAIN =
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** An IMS home domain (realm): at least two DNS labels, letters, digits and hyphens (RFC 1035 2.3.1). */
    public static final String HOME_DOMAIN =
            "^([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$";

    /**
     * A private user identity (IMPI): a NAI, {@code username@realm} (TS 23.003 13.3, RFC 7542). No whitespace,
     * no second '@'.
     */
    public static final String PRIVATE_IDENTITY =
            "^[^@\\s\"<>]+@([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$";

    /**
     * A public user identity (IMPU): a SIP(S) URI with user part and host ({@code sip:alice@ims.example.com}), or
     * a global-number tel URI ({@code tel:+15551234567}, RFC 3966), optionally with parameters.
     */
    public static final String PUBLIC_IDENTITY =
            "^(sips?:[^@\\s\"<>;]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?(;[^\\s\"<>]*)?|tel:\\+[0-9]{1,15}(;[^\\s\"<>]*)?)$";

    /** A SIP or SIPS URI, as used for application servers and gateways. */
    public static final String SIP_URI = "^sips?:[^\\s\"<>]+$";

    /** {@code host:port} or {@code host} (IPv4, IPv6 in brackets, or DNS name). */
    public static final String HOST_PORT = "^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$";

    /** A DNS domain used as ENUM suffix, with or without the trailing dot. */
    public static final String DNS_DOMAIN = "^([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\\.?$";

    private ValidationPatterns() {
    }
}
