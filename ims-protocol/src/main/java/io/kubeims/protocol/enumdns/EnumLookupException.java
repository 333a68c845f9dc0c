package io.kubeims.protocol.enumdns;

/**
 * The ENUM DNS query itself failed (every attempt timed out, a network error, SERVFAIL/REFUSED or
 * another error rcode, a CNAME loop), as opposed to an answer without usable NAPTR records, which
 * resolves to an empty list. Lets the S-CSCF tell "number not in ENUM" (404/604 or PSTN
 * breakout) from "ENUM unavailable" (5xx).
 */
public class EnumLookupException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String domain;

    public EnumLookupException(String domain, String server, String reason) {
        super("ENUM NAPTR lookup of " + domain + " at " + server + " failed: " + reason);
        this.domain = domain;
    }

    /** The ENUM domain that was queried. */
    public String domain() {
        return domain;
    }
}
