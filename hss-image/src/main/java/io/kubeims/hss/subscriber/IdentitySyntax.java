package io.kubeims.hss.subscriber;

import java.util.regex.Pattern;

/**
 * The identity syntaxes the HSS accepts at provisioning and in dynamic state. Deliberately the same rules as the
 * Subscriber CRD schema, so what the API server admits the HSS admits too.
 */
public final class IdentitySyntax {

    /** RFC 7542 limits a NAI to 253 octets. */
    private static final int MAX_NAI_LENGTH = 253;

    private static final String LABEL = "[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?";

    /** username@realm (TS 23.003 13.3): no whitespace, quotes, angle brackets or second '@'. */
    private static final Pattern PRIVATE_IDENTITY = Pattern.compile(
            "[^@\\s\"<>]+@(" + LABEL + "\\.)*" + LABEL);

    /** sip:/sips: URI with user part and host, or global-number tel URI (RFC 3966), parameters allowed. */
    private static final Pattern PUBLIC_IDENTITY = Pattern.compile(
            "sips?:[^@\\s\"<>;]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?(;[^\\s\"<>]*)?|tel:\\+[0-9]{1,15}(;[^\\s\"<>]*)?");

    /** Any sip:/sips: URI without whitespace, quotes or angle brackets (an S-CSCF name, TS 29.228 Server-Name). */
    private static final Pattern SIP_URI = Pattern.compile("sips?:[^\\s\"<>]+");

    private IdentitySyntax() {
    }

    /**
     * @param field name for the error message
     * @param value the private identity (IMPI)
     * @return the value
     * @throws InvalidIdentityException if it is not username@realm
     */
    public static String requirePrivateIdentity(String field, String value) {
        if (value == null) {
            throw new InvalidIdentityException(field, "is required");
        }
        if (value.length() > MAX_NAI_LENGTH || !PRIVATE_IDENTITY.matcher(value).matches()) {
            throw new InvalidIdentityException(field, "'" + value
                    + "' is not a NAI username@realm of at most " + MAX_NAI_LENGTH + " characters");
        }
        return value;
    }

    /**
     * @param field name for the error message
     * @param value the public identity (IMPU)
     * @return the value
     * @throws InvalidIdentityException if it is neither sip:user@host nor tel:+number
     */
    public static String requirePublicIdentity(String field, String value) {
        if (value == null) {
            throw new InvalidIdentityException(field, "is required");
        }
        if (!PUBLIC_IDENTITY.matcher(value).matches()) {
            throw new InvalidIdentityException(field, "'" + value
                    + "' is neither a sip:/sips: URI with user part nor a global tel: URI");
        }
        return value;
    }

    /**
     * @param field name for the error message
     * @param value an S-CSCF name
     * @return the value
     * @throws InvalidIdentityException if it is not a sip: or sips: URI
     */
    public static String requireSipUri(String field, String value) {
        if (value == null) {
            throw new InvalidIdentityException(field, "is required");
        }
        if (!SIP_URI.matcher(value).matches()) {
            throw new InvalidIdentityException(field, "'" + value + "' is not a sip: or sips: URI");
        }
        return value;
    }
}
