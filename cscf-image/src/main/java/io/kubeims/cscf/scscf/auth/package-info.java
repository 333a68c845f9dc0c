/**
 * S-CSCF authentication of REGISTER (TS 24.229 5.4.1.2, TS 33.203 6.1 and annex N): challenges from the HSS's
 * vectors (MAR, TS 29.228 6.3) kept in the shared {@link io.kubeims.cscf.store.AuthChallengeStore} so that any
 * replica verifies the answer, Digest AKAv1-MD5 (RFC 3310) and MD5 (RFC 2617) verification with replay protection,
 * and AKA resynchronisation. No state of its own.
 */
package io.kubeims.cscf.scscf.auth;
