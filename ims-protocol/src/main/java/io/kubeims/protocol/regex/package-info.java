/**
 * POSIX Extended Regular Expressions (IEEE Std 1003.1 XBD 9.4) translated once into {@link java.util.regex.Pattern},
 * for the protocol fields that carry them: iFC SPT contents (TS 29.228 Annex B) and NAPTR Regexp fields
 * (RFC 3402 3.2).
 *
 * <p>Entry point: {@link io.kubeims.protocol.regex.PosixEre#compile}; every refusal is an
 * {@link io.kubeims.protocol.regex.InvalidPosixEreException}.
 */
package io.kubeims.protocol.regex;
