package io.kubeims.protocol.cx;

/**
 * Diameter AVP data formats: the basic types and the derived types of RFC 6733 sections 4.2 and 4.3.
 */
public enum AvpDataType {
    OCTET_STRING,
    INTEGER32,
    INTEGER64,
    UNSIGNED32,
    UNSIGNED64,
    FLOAT32,
    FLOAT64,
    GROUPED,
    ADDRESS,
    TIME,
    UTF8_STRING,
    DIAMETER_IDENTITY,
    DIAMETER_URI,
    /** Derived from Integer32 (RFC 6733 section 4.3.1). */
    ENUMERATED,
    IP_FILTER_RULE
}
