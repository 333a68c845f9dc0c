package io.kubeims.protocol.digest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the parameter list of a Digest header value: {@code Digest name=value, name="quoted value"}
 * (RFC 2617 1.2 and 3.2, RFC 2616 2.2 for token, quoted-string and the #rule list; RFC 3261 25.1 for SIP).
 * Names are case-insensitive and returned in lower case; values are unescaped; duplicates are an error.
 */
final class DigestParams {

    static final String SCHEME = "Digest";

    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private DigestParams() {
    }

    /**
     * @param header     "WWW-Authenticate" or "Authorization", for messages
     * @param value      the header value
     * @return the parameters in order of appearance, names in lower case
     */
    static Map<String, String> parse(String header, String value) {
        if (value == null) {
            throw new MalformedDigestHeaderException(header + ": value is missing");
        }
        Reader in = new Reader(header, value);
        in.skipWhitespace();
        String scheme = in.token();
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            throw new MalformedDigestHeaderException(header + ": scheme is not Digest");
        }
        if (!in.skipWhitespace()) {
            throw in.error("expected whitespace after the scheme");
        }
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            // RFC 2616 2.1 #rule: empty list elements are allowed and ignored.
            while (in.skipWhitespace() || in.skip(',')) {
                // skip
            }
            if (in.atEnd()) {
                break;
            }
            int nameAt = in.position();
            String name = in.token().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw in.error("expected a parameter name");
            }
            in.skipWhitespace();
            if (!in.skip('=')) {
                throw in.error("expected '=' after parameter '" + name + "'");
            }
            in.skipWhitespace();
            String paramValue = in.peek() == '"' ? in.quotedString(name) : in.token();
            if (paramValue.isEmpty() && in.lastWasToken) {
                throw in.error("parameter '" + name + "' has no value");
            }
            if (params.putIfAbsent(name, paramValue) != null) {
                throw new MalformedDigestHeaderException(
                        header + ": duplicate parameter '" + name + "' at position " + nameAt);
            }
            in.skipWhitespace();
            if (!in.atEnd() && !in.skip(',')) {
                throw in.error("expected ',' after parameter '" + name + "'");
            }
        }
        if (params.isEmpty()) {
            throw new MalformedDigestHeaderException(header + ": no parameters");
        }
        return Collections.unmodifiableMap(params);
    }

    /** True if {@code value} is a non-empty RFC 2616 token. */
    static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isTokenChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && SEPARATORS.indexOf(c) < 0;
    }

    /** Fails on a null record component. */
    static void require(String name, Object value) {
        if (value == null) {
            throw new MalformedDigestHeaderException("Digest parameter '" + name + "' is missing");
        }
    }

    /** The value of a parameter the header must have. */
    static String required(String header, Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            throw new MalformedDigestHeaderException(header + ": missing parameter '" + name + "'");
        }
        return value;
    }

    /** The parameters a record does not model, in order. */
    static Map<String, String> other(Map<String, String> params, Set<String> modelled) {
        Map<String, String> other = new LinkedHashMap<>(params);
        other.keySet().removeAll(modelled);
        return other;
    }

    /** An immutable copy of extra parameters, names lower-cased, checked against the modelled ones. */
    static Map<String, String> copyOther(String header, Map<String, String> params, Set<String> modelled) {
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new MalformedDigestHeaderException(header + ": null parameter name or value");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!DigestParams.isToken(lower)) {
                throw new MalformedDigestHeaderException(header + ": parameter name is not a token");
            }
            if (modelled.contains(lower) || copy.putIfAbsent(lower, value) != null) {
                throw new MalformedDigestHeaderException(header + ": duplicate parameter '" + lower + "'");
            }
        });
        return Collections.unmodifiableMap(copy);
    }
    /** Builds a header value; values are written as given (token) or quoted with \ escapes. */
    static final class Writer {
        private final StringBuilder out = new StringBuilder(SCHEME);
        private boolean first = true;

        Writer quoted(String name, String value) {
            separator(name);
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
            return this;
        }

        Writer token(String name, String value) {
            separator(name);
            out.append(value);
            return this;
        }

        private void separator(String name) {
            out.append(first ? " " : ", ").append(name).append('=');
            first = false;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    private static final class Reader {
        private final String header;
        private final String text;
        private int at;
        private boolean lastWasToken;

        Reader(String header, String text) {
            this.header = header;
            this.text = text;
        }

        int position() {
            return at;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(at);
        }

        boolean skip(char expected) {
            if (peek() == expected && !atEnd()) {
                at++;
                return true;
            }
            return false;
        }

        /** Skips LWS, including an unfolded CRLF followed by whitespace; true if anything was skipped. */
        boolean skipWhitespace() {
            int start = at;
            while (!atEnd()) {
                char c = text.charAt(at);
                if (c == ' ' || c == '\t') {
                    at++;
                } else if (c == '\r' && text.startsWith("\r\n", at) && at + 2 < text.length()
                        && (text.charAt(at + 2) == ' ' || text.charAt(at + 2) == '\t')) {
                    at += 3;
                } else {
                    break;
                }
            }
            return at > start;
        }

        String token() {
            int start = at;
            while (!atEnd() && isTokenChar(text.charAt(at))) {
                at++;
            }
            lastWasToken = true;
            return text.substring(start, at);
        }

        String quotedString(String name) {
            int start = at;
            at++; // opening quote
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char c = text.charAt(at);
                if (c == '"') {
                    at++;
                    lastWasToken = false;
                    return value.toString();
                }
                if (c == '\\') {
                    if (at + 1 >= text.length()) {
                        break;
                    }
                    c = text.charAt(++at);
                    // RFC 2616 quoted-pair = "\" CHAR: US-ASCII only.
                    if (c > 0x7f) {
                        throw error("invalid escape in the value of parameter '" + name + "'");
                    }
                } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw error("control character in the value of parameter '" + name + "'");
                }
                value.append(c);
                at++;
            }
            throw new MalformedDigestHeaderException(header + ": unterminated quoted-string for parameter '" + name
                    + "' starting at position " + start);
        }

        MalformedDigestHeaderException error(String what) {
            return new MalformedDigestHeaderException(header + ": " + what + " at position " + at);
        }
    }
}
