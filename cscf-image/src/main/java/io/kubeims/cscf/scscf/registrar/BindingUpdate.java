package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.store.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The change one REGISTER makes to a subscriber's bindings (RFC 3261 10.3 steps 6 to 8, RFC 5626 4.2): the
 * bindings it writes (each with its expiry, already cut to the maximum) and those it removes ({@code expires=0}, or
 * all of them for {@code Contact: *}). Applying it to the current bindings checks the out-of-order rule and drops
 * bindings that have expired. A pure value: the same update applied again in a store retry gives the same result.
 *
 * @param written     the bindings written, keyed by {@link Contact#bindingKey()}
 * @param removedKeys the binding keys removed
 * @param removeAll   {@code Contact: *} with {@code Expires: 0}
 * @param callId      the REGISTER's Call-ID
 * @param cseq        the REGISTER's CSeq number
 * @param now         when the REGISTER is applied (expiries count from here)
 */
public record BindingUpdate(Map<String, Contact> written, Set<String> removedKeys, boolean removeAll, String callId,
        long cseq, Instant now) {

    public BindingUpdate {
        written = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(written));
        removedKeys = Set.copyOf(removedKeys);
    }

    /**
     * The update of {@code register} at {@code now}: each contact's expiry is its {@code expires} parameter, else the
     * Expires header, else the default, cut to the maximum (RFC 3261 10.3 step 7). The minimum is checked by the
     * caller before (423).
     */
    public static BindingUpdate of(RegisterRequest register, ScscfSettings settings, Instant now) {
        Map<String, Contact> written = new LinkedHashMap<>();
        Set<String> removed = new java.util.LinkedHashSet<>();
        int defaultSeconds = (int) settings.defaultExpires().toSeconds();
        long maxSeconds = settings.maxExpires().toSeconds();
        for (ContactBinding binding : register.contacts()) {
            int seconds = binding.expiresOr(register.expiresHeader(), defaultSeconds);
            Contact contact = new Contact(binding.uri().toString(), now.plusSeconds(Math.min(seconds, maxSeconds)),
                    register.pathValues(), binding.instanceId().orElse(null),
                    binding.regId().isPresent() ? Integer.valueOf(binding.regId().getAsInt()) : null,
                    register.callId(), register.cseq(), register.receivedFrom(),
                    binding.otherParameters().get("q"));
            if (seconds == 0) {
                removed.add(contact.bindingKey());
                written.remove(contact.bindingKey());
            } else {
                removed.remove(contact.bindingKey());
                written.put(contact.bindingKey(), contact);
            }
        }
        return new BindingUpdate(written, removed, register.wildcard(), register.callId(), register.cseq(), now);
    }

    /**
     * The expiry of the first contact that asks for less than {@code minSeconds} without asking for removal, if
     * any: such a REGISTER is answered 423 (RFC 3261 10.3 step 7).
     */
    public static OptionalInt tooBrief(RegisterRequest register, ScscfSettings settings) {
        int defaultSeconds = (int) settings.defaultExpires().toSeconds();
        long minSeconds = settings.minExpires().toSeconds();
        for (ContactBinding binding : register.contacts()) {
            int seconds = binding.expiresOr(register.expiresHeader(), defaultSeconds);
            if (seconds > 0 && seconds < minSeconds) {
                return OptionalInt.of(seconds);
            }
        }
        return OptionalInt.empty();
    }

    /** The keys of every binding the REGISTER names (written or removed). */
    public Set<String> namedKeys() {
        Set<String> keys = new java.util.LinkedHashSet<>(written.keySet());
        keys.addAll(removedKeys);
        return keys;
    }

    /**
     * The bindings after this update: the current ones not expired at {@code now}, minus those removed, with those
     * written added or replaced in place.
     *
     * A binding this REGISTER writes that was written by the same Call-ID and CSeq is a retransmission of the
     * same REGISTER and stays as it is.
     *
     * @throws OutOfOrderRegisterException if a binding to change was written by the same Call-ID with a higher CSeq,
     *                                     or one to remove with a CSeq not below this one (RFC 3261 10.3 step 7;
     *                                     for {@code Contact: *}, step 6)
     */
    public List<Contact> applyTo(List<Contact> current) {
        List<Contact> result = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        for (Contact existing : current) {
            if (existing.isExpired(now)) {
                continue;
            }
            String key = existing.bindingKey();
            boolean touched = removeAll || removedKeys.contains(key) || written.containsKey(key);
            if (written.containsKey(key) && isSameTransaction(existing)) {
                // A retransmission of the REGISTER that wrote this binding, reaching another replica after the
                // first one applied it (replicas share no transaction layer, RFC 3261 17.2.1 would have absorbed
                // it): keep the binding as written then, so the answer is the 200 the first replica sent.
                result.add(existing);
                placed.add(key);
                continue;
            }
            if (touched && !existing.isSupersededBy(callId, cseq)) {
                throw new OutOfOrderRegisterException(key, callId, cseq, existing.cseq());
            }
            if (removeAll || removedKeys.contains(key)) {
                continue;
            }
            Contact replacement = written.get(key);
            result.add(replacement != null ? replacement : existing);
            placed.add(key);
        }
        for (Map.Entry<String, Contact> entry : written.entrySet()) {
            if (!placed.contains(entry.getKey())) {
                result.add(entry.getValue());
            }
        }
        return result;
    }

    /**
     * Whether this REGISTER's change is already in {@code current}, as when the REGISTER is a retransmission of one
     * that a replica processed to the end: every binding it writes is there as written by this Call-ID and CSeq, and
     * no binding it removes is left. For {@code Contact: *} only the bindings of its own Call-ID count: a
     * retransmission must never remove a binding another Call-ID wrote since. When this is false the earlier
     * processing stopped before its commit (its replica died, its SAR failed) and the REGISTER must be applied now.
     */
    public boolean isAppliedIn(List<Contact> current) {
        List<Contact> active = current.stream().filter(contact -> !contact.isExpired(now)).toList();
        for (String key : written.keySet()) {
            if (find(active, key).filter(this::isSameTransaction).isEmpty()) {
                return false;
            }
        }
        for (Contact contact : active) {
            boolean named = removedKeys.contains(contact.bindingKey())
                    || removeAll && contact.callId().equals(callId);
            if (named && contact.isSupersededBy(callId, cseq)) {
                return false;
            }
        }
        return true;
    }

    private boolean isSameTransaction(Contact existing) {
        return existing.callId().equals(callId) && existing.cseq() == cseq;
    }

    /** The binding with this key among {@code contacts}, if any. */
    static Optional<Contact> find(List<Contact> contacts, String key) {
        return contacts.stream().filter(c -> c.bindingKey().equals(key)).findFirst();
    }
}
