package io.kubeims.protocol.enumdns;

import java.util.Objects;

/**
 * One SIP URI that ENUM resolution produced (RFC 6116 3.4, service {@code E2U+sip}), with the
 * Order and Preference of the NAPTR record it came from (RFC 3403 4.1).
 *
 * @param sipUri the {@code sip:} or {@code sips:} URI to send the request to
 * @param order the record's Order: lower orders are tried first, higher ones are for failover
 * @param preference the record's Preference, used as a load-sharing weight within one order
 */
public record EnumCandidate(String sipUri, int order, int preference) {

    public EnumCandidate {
        Objects.requireNonNull(sipUri, "sipUri");
    }
}
