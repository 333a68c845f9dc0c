package io.kubeims.protocol.enumdns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A global E.164 number (ITU-T E.164: at most 15 digits, country code first) and its ENUM domain
 * (RFC 6116 2.4). Holds only the digits; the application unique string adds the leading '+'.
 *
 * @param digits the 1 to 15 decimal digits of the number, without '+' or visual separators
 */
public record E164Number(String digits) {

    /** ITU-T E.164 section 6: an international number has at most 15 digits. */
    public static final int MAX_DIGITS = 15;

    /**
     * @throws InvalidE164NumberException if {@code digits} is not 1 to 15 ASCII digits or starts
     *     with 0 (no E.164 country code starts with 0)
     */
    public E164Number {
        if (digits == null) {
            throw new InvalidE164NumberException("null", "no digits");
        }
        checkDigits(digits, digits);
    }

    /**
     * Parses a number written with a leading '+' and optional visual separators (space, '-', '.',
     * '(' and ')', as RFC 3966 5.1.1 allows), e.g. {@code "+61 3 5550-0911"}.
     *
     * @throws InvalidE164NumberException if the '+' is missing, another character appears, or the
     *     digit count is outside 1..15
     */
    public static E164Number parse(String text) {
        if (text == null) {
            throw new InvalidE164NumberException("null", "no number given");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) != '+') {
            throw new InvalidE164NumberException(text,
                    "must start with '+' (a global number, RFC 3966 5.1.4; local numbers have no ENUM domain)");
        }
        StringBuilder digits = new StringBuilder(trimmed.length());
        for (int i = 1; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!isVisualSeparator(c)) {
                throw new InvalidE164NumberException(text,
                        "character '" + c + "' is neither a digit nor a visual separator (space - . ( ))");
            }
        }
        checkDigits(text, digits);
        return new E164Number(digits.toString());
    }

    /**
     * Takes the number of a {@code tel:} URI (RFC 3966), ignoring its parameters, e.g.
     * {@code tel:+61-3-5550-0911;phone-context=example.net}.
     *
     * @throws InvalidE164NumberException if the scheme is not tel: or the URI holds a local number
     */
    public static E164Number fromTelUri(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, "tel:", 0, 4)) {
            throw new InvalidE164NumberException(String.valueOf(uri), "not a tel: URI");
        }
        String subscriber = percentDecode(uri, uri.substring(4));
        return fromTelephoneSubscriber(uri, subscriber);
    }

    /**
     * Takes the number of a {@code sip:}/{@code sips:} URI whose user part is a telephone number,
     * which RFC 3261 19.1.6 marks with the {@code user=phone} URI parameter, e.g.
     * {@code sip:+61355500911@ims.example.net;user=phone}.
     *
     * @throws InvalidE164NumberException if the scheme is not sip:/sips:, there is no user part,
     *     {@code user=phone} is absent, or the user part is not a global number
     */
    public static E164Number fromSipUri(String uri) {
        if (uri == null) {
            throw new InvalidE164NumberException("null", "not a SIP URI");
        }
        int schemeEnd;
        if (uri.regionMatches(true, 0, "sip:", 0, 4)) {
            schemeEnd = 4;
        } else if (uri.regionMatches(true, 0, "sips:", 0, 5)) {
            schemeEnd = 5;
        } else {
            throw new InvalidE164NumberException(uri, "not a sip: or sips: URI");
        }
        // The user part cannot hold an unescaped '@' (RFC 3261 25.1), so the first '@' ends it.
        int at = uri.indexOf('@', schemeEnd);
        if (at < 0) {
            throw new InvalidE164NumberException(uri, "SIP URI has no user part");
        }
        String afterHost = uri.substring(at + 1);
        int headers = afterHost.indexOf('?');
        String hostAndParams = headers < 0 ? afterHost : afterHost.substring(0, headers);
        if (!hasUserPhone(hostAndParams)) {
            throw new InvalidE164NumberException(uri,
                    "SIP URI lacks the user=phone parameter (RFC 3261 19.1.6), so its user part is not a telephone number");
        }
        String userInfo = uri.substring(schemeEnd, at);
        int password = userInfo.indexOf(':');
        String user = password < 0 ? userInfo : userInfo.substring(0, password);
        return fromTelephoneSubscriber(uri, percentDecode(uri, user));
    }

    /** The application unique string of RFC 6116 2.4: '+' and the digits, e.g. "+61355500911". */
    public String applicationUniqueString() {
        return "+" + digits;
    }

    /** The ENUM domain under {@code e164.arpa}, e.g. "1.1.9.0.0.5.5.5.3.1.6.e164.arpa". */
    public String toEnumDomain() {
        return toEnumDomain(EnumSuffix.E164_ARPA);
    }

    /**
     * The ENUM domain under the given suffix (RFC 6116 2.4): the digits reversed, each a label,
     * then the suffix. No trailing dot.
     */
    public String toEnumDomain(EnumSuffix suffix) {
        StringBuilder domain = new StringBuilder(digits.length() * 2 + suffix.domain().length());
        for (int i = digits.length() - 1; i >= 0; i--) {
            domain.append(digits.charAt(i)).append('.');
        }
        return domain.append(suffix.domain()).toString();
    }

    /** The number as '+' and digits. */
    @Override
    public String toString() {
        return applicationUniqueString();
    }

    private static E164Number fromTelephoneSubscriber(String uri, String subscriber) {
        int params = subscriber.indexOf(';');
        String number = params < 0 ? subscriber : subscriber.substring(0, params);
        if (number.isEmpty() || number.charAt(0) != '+') {
            throw new InvalidE164NumberException(uri,
                    "holds a local number; only a global number (leading '+', RFC 3966 5.1.4) has an ENUM domain");
        }
        try {
            return parse(number);
        } catch (InvalidE164NumberException e) {
            throw new InvalidE164NumberException(uri, e.problem());
        }
    }

    private static boolean hasUserPhone(String hostAndParams) {
        String[] parts = hostAndParams.split(";");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.equals("user=phone")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVisualSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
    }

    private static void checkDigits(String input, CharSequence digits) {
        if (digits.length() == 0) {
            throw new InvalidE164NumberException(input, "has no digits");
        }
        if (digits.length() > MAX_DIGITS) {
            throw new InvalidE164NumberException(input,
                    "has " + digits.length() + " digits; E.164 allows at most " + MAX_DIGITS);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidE164NumberException(input, "character '" + c + "' is not a digit");
            }
        }
        if (digits.charAt(0) == '0') {
            throw new InvalidE164NumberException(input, "starts with 0; no E.164 country code does");
        }
    }

    /** Decodes %HH escapes (RFC 3986 2.1), which RFC 3261 and RFC 3966 allow in the user part. */
    private static String percentDecode(String uri, String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()
                        || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new InvalidE164NumberException(uri, "bad percent escape at '" + text.substring(i) + "'");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
