package io.kubeims.cscf.sip.header;

import java.util.ArrayList;
import java.util.List;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/**
 * P-Visited-Network-ID (RFC 7315 4.3, TS 24.229 5.2.2.1): the networks a REGISTER passed, as added by the P-CSCF for
 * the home network's roaming check. Values are tokens or quoted strings; read unquoted.
 */
public final class VisitedNetworks {

    /** The header name. */
    public static final String NAME = "P-Visited-Network-ID";

    private VisitedNetworks() {
    }

    /** The network identifiers, top first, unquoted. */
    public static List<String> read(Message message) {
        List<String> networks = new ArrayList<>();
        for (String value : HeaderText.values(message, NAME)) {
            String entry = value;
            int semicolon = entry.indexOf(';');
            if (!entry.startsWith("\"") && semicolon >= 0) {
                entry = entry.substring(0, semicolon);
            } else if (entry.startsWith("\"")) {
                int close = entry.indexOf('"', 1);
                if (close < 0) {
                    throw new MalformedSipHeaderException(NAME, "unterminated quoted string");
                }
                entry = entry.substring(1, close);
            }
            networks.add(entry.trim());
        }
        return networks;
    }

    /** Adds a network identifier on top (quoted unless it is a token). */
    public static void add(Message message, String network, HeaderFactory headers) {
        if (network == null || network.isBlank() || network.contains("\"")) {
            throw new MalformedSipHeaderException(NAME, "not a network identifier: '" + network + "'");
        }
        HeaderText.prepend(message, headers, NAME, HeaderParameters.tokenOrQuoted(network));
    }
}
