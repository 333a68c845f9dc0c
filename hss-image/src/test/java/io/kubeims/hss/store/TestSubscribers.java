package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.RegistrationType;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.SipHeaderCondition;
import io.kubeims.protocol.ifc.TriggerPoint;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** Subscribers used by the store tests: TS 35.208 test set 1 keys, iFCs covering the Cx-User-Data elements. */
final class TestSubscribers {

    /** TS 35.208 4.3 test set 1. */
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    /** Originating INVITE with a Call-Info-free SIP header check to a TAS; third-party REGISTER to an AS. */
    static final List<InitialFilterCriteria> IFCS = List.of(
            new InitialFilterCriteria(0,
                    new TriggerPoint(false, List.of(
                            new ServicePointTrigger(false, List.of(0), new MethodCondition("INVITE")),
                            new ServicePointTrigger(false, List.of(0),
                                    new SessionCaseCondition(SessionCase.ORIGINATING_REGISTERED)),
                            new ServicePointTrigger(true, List.of(1),
                                    new SipHeaderCondition("Accept-Contact", "\\+g\\.3gpp\\.icsi-ref")))),
                    new ApplicationServer("sip:tas.ims.example.com;lr", DefaultHandling.SESSION_CONTINUED,
                            "service-info <&> text", false, false),
                    ProfilePartIndicator.REGISTERED),
            new InitialFilterCriteria(5,
                    new TriggerPoint(true, List.of(new ServicePointTrigger(false, List.of(0), new MethodCondition(
                            "REGISTER", EnumSet.of(RegistrationType.INITIAL_REGISTRATION,
                                    RegistrationType.RE_REGISTRATION))))),
                    new ApplicationServer("sip:reg-as.ims.example.com", DefaultHandling.SESSION_TERMINATED, null,
                            true, true),
                    null));

    private TestSubscribers() {
    }

    /** An AKA subscriber name@ims.example.com with sip:name@ims.example.com and the given extra identities. */
    static Subscriber aka(String name, String... extraIdentities) {
        return new Subscriber(name + "@ims.example.com", identities(name, extraIdentities), false,
                AkaCredentials.fromOpcHex(K, OPC, "8000"), IFCS);
    }

    /** A SIP Digest subscriber without iFCs. */
    static Subscriber digest(String name, String... extraIdentities) {
        return new Subscriber(name + "@ims.example.com", identities(name, extraIdentities), false,
                new SipDigestCredentials(name + "-password"), List.of());
    }

    private static List<PublicUserIdentity> identities(String name, String... extra) {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(new PublicUserIdentity("sip:" + name + "@ims.example.com", false,
                        "Display " + name)),
                Arrays.stream(extra).map(PublicUserIdentity::new)).toList();
    }
}
