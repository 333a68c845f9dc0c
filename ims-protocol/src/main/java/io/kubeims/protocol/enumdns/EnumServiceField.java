package io.kubeims.protocol.enumdns;

import java.util.Locale;

/**
 * The Services field of an ENUM NAPTR (RFC 6116 3.4.3): {@code "E2U" 1*("+" enumservice)}, where
 * an enumservice is a type with optional {@code :subtype}s, compared without regard to case.
 */
final class EnumServiceField {

    private EnumServiceField() {
    }

    /** Whether the field offers the SIP enumservice (RFC 3764), e.g. "E2U+sip" or "E2U+SIP". */
    static boolean offersSip(String services) {
        String[] tokens = services.toLowerCase(Locale.ROOT).split("\\+", -1);
        if (tokens.length < 2 || !tokens[0].equals("e2u")) {
            return false;
        }
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].equals("sip")) {
                return true;
            }
        }
        return false;
    }
}
