package io.kubeims.cscf.sip.header;

import java.util.List;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/** The security agreement headers of RFC 3329 (sec-agree between UE and P-CSCF, TS 33.203 7), as mechanism lists. */
public enum SecurityAgreementHeader {
    /** Offered by the UE. */
    SECURITY_CLIENT("Security-Client"),
    /** Offered by the P-CSCF in the 401. */
    SECURITY_SERVER("Security-Server"),
    /** Echo of Security-Server by the UE, checked by the P-CSCF. */
    SECURITY_VERIFY("Security-Verify");

    private final String headerName;

    SecurityAgreementHeader(String headerName) {
        this.headerName = headerName;
    }

    /** The header name as written on the wire. */
    public String headerName() {
        return headerName;
    }

    /** All mechanisms, top first. */
    public List<SecurityMechanism> read(Message message) {
        return HeaderText.values(message, headerName).stream()
                .flatMap(value -> splitEntries(value).stream())
                .map(entry -> SecurityMechanism.parse(headerName, entry)).toList();
    }

    /** Replaces the header by these mechanisms (none: the header is removed). */
    public void write(Message message, List<SecurityMechanism> mechanisms, HeaderFactory headers) {
        HeaderText.replace(message, headers, headerName, mechanisms.stream().map(SecurityMechanism::format).toList(),
                false);
    }

    /** Splits a comma list outside quoted strings. */
    private static List<String> splitEntries(String value) {
        List<String> entries = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                entries.add(value.substring(start, i));
                start = i + 1;
            }
        }
        entries.add(value.substring(start));
        return entries.stream().filter(e -> !e.isBlank()).toList();
    }
}
