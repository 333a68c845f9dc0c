/**
 * Typed helpers for the headers the CSCFs read and write (TS 24.229, RFC 7315, RFC 3327, RFC 3608, RFC 3329,
 * RFC 5626) over jain-sip messages; digest parsing itself is {@code io.kubeims.protocol.digest}.
 */
package io.kubeims.cscf.sip.header;
