package io.kubeims.cscf.scscf.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.SipFactories;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.TransportFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.sip.address.AddressFactory;
import org.junit.jupiter.api.Test;

/** The binding rules of RFC 3261 10.3 steps 6-7 and RFC 5626 flows, without a network. */
class BindingUpdateTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final AddressFactory ADDRESSES = SipFactories.create().addresses();
    private static final ScscfSettings SETTINGS = ScscfSettings.of("ims.example.com", "sip:scscf.ims.example.com",
            "sip:orig@scscf.ims.example.com;lr", Set.of()).withExpires(Duration.ofSeconds(60),
            Duration.ofSeconds(600), Duration.ofSeconds(3600));
    private static final TransportFlow FLOW = new TransportFlow("UDP", "192.0.2.7", 5060);

    private static ContactBinding binding(String uri, Integer expires, String instance, Integer regId)
            throws Exception {
        return new ContactBinding(ADDRESSES.createAddress(ADDRESSES.createURI(uri)),
                expires == null ? OptionalInt.empty() : OptionalInt.of(expires), Optional.ofNullable(instance),
                regId == null ? OptionalInt.empty() : OptionalInt.of(regId), Map.of());
    }

    private static RegisterRequest register(String callId, long cseq, OptionalInt expiresHeader, boolean wildcard,
            ContactBinding... contacts) {
        return new RegisterRequest("sip:alice@ims.example.com", "alice@ims.example.com", Optional.empty(), wildcard,
                List.of(contacts), expiresHeader, List.of(), callId, cseq, "z9hG4bK-1", FLOW);
    }

    private static Contact stored(String uri, String callId, long cseq, String instance, Integer regId) {
        return new Contact(uri, NOW.plusSeconds(300), List.of(), instance, regId, callId, cseq, FLOW, null);
    }

    @Test
    void theExpiryIsTheContactsThenTheHeadersThenTheDefaultCutToTheMaximum() throws Exception {
        BindingUpdate update = BindingUpdate.of(register("c", 1, OptionalInt.of(900), false,
                binding("sip:a@192.0.2.7", 120, null, null), binding("sip:b@192.0.2.7", null, null, null),
                binding("sip:c@192.0.2.7", 99_999, null, null)), SETTINGS, NOW);
        List<Contact> written = update.applyTo(List.of());
        assertEquals(List.of(NOW.plusSeconds(120), NOW.plusSeconds(900), NOW.plusSeconds(3600)),
                written.stream().map(Contact::expiresAt).toList());
        BindingUpdate defaulted = BindingUpdate.of(register("c", 1, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", null, null, null)), SETTINGS, NOW);
        assertEquals(NOW.plusSeconds(600), defaulted.applyTo(List.of()).get(0).expiresAt());
    }

    @Test
    void onlyANonZeroExpiryBelowTheMinimumIsTooBrief() throws Exception {
        assertEquals(OptionalInt.of(59), BindingUpdate.tooBrief(register("c", 1, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 59, null, null)), SETTINGS));
        assertEquals(OptionalInt.empty(), BindingUpdate.tooBrief(register("c", 1, OptionalInt.of(0), false,
                binding("sip:a@192.0.2.7", null, null, null)), SETTINGS));
        assertEquals(OptionalInt.empty(), BindingUpdate.tooBrief(register("c", 1, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 60, null, null)), SETTINGS));
    }

    @Test
    void expiresZeroRemovesAWildcardRemovesAllAndExpiredBindingsAreDropped() throws Exception {
        Contact a = stored("sip:a@192.0.2.7", "other", 5, null, null);
        Contact b = stored("sip:b@192.0.2.7", "other", 5, null, null);
        Contact gone = new Contact("sip:old@192.0.2.7", NOW, List.of(), null, null, "other", 5, FLOW, null);
        BindingUpdate removeA = BindingUpdate.of(register("c", 1, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 0, null, null)), SETTINGS, NOW);
        assertEquals(List.of(b), removeA.applyTo(List.of(a, b, gone)));
        BindingUpdate all = BindingUpdate.of(register("c", 1, OptionalInt.of(0), true), SETTINGS, NOW);
        assertEquals(List.of(), all.applyTo(List.of(a, b)));
    }

    @Test
    void theSameCallIdMayChangeABindingOnlyWithAHigherCseq() throws Exception {
        Contact a = stored("sip:a@192.0.2.7", "call-1", 7, null, null);
        assertEquals(1, BindingUpdate.of(register("call-1", 8, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 600, null, null)), SETTINGS, NOW).applyTo(List.of(a)).size());
        assertEquals(1, BindingUpdate.of(register("call-2", 1, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 600, null, null)), SETTINGS, NOW).applyTo(List.of(a)).size());
        assertThrows(OutOfOrderRegisterException.class, () -> BindingUpdate.of(register("call-1", 6,
                OptionalInt.empty(), false, binding("sip:a@192.0.2.7", 600, null, null)), SETTINGS, NOW)
                .applyTo(List.of(a)));
        // the same Call-ID and CSeq is a retransmission of the REGISTER that wrote it (reaching another replica):
        // the binding stays exactly as that REGISTER wrote it (300 s), not refreshed to the 600 s asked again
        assertEquals(List.of(a), BindingUpdate.of(register("call-1", 7, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 600, null, null)), SETTINGS, NOW).applyTo(List.of(a)));
        assertThrows(OutOfOrderRegisterException.class, () -> BindingUpdate.of(register("call-1", 7,
                OptionalInt.of(0), false, binding("sip:a@192.0.2.7", 0, null, null)), SETTINGS, NOW)
                .applyTo(List.of(a)), "removing with the CSeq that wrote it is out of order");
        assertThrows(OutOfOrderRegisterException.class, () -> BindingUpdate.of(register("call-1", 6,
                OptionalInt.of(0), true), SETTINGS, NOW).applyTo(List.of(a)), "RFC 3261 10.3 step 6");
        // a binding the REGISTER does not name is not checked
        assertEquals(2, BindingUpdate.of(register("call-1", 3, OptionalInt.empty(), false,
                binding("sip:z@192.0.2.7", 600, null, null)), SETTINGS, NOW).applyTo(List.of(a)).size());
    }

    @Test
    void aRegisterIsAppliedOnlyWhenItsWritesAreThereAsItWroteThemAndItsRemovalsAreGone() throws Exception {
        Contact written = stored("sip:a@192.0.2.7", "call-1", 7, null, null);
        Contact older = stored("sip:a@192.0.2.7", "call-1", 6, null, null);
        Contact other = stored("sip:b@192.0.2.7", "call-2", 1, null, null);
        BindingUpdate write = BindingUpdate.of(register("call-1", 7, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 600, null, null)), SETTINGS, NOW);
        assertTrue(write.isAppliedIn(List.of(written, other)));
        assertFalse(write.isAppliedIn(List.of(older)), "the previous REGISTER's binding: this one never committed");
        assertFalse(write.isAppliedIn(List.of()), "nothing stored: never committed");
        Contact expiredWrite = new Contact("sip:a@192.0.2.7", NOW, List.of(), null, null, "call-1", 7, FLOW, null);
        assertFalse(write.isAppliedIn(List.of(expiredWrite)), "an expired binding is not there");

        BindingUpdate remove = BindingUpdate.of(register("call-1", 8, OptionalInt.empty(), false,
                binding("sip:a@192.0.2.7", 0, null, null)), SETTINGS, NOW);
        assertTrue(remove.isAppliedIn(List.of(other)));
        assertFalse(remove.isAppliedIn(List.of(written, other)), "the binding to remove is still there");

        BindingUpdate all = BindingUpdate.of(register("call-1", 8, OptionalInt.of(0), true), SETTINGS, NOW);
        assertFalse(all.isAppliedIn(List.of(written)));
        // a retransmitted Contact: * never takes away what another Call-ID registered since
        assertTrue(all.isAppliedIn(List.of(other)));
        Contact later = stored("sip:a@192.0.2.7", "call-1", 9, null, null);
        assertTrue(all.isAppliedIn(List.of(later)), "written by a later REGISTER of the same Call-ID");
    }

    @Test
    void rfc5626FlowsAreKeptApartByRegIdAndReplacedInPlace() throws Exception {
        String instance = "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>";
        Contact flow1 = stored("sip:ue@192.0.2.7:5060", "c1", 1, instance, 1);
        Contact flow2 = stored("sip:ue@198.51.100.9:5060", "c2", 1, instance, 2);
        BindingUpdate moved = BindingUpdate.of(register("c3", 1, OptionalInt.empty(), false,
                binding("sip:ue@203.0.113.4:5070", 600, instance, 1)), SETTINGS, NOW);
        List<Contact> after = moved.applyTo(List.of(flow1, flow2));
        assertEquals(List.of("sip:ue@203.0.113.4:5070", "sip:ue@198.51.100.9:5060"),
                after.stream().map(Contact::uri).toList(), "flow 1 replaced in place, flow 2 kept");
    }
}
