/**
 * The Cx codec: Cx message records to jdiameter messages and back, with the checks of RFC 6733 section 7
 * (missing AVP 5005, invalid value 5004, invalid length 5014, repeated AVP 5009, unsupported mandatory AVP 5001).
 *
 * <p>Decoding is one pass over each AVP set, looking AVPs up by (vendor, code) in an array index; no reflection
 * and no regular expressions. AVP codes, vendors and flag rules come from {@link io.kubeims.protocol.cx.CxAvp}.
 */
package io.kubeims.cx.codec;
