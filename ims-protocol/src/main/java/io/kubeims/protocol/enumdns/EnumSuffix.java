package io.kubeims.protocol.enumdns;

import java.util.Locale;

/**
 * The DNS domain under which E.164 numbers are mapped (RFC 6116 2.4): {@code e164.arpa} for public
 * ENUM, or an operator's private (infrastructure) ENUM tree.
 *
 * @param domain the domain in lower case, without a trailing dot
 */
public record EnumSuffix(String domain) {

    /** The public ENUM tree of RFC 6116. */
    public static final EnumSuffix E164_ARPA = new EnumSuffix("e164.arpa");

    /**
     * Room left for the longest number: 15 digits, each a one-character label and a dot, within the
     * 253-character text form of a DNS name (RFC 1035 2.3.4).
     */
    private static final int MAX_LENGTH = 253 - 2 * E164Number.MAX_DIGITS;

    /**
     * Accepts "e164.arpa", "E164.Arpa." and the like: letter-digit-hyphen labels of 1 to 63
     * characters (RFC 1035 2.3.1), a trailing dot allowed and dropped, case folded.
     *
     * @throws InvalidEnumSettingsException if the domain is empty, too long or has a bad label
     */
    public EnumSuffix {
        if (domain == null) {
            throw new InvalidEnumSettingsException("suffix", "null");
        }
        String given = domain;
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            throw new InvalidEnumSettingsException("suffix", "'" + given + "' is empty");
        }
        if (domain.length() > MAX_LENGTH) {
            throw new InvalidEnumSettingsException("suffix",
                    "'" + given + "' is longer than " + MAX_LENGTH + " characters, leaving no room for 15 digits");
        }
        for (String label : domain.split("\\.", -1)) {
            if (!isLdhLabel(label)) {
                throw new InvalidEnumSettingsException("suffix",
                        "'" + given + "' has the label '" + label + "'; labels are 1-63 letters, digits or inner hyphens");
            }
        }
    }

    private static boolean isLdhLabel(String label) {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return domain;
    }
}
