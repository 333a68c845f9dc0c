package io.kubeims.cscf.store;

import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.digest.Ha1;

import java.time.Instant;
import java.util.List;

/** Example state for store tests. */
final class CscfStates {

    static final String PROFILE = """
            <?xml version="1.0" encoding="UTF-8"?><IMSSubscription><PrivateID>%s</PrivateID>\
            <ServiceProfile><PublicIdentity><Identity>sip:%s</Identity></PublicIdentity></ServiceProfile>\
            </IMSSubscription>""";

    /** RES (= XRES), CK and IK of TS 35.208 test set 1. */
    static final byte[] XRES = HexKey.parse("XRES", "a54211d5e3ba50bf");
    static final byte[] CK = HexKey.parse("CK", "b40ba9a3c58b2a05bbf0d987b21bf8cb");
    static final byte[] IK = HexKey.parse("IK", "f769bcd751044604127672711c6d3441");

    private CscfStates() {
    }

    static Registration registration(String user) {
        String impi = user + "@ims.example.com";
        return Registration.of(impi,
                List.of("sip:" + user + "@ims.example.com", "tel:+1555" + Math.abs(user.hashCode())),
                PROFILE.formatted(impi, impi), "scscf.ims.svc");
    }

    static Contact contact(String uri, Instant expiresAt) {
        return new Contact(uri, expiresAt, List.of("<sip:pcscf.ims.example.com;lr>"), null, null, "call-1", 1,
                new TransportFlow("UDP", "192.0.2.10", 5060), null);
    }

    static Contact outboundContact(String instance, int regId, Instant expiresAt, int port) {
        return new Contact("sip:ue@192.0.2.20:" + port + ";transport=tcp;ob", expiresAt,
                List.of("<sip:pcscf.ims.example.com;lr;ob>"), instance, regId, "call-" + regId, 1,
                new TransportFlow("TCP", "192.0.2.20", port), "0.5");
    }

    static AuthChallenge akaChallenge(String nonce, Instant createdAt) {
        return AuthChallenge.issued(nonce, "alice@ims.example.com", "sip:alice@ims.example.com", "ims.example.com",
                new ChallengeSecret.Aka(XRES, CK, IK), createdAt);
    }

    static AuthChallenge digestChallenge(String nonce, Instant createdAt) {
        return AuthChallenge.issued(nonce, "bob@ims.example.com", "sip:bob@ims.example.com", "ims.example.com",
                new ChallengeSecret.Md5Digest(Ha1.of("bob@ims.example.com", "ims.example.com", "secret")), createdAt);
    }
}
