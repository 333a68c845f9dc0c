package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.header.Expiry;
import io.kubeims.protocol.digest.DigestCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sip.address.Address;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A test S-CSCF registrar on loopback, standing in for the real one: keeps a copy of every REGISTER and answers
 * <ul>
 * <li>401 with an AKAv1-MD5 challenge carrying {@code ck} and {@code ik} (as an S-CSCF does towards the P-CSCF,
 * TS 24.229 5.4.1.2.1), unless the REGISTER has a digest response or {@code integrity-protected="ip-assoc-yes"};</li>
 * <li>else 200 with each contact and the expiry it grants (what was asked, at most {@link #MAX_EXPIRES}; contacts
 * asked with 0 are left out), the Path echoed (RFC 3327), a Service-Route (RFC 3608) and P-Associated-URI (the To URI
 * and {@link #TEL_ALIAS}).</li>
 * </ul>
 * It checks no digest: authentication is not what the P-CSCF tests are about.
 */
final class TestRegistrar implements AutoCloseable {

    /** The realm of the challenge. */
    static final String REALM = "ims.example.com";
    /** The nonce of the RFC 3310 example (section 4, base64 RAND || AUTN). */
    static final String NONCE = "CjPk9mRqNuT25eRkajM09uTl9nM09uTl9nMz5OX25PZz==";
    /** The keys the challenge carries for the P-CSCF (hex, as TS 24.229 7.2A sends them). */
    static final String CK = "a9c6be0dae0b7d2b0e54e4f3ae8c9d10";
    static final String IK = "f5e3ff0b6e3e3c43ba3aa47e1c4b7c22";
    /** The largest expiry granted. */
    static final int MAX_EXPIRES = 3600;
    /** A second associated identity. */
    static final String TEL_ALIAS = "tel:+15551234567";

    private final SipNode node;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    private TestRegistrar(String name, String host) throws Exception {
        this.node = new SipNode(SipNodeSettings.of(name, host, 0));
        node.start(RequestDispatcher.builder().on(Request.REGISTER, this::register).build());
    }

    static TestRegistrar start(String name, String host) throws Exception {
        return new TestRegistrar(name, host);
    }

    private void register(InboundRequest inbound) throws Exception {
        Request request = inbound.request();
        received.add((Request) request.clone());
        Optional<String> authorization = AuthHeader.AUTHORIZATION.first(request);
        boolean answered = false;
        boolean associated = false;
        if (authorization.isPresent()) {
            DigestCredentials credentials = DigestCredentials.parse(authorization.get());
            answered = !credentials.response().isEmpty();
            associated = IntegrityProtection.IP_ASSOC_YES.token()
                    .equals(credentials.otherParams().get(IntegrityProtection.PARAMETER));
        }
        inbound.respond(answered || associated ? ok(inbound) : challenge(inbound));
    }

    private Response challenge(InboundRequest inbound) {
        Response challenge = inbound.createResponse(Response.UNAUTHORIZED);
        AuthHeader.WWW_AUTHENTICATE.add(challenge, "Digest realm=\"" + REALM + "\",nonce=\"" + NONCE
                + "\",algorithm=AKAv1-MD5,qop=\"auth\",ck=\"" + CK + "\",ik=\"" + IK + "\"", node.headers());
        chargingVector(challenge);
        return challenge;
    }

    private Response ok(InboundRequest inbound) throws Exception {
        Request request = inbound.request();
        HeaderFactory headers = node.headers();
        Response ok = inbound.createResponse(Response.OK);
        OptionalInt expires = Expiry.read(request);
        for (ContactBinding contact : ContactBinding.read(request)) {
            int granted = Math.min(contact.expiresOr(expires, MAX_EXPIRES), MAX_EXPIRES);
            if (granted > 0) {
                ok.addHeader(contact.withExpires(granted).toHeader(headers));
            }
        }
        AddressListHeader.PATH.write(ok, AddressListHeader.PATH.read(request), headers);
        AddressListHeader.SERVICE_ROUTE.write(ok, List.of(node.address("udp", "orig")), headers);
        Address to = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress();
        AddressListHeader.P_ASSOCIATED_URI.write(ok, List.of(node.addresses().createAddress(to.getURI()),
                node.addresses().createAddress(node.addresses().createURI(TEL_ALIAS))), headers);
        chargingVector(ok);
        return ok;
    }

    /** The S-CSCF's charging data, which must not reach the UE. */
    private void chargingVector(Response response) {
        io.kubeims.cscf.sip.header.ChargingVector.of("scscf-icid-1").withTermIoi(REALM).write(response,
                node.headers());
    }

    SipNode node() {
        return node;
    }

    /** Its SIP URI as an HSS or a pool setting names it. */
    String serverName() {
        return "sip:" + node.host() + ":" + node.port();
    }

    /** The Service-Route URI it sends. */
    String serviceRoute() {
        return node.uri("udp", "orig").toString();
    }

    /** Everything received since the last call, in order. */
    List<Request> drain() {
        List<Request> requests = new ArrayList<>();
        received.drainTo(requests);
        return requests;
    }

    @Override
    public void close() {
        node.close();
    }
}
