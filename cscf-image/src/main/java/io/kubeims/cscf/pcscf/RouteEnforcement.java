package io.kubeims.cscf.pcscf;

import java.util.Locale;

/**
 * What the P-CSCF does with an initial request from a registered UE whose Route set does not start with the
 * Service-Route stored from its registration (TS 24.229 5.2.6.3.3 allows either; RFC 3608 6).
 */
public enum RouteEnforcement {

    /** Replace the UE's Route set by the stored Service-Route and forward. */
    REWRITE,
    /** Answer 400 (Bad Request) with a reason phrase naming the Service-Route. */
    REJECT;

    /**
     * Parses {@code rewrite} or {@code reject}, ignoring case.
     *
     * @throws InvalidPcscfSettingsException naming {@code routeEnforcement} for anything else
     */
    public static RouteEnforcement parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (RouteEnforcement candidate : values()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new InvalidPcscfSettingsException("routeEnforcement", "'" + text + "' is neither rewrite nor reject");
    }
}
