package io.kubeims.cscf.store;

import java.util.List;

/**
 * What a replica won with {@link RegistrationStore#claimExpiry}: the right, and the duty, to act on these expired
 * contacts of one registration (NOTIFY the reg-event subscribers; if none remain, de-register at the HSS with SAR
 * TIMEOUT_DEREGISTRATION, TS 29.228) and then {@link RegistrationStore#completeExpiry complete} it.
 *
 * @param registration the registration as claimed (with the claim)
 * @param claim        the claim written
 * @param expired      the contacts expired at the claim time
 * @param remaining    the contacts still active then
 */
public record ClaimedExpiry(Registration registration, ExpiryClaim claim, List<Contact> expired,
        List<Contact> remaining) {

    public ClaimedExpiry {
        expired = List.copyOf(expired);
        remaining = List.copyOf(remaining);
    }

    /** The private identity. */
    public String impi() {
        return registration.impi();
    }

    /** Whether no contact remains: the whole registration expires. */
    public boolean endsRegistration() {
        return remaining.isEmpty();
    }
}
