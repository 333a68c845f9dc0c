/**
 * HTTP Digest authentication for SIP: MD5 digest (RFC 2617, RFC 3261 22.4) and AKAv1-MD5 (RFC 3310).
 *
 * <ul>
 *   <li>{@link io.kubeims.protocol.digest.DigestChallenge} and {@link io.kubeims.protocol.digest.DigestCredentials}:
 *       parse and format WWW-Authenticate / Authorization values (RFC 2617 auth-param grammar).</li>
 *   <li>{@link io.kubeims.protocol.digest.RequestDigest}: the {@code response} for no qop, qop=auth and
 *       qop=auth-int, and its constant-time verification against an {@link io.kubeims.protocol.digest.Ha1}.</li>
 *   <li>{@link io.kubeims.protocol.digest.AkaDigest} and {@link io.kubeims.protocol.digest.AkaNonce}: the AKA
 *       nonce, RES as binary password, {@code auts}.</li>
 * </ul>
 *
 * <p>Bad input raises {@link io.kubeims.protocol.digest.MalformedDigestHeaderException},
 * {@link io.kubeims.protocol.digest.InvalidAkaNonceException} or
 * {@link io.kubeims.protocol.digest.InvalidAutsException}; messages never contain parameter values.
 */
package io.kubeims.protocol.digest;
