package io.kubeims.cscf.sip.header;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code ;name=value} parameter lists (RFC 3261 25.1 generic-param): parsing with quoted strings, and formatting. */
final class HeaderParameters {

    private static final String TOKEN = "[A-Za-z0-9.!%*_+`'~-]+";

    private HeaderParameters() {
    }

    /**
     * Parses {@code a=1;b="x;y";c} (without a leading {@code ;}) into lower-cased names and unquoted values ("" for a
     * parameter without value).
     */
    static Map<String, String> parse(String header, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = i;
            while (end < n && text.charAt(end) != ';' && text.charAt(end) != '=') {
                end++;
            }
            String name = text.substring(i, end).trim().toLowerCase(Locale.ROOT);
            String value = "";
            i = end;
            if (i < n && text.charAt(i) == '=') {
                i++;
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && text.charAt(i) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        if (text.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        quoted.append(text.charAt(i++));
                    }
                    if (i >= n) {
                        throw new MalformedSipHeaderException(header, "unterminated quoted parameter " + name);
                    }
                    i++;
                    value = quoted.toString();
                    while (i < n && text.charAt(i) != ';') {
                        i++;
                    }
                } else {
                    int valueEnd = i;
                    while (valueEnd < n && text.charAt(valueEnd) != ';') {
                        valueEnd++;
                    }
                    value = text.substring(i, valueEnd).trim();
                    i = valueEnd;
                }
            }
            if (!name.isEmpty()) {
                params.put(name, value);
            }
            i++; // the ';'
        }
        return params;
    }

    /** Formats {@code ;name=value} pairs, quoting values that are not tokens. */
    static String format(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        params.forEach((name, value) -> {
            text.append(';').append(name);
            if (!value.isEmpty()) {
                text.append('=').append(tokenOrQuoted(value));
            }
        });
        return text.toString();
    }

    static boolean isToken(String value) {
        return value.matches(TOKEN);
    }

    static String tokenOrQuoted(String value) {
        return isToken(value) ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
