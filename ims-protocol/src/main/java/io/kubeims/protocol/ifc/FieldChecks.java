package io.kubeims.protocol.ifc;

import java.util.List;

/** Argument checks shared by the subscription records; every failure is an {@link InvalidIfcException}. */
final class FieldChecks {

    private FieldChecks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidIfcException(field + " is required");
        }
        return value;
    }

    /** A non-empty string without leading/trailing whitespace, made of characters XML 1.0 can carry. */
    static String token(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new InvalidIfcException(field + " must not be blank");
        }
        if (!value.strip().equals(value)) {
            throw new InvalidIfcException(field + " '" + value + "' has leading or trailing whitespace");
        }
        return xmlText(value, field);
    }

    /**
     * Free text (display name, service info, regular expression): null allowed, but every character must
     * be representable in an XML 1.0 document, since the Cx-User-Data AVP carries this data as XML.
     */
    static String xmlText(String value, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed) {
                throw new InvalidIfcException(String.format(
                        "%s contains character U+%04X at index %d, which XML 1.0 cannot carry", field, cp, i));
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    /** Copies a list, rejecting a null list or null elements with a message naming the field. */
    static <T> List<T> listOf(List<T> values, String field) {
        required(values, field);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidIfcException(field + "[" + i + "] is null");
            }
        }
        return List.copyOf(values);
    }

    /** RFC 3261 25.1 token: the syntax of SIP method and header names. */
    static String sipToken(String value, String field) {
        required(value, field);
        if (value.isEmpty()) {
            throw new InvalidIfcException(field + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && "-.!%*_+`'~".indexOf(c) < 0) {
                throw new InvalidIfcException(
                        field + " '" + value + "' is not an RFC 3261 token (character '" + c + "')");
            }
        }
        return value;
    }

    /** A SIP, SIPS or tel URI (TS 23.003 13.4: public user identities and PSIs are SIP URIs or tel URIs). */
    static String sipOrTelUri(String value, String field, boolean telAllowed) {
        token(value, field);
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        boolean sip = lower.startsWith("sip:") || lower.startsWith("sips:");
        boolean tel = lower.startsWith("tel:");
        if (!(sip || (telAllowed && tel)) || lower.endsWith(":")) {
            throw new InvalidIfcException(field + " '" + value + "' is not a "
                    + (telAllowed ? "sip:, sips: or tel: URI" : "sip: or sips: URI"));
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw new InvalidIfcException(field + " '" + value + "' contains whitespace");
            }
        }
        return value;
    }
}
