package io.kubeims.cscf.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the S-CSCF registrar keeps per subscriber (TS 24.229 5.4.1; DESIGN.md section 2): the private identity,
 * the implicit registration set of public identities that register together (TS 23.228, from the SAA
 * User-Data), the service profile as received (the Cx-User-Data XML, TS 29.228 Annex E), the serving S-CSCF pool,
 * and the bindings. Immutable: the {@code with...} methods return changed copies for
 * {@link RegistrationStore#update}.
 *
 * @param impi           the private identity (the store key)
 * @param implicitSet    the public identities registered together, at least one, none twice
 * @param serviceProfile the Cx-User-Data XML document as received
 * @param scscfPool      the serving S-CSCF pool (its Service name), which any replica of it may serve
 * @param contacts       the bindings, none with the same {@link Contact#bindingKey()} as another
 * @param expiryClaim    the live or stale claim of a replica acting on expired contacts, or null
 */
public record Registration(String impi, List<String> implicitSet, String serviceProfile, String scscfPool,
        List<Contact> contacts, ExpiryClaim expiryClaim) {

    /** @throws InvalidCscfStateException if a field is missing or two contacts share a binding */
    public Registration {
        StateFields.requireText("impi", impi);
        implicitSet = StateFields.distinctTextList("implicitSet", implicitSet);
        StateFields.requireText("serviceProfile", serviceProfile);
        StateFields.requireText("scscfPool", scscfPool);
        StateFields.requirePresent("contacts", contacts);
        Set<String> bindings = new HashSet<>();
        for (Contact contact : contacts) {
            StateFields.requirePresent("contact", contact);
            if (!bindings.add(contact.bindingKey())) {
                throw new InvalidCscfStateException("two contacts with binding " + contact.bindingKey());
            }
        }
        contacts = List.copyOf(contacts);
    }

    /** A registration without contacts yet (and no claim). */
    public static Registration of(String impi, List<String> implicitSet, String serviceProfile, String scscfPool) {
        return new Registration(impi, implicitSet, serviceProfile, scscfPool, List.of(), null);
    }

    /** The binding with this key, if any. */
    public Optional<Contact> contact(String bindingKey) {
        return contacts.stream().filter(c -> c.bindingKey().equals(bindingKey)).findFirst();
    }

    /** This registration with {@code contact} added, or replacing the binding with the same key. */
    public Registration withContact(Contact contact) {
        List<Contact> next = new ArrayList<>();
        boolean replaced = false;
        for (Contact existing : contacts) {
            if (existing.bindingKey().equals(contact.bindingKey())) {
                next.add(contact);
                replaced = true;
            } else {
                next.add(existing);
            }
        }
        if (!replaced) {
            next.add(contact);
        }
        return withContacts(next);
    }

    /** This registration without the binding of that key (unchanged if there is none). */
    public Registration withoutContact(String bindingKey) {
        return withContacts(contacts.stream().filter(c -> !c.bindingKey().equals(bindingKey)).toList());
    }

    /** This registration with these bindings instead. */
    public Registration withContacts(List<Contact> replacement) {
        return new Registration(impi, implicitSet, serviceProfile, scscfPool, replacement, expiryClaim);
    }

    /** This registration with a new service profile (PPR) and implicit set. */
    public Registration withProfile(List<String> newImplicitSet, String newServiceProfile) {
        return new Registration(impi, newImplicitSet, newServiceProfile, scscfPool, contacts, expiryClaim);
    }

    /** This registration with that claim (null to clear it). */
    public Registration withExpiryClaim(ExpiryClaim claim) {
        return new Registration(impi, implicitSet, serviceProfile, scscfPool, contacts, claim);
    }

    /** The bindings not expired at {@code now}. */
    public List<Contact> activeContacts(Instant now) {
        return contacts.stream().filter(c -> !c.isExpired(now)).toList();
    }

    /** The earliest expiry among the bindings, if any. */
    public Optional<Instant> nextExpiry() {
        return contacts.stream().map(Contact::expiresAt).min(Comparator.naturalOrder());
    }

    /**
     * When the expiry index must next look at this registration: its earliest expiry, or the end of a claim's lease if
     * that comes later (a claimant that died is then replaced); empty without contacts.
     */
    Optional<Instant> nextExpiryCheck() {
        Optional<Instant> next = nextExpiry();
        if (next.isPresent() && expiryClaim != null && expiryClaim.leaseUntil().isAfter(next.get())) {
            return Optional.of(expiryClaim.leaseUntil());
        }
        return next;
    }
}
