package io.kubeims.hss.subscriber;

import io.kubeims.protocol.cx.SipAuthenticationScheme;

/**
 * What a subscriber authenticates with: IMS AKA keys ({@link AkaCredentials}) or a SIP Digest password
 * ({@link SipDigestCredentials}). Implementations redact their secrets in {@code toString()}.
 */
public sealed interface Credentials permits AkaCredentials, SipDigestCredentials {

    /** The SIP-Authentication-Scheme these credentials serve (TS 29.229 6.3.9). */
    SipAuthenticationScheme scheme();
}
