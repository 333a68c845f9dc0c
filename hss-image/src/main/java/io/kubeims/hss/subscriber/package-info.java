/**
 * Provisioned subscriber data of the HSS (TS 29.228 section 7, TS 23.003 section 13): one private identity with its
 * implicit registration set of public identities, its credentials (IMS AKA or SIP Digest) and its iFCs. Immutable
 * records validated at construction; key material never appears in {@code toString()} or exception messages.
 */
package io.kubeims.hss.subscriber;
