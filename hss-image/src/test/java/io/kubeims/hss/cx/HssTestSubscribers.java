package io.kubeims.hss.cx;

import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.TriggerPoint;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Subscribers of the Cx tests: unique names per call, TS 35.208 test set 1 keys for AKA. */
final class HssTestSubscribers {

    /** TS 35.208 4.3 test set 1: K and OPc. */
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    static final SubscriberKeys KEYS = SubscriberKeys.fromOpcHex(K, OPC);

    /** Voicemail for an unregistered user: terminating-unregistered INVITEs (TS 29.228 Annex B, PPI 1). */
    static final InitialFilterCriteria UNREGISTERED_VOICEMAIL = new InitialFilterCriteria(10,
            new TriggerPoint(true, List.of(
                    new ServicePointTrigger(false, List.of(0), new MethodCondition("INVITE")),
                    new ServicePointTrigger(false, List.of(1),
                            new SessionCaseCondition(SessionCase.TERMINATING_UNREGISTERED)))),
            new ApplicationServer("sip:voicemail.ims.example.com", DefaultHandling.SESSION_CONTINUED),
            ProfilePartIndicator.UNREGISTERED);

    /** A telephony AS for registered users only. */
    static final InitialFilterCriteria REGISTERED_TAS = new InitialFilterCriteria(0, null,
            new ApplicationServer("sip:tas.ims.example.com", DefaultHandling.SESSION_CONTINUED),
            ProfilePartIndicator.REGISTERED);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private HssTestSubscribers() {
    }

    static String uniqueName(String base) {
        return base + SEQUENCE.incrementAndGet();
    }

    static AkaCredentials akaCredentials() {
        return AkaCredentials.fromOpcHex(K, OPC, "8000");
    }

    /** name@ims.example.com with sip:name@ims.example.com and tel:+1555..., AKA, registered-only iFC. */
    static Subscriber aka(String name) {
        return new Subscriber(impi(name), identities(name, false, false), false, akaCredentials(),
                List.of(REGISTERED_TAS));
    }

    static Subscriber digest(String name, String password) {
        return new Subscriber(impi(name), identities(name, false, false), false, new SipDigestCredentials(password),
                List.of());
    }

    static Subscriber withIfcs(String name, List<InitialFilterCriteria> ifcs) {
        return new Subscriber(impi(name), identities(name, false, false), false, akaCredentials(), ifcs);
    }

    static Subscriber barredSubscription(String name) {
        return new Subscriber(impi(name), identities(name, false, false), true, akaCredentials(), List.of());
    }

    /** The sip: identity barred; the tel: one barred too when {@code allBarred}. */
    static Subscriber barredIdentity(String name, boolean allBarred) {
        return new Subscriber(impi(name), identities(name, true, allBarred), false, akaCredentials(), List.of());
    }

    static String impi(String name) {
        return name + "@ims.example.com";
    }

    static String sipImpu(String name) {
        return "sip:" + name + "@ims.example.com";
    }

    static String telImpu(String name) {
        return "tel:+1555" + String.format("%07d", Math.abs(name.hashCode()) % 10_000_000);
    }

    private static List<PublicUserIdentity> identities(String name, boolean sipBarred, boolean telBarred) {
        return List.of(new PublicUserIdentity(sipImpu(name), sipBarred, "User " + name),
                new PublicUserIdentity(telImpu(name), telBarred, null));
    }
}
