package io.kubeims.hssclient;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * AKAv1-MD5 key material (TS 33.203, Milenage TS 35.206): K, one of OP or OPc, and AMF, as lower-case hex. The HSS
 * derives OPc from OP and keeps only OPc. {@code toString()} shows which of OP/OPc is set, never a value.
 *
 * @param k   subscriber key K, 32 hex digits
 * @param op  operator variant OP, 32 hex digits, or null when {@code opc} is given
 * @param opc OPc, 32 hex digits, or null when {@code op} is given
 * @param amf authentication management field, 4 hex digits (TS 33.102 6.3.2)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AkaCredentials(String k, String op, String opc, String amf) implements HssCredentials {

    private static final Pattern HEX128 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{4}");

    /**
     * Normalises the values (surrounding white space removed, lower case) and checks their form.
     *
     * @throws InvalidCredentialsException naming the field (k, op, opc or amf) when a value is missing, both or
     *                                     neither of OP/OPc are given, or a value is not hex of the right length
     */
    public AkaCredentials {
        k = normalise(k);
        op = normalise(op);
        opc = normalise(opc);
        amf = normalise(amf);
        require(k, "k", HEX128, "32 hex digits (128 bits, TS 35.206)");
        if (op != null && opc != null) {
            throw new InvalidCredentialsException("op", "give op or opc, not both");
        }
        if (op == null && opc == null) {
            throw new InvalidCredentialsException("opc", "op or opc is required for AKAv1-MD5");
        }
        if (op != null) {
            require(op, "op", HEX128, "32 hex digits (128 bits, TS 35.206)");
        } else {
            require(opc, "opc", HEX128, "32 hex digits (128 bits, TS 35.206)");
        }
        require(amf, "amf", HEX16, "4 hex digits (16 bits, TS 33.102 6.3.2)");
    }

    /** K with OP. */
    public static AkaCredentials withOp(String k, String op, String amf) {
        return new AkaCredentials(k, op, null, amf);
    }

    /** K with OPc. */
    public static AkaCredentials withOpc(String k, String opc, String amf) {
        return new AkaCredentials(k, null, opc, amf);
    }

    @Override
    @JsonProperty("scheme")
    public AuthScheme scheme() {
        return AuthScheme.AKAV1_MD5;
    }

    private static String normalise(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static void require(String value, String field, Pattern form, String expected) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCredentialsException(field, "is required for AKAv1-MD5");
        }
        if (!form.matcher(value).matches()) {
            // Only the length is reported: a key must never reach a message, not even in part.
            throw new InvalidCredentialsException(field, "must be " + expected + "; got " + value.length()
                    + " characters that are not exactly that");
        }
    }

    @Override
    public String toString() {
        return "AkaCredentials[k=<redacted>, " + (op != null ? "op" : "opc") + "=<redacted>, amf=<redacted>]";
    }
}
