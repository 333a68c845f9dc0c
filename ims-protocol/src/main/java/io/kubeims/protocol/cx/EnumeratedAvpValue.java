package io.kubeims.protocol.cx;

/**
 * One defined value of an Enumerated AVP: the integer carried on the wire and the AVP it belongs to.
 */
public interface EnumeratedAvpValue {

    /** The Integer32 value carried in the AVP. */
    int code();

    /** The Enumerated AVP this value belongs to. */
    CxAvp avp();

    /**
     * The constant of {@code type} carrying {@code code}: what every Enumerated enum's {@code fromCode} does.
     *
     * @throws UnknownEnumeratedValueException when the value is not defined for the AVP
     */
    static <E extends Enum<E> & EnumeratedAvpValue> E fromCode(Class<E> type, CxAvp avp, int code) {
        for (E value : type.getEnumConstants()) {
            if (value.code() == code) {
                return value;
            }
        }
        throw new UnknownEnumeratedValueException(avp, code);
    }
}
