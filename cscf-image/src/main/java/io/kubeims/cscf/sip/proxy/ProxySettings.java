package io.kubeims.cscf.sip.proxy;

import java.time.Duration;

/**
 * How a {@link StatefulProxy} behaves when the next hop does not answer (RFC 3261 16.7 step 6-7, 16.8).
 *
 * @param responseTimeout   how long to wait for a final response from the next hop (for INVITE: until the first
 *                          provisional response above 100); RFC 3261 Timer F is 32 s
 * @param timeoutStatus     status sent upstream when that time passes: 408 by default (RFC 3261 16.8), some
 *                          deployments prefer 504 or 503 so that the UE retries elsewhere
 * @param unreachableStatus status sent upstream when the request cannot be sent at all (connection refused, no
 *                          route): 503 by default (RFC 3261 16.7 step 6 treats transport errors like 503)
 * @param tryingForInvite   whether an INVITE is answered 100 Trying at once (RFC 3261 16.2: a stateful proxy MUST send
 *                          one unless it knows a provisional response comes within 200 ms)
 */
public record ProxySettings(Duration responseTimeout, int timeoutStatus, int unreachableStatus,
        boolean tryingForInvite) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the field when a timeout is not positive or a status is not 4xx-6xx
     */
    public ProxySettings {
        if (responseTimeout == null || responseTimeout.isZero() || responseTimeout.isNegative()) {
            throw new IllegalArgumentException("responseTimeout '" + responseTimeout + "' refused: a positive duration");
        }
        if (timeoutStatus < 400 || timeoutStatus > 699) {
            throw new IllegalArgumentException("timeoutStatus '" + timeoutStatus + "' refused: 400 to 699");
        }
        if (unreachableStatus < 400 || unreachableStatus > 699) {
            throw new IllegalArgumentException("unreachableStatus '" + unreachableStatus + "' refused: 400 to 699");
        }
    }

    /** 32 s, 408, 503, 100 Trying for INVITE. */
    public static ProxySettings defaults() {
        return new ProxySettings(Duration.ofSeconds(32), 408, 503, true);
    }

    /** A copy with another response timeout. */
    public ProxySettings withResponseTimeout(Duration timeout) {
        return new ProxySettings(timeout, timeoutStatus, unreachableStatus, tryingForInvite);
    }

    /** A copy with another status for a timeout. */
    public ProxySettings withTimeoutStatus(int status) {
        return new ProxySettings(responseTimeout, status, unreachableStatus, tryingForInvite);
    }
}
