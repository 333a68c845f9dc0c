package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.store.Registration;
import java.time.Instant;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One change of a subscriber's registration state at the S-CSCF, as committed to the store: what the registrar,
 * the expiry sweep and the HSS-initiated procedures tell the reg event notifier (RFC 3680, TS 24.229 5.4.2) and
 * third-party registration (TS 24.229 5.4.1.7). Observers compute per-contact events (created, refreshed,
 * shortened, expired, deactivated, unregistered) from {@code before} and {@code after}.
 *
 * @param cause    why the state changed
 * @param impi     the private identity whose registration changed
 * @param before   the registration before the change, null if there was none
 * @param after    the registration after the change, null if it was removed
 * @param register the REGISTER that caused it (REGISTERED, REFRESHED, UE_DEREGISTERED), else null
 * @param response the final response sent to that REGISTER, else null
 * @param reason   a human-readable reason for network-initiated changes (e.g. the RTR's Reason-Info), else null
 * @param at       when the change was committed
 */
public record RegistrationChange(Cause cause, String impi, Registration before, Registration after,
        Request register, Response response, String reason, Instant at) {

    /** Why a registration changed. */
    public enum Cause {
        /** First contacts of the subscriber created by an authenticated REGISTER (SAR REGISTRATION). */
        REGISTERED,
        /** A re-registration refreshed, added or shortened contacts (SAR RE_REGISTRATION). */
        REFRESHED,
        /** The UE removed some or all contacts (Expires: 0; SAR USER_DEREGISTRATION when none is left). */
        UE_DEREGISTERED,
        /** Contacts expired without refresh (SAR TIMEOUT_DEREGISTRATION when none is left). */
        EXPIRED,
        /** The network removed the registration (RTR, or authentication failure of a registered user). */
        NETWORK_DEREGISTERED,
        /** The HSS pushed a new profile (PPR): implicit set or service profile changed, contacts unchanged. */
        PROFILE_UPDATED
    }

    public RegistrationChange {
        if (cause == null || impi == null || at == null || (before == null && after == null)) {
            throw new IllegalArgumentException("cause, impi, at and one of before/after are required");
        }
    }

    public Optional<Registration> previous() {
        return Optional.ofNullable(before);
    }

    public Optional<Registration> current() {
        return Optional.ofNullable(after);
    }
}
