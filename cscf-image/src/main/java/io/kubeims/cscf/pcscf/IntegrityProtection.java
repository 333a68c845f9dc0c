package io.kubeims.cscf.pcscf;

import java.util.Locale;
import java.util.Optional;

/**
 * Values of the {@code integrity-protected} parameter of the Authorization header a P-CSCF forwards in a REGISTER
 * (TS 24.229 7.2A.2; meaning of the values TS 24.229 5.2.2 / TS 33.203): how the P-CSCF vouches for the flow the
 * REGISTER came over. The parameter is the P-CSCF's alone: whatever the UE put there is removed.
 */
public enum IntegrityProtection {
    /** Received over an IMS AKA IPsec security association. */
    YES("yes"),
    /** Not protected (IMS AKA without a security association yet). */
    NO("no"),
    /** Received over TLS, the session not yet bound to a registration. */
    TLS_PENDING("tls-pending"),
    /** Received over a TLS session bound to a registration of this private identity. */
    TLS_YES("tls-yes"),
    /**
     * SIP digest without TLS: the flow (IP address, port, transport) is not (yet) bound to a registration of this
     * private identity; the S-CSCF authenticates.
     */
    IP_ASSOC_PENDING("ip-assoc-pending"),
    /**
     * SIP digest without TLS: the REGISTER came from exactly the flow a previous 200 bound to a live registration of
     * this private identity.
     */
    IP_ASSOC_YES("ip-assoc-yes"),
    /** The access network authenticated the UE (NASS/GPRS-IMS bundled). */
    AUTH_DONE("auth-done");

    /** The Authorization parameter name. */
    public static final String PARAMETER = "integrity-protected";

    private final String token;

    IntegrityProtection(String token) {
        this.token = token;
    }

    /** The value as written on the wire. */
    public String token() {
        return token;
    }

    /** The value for this token (case-insensitive, quotes already removed), if it is one of TS 24.229. */
    public static Optional<IntegrityProtection> fromToken(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (IntegrityProtection candidate : values()) {
            if (candidate.token.equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
