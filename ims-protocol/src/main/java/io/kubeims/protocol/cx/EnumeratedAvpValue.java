package io.kubeims.protocol.cx;

/**
 * One defined value of an Enumerated AVP: the integer carried on the wire and the AVP it belongs to.
 */
public interface EnumeratedAvpValue {

    /** The Integer32 value carried in the AVP. */
    int code();

    /** The Enumerated AVP this value belongs to. */
    CxAvp avp();
}
