package io.kubeims.cscf.icscf;

import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.header.AuthHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A test S-CSCF on loopback: answers every REGISTER 401 with an MD5 challenge (as an S-CSCF does before
 * authentication, TS 24.229 5.4.1.2.1), every other request but ACK 200 with a Contact (as the terminating S-CSCF of
 * a session), and keeps a copy of what it received (as received, with the I-CSCF's Route on top).
 */
final class RecordingScscf implements AutoCloseable {

    private final SipNode node;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    private RecordingScscf(String name, String host) throws Exception {
        this.node = new SipNode(SipNodeSettings.of(name, host, 0));
        node.start(RequestDispatcher.builder().on(Request.REGISTER, inbound -> {
            received.add((Request) inbound.request().clone());
            Response challenge = inbound.createResponse(Response.UNAUTHORIZED);
            AuthHeader.WWW_AUTHENTICATE.add(challenge,
                    "Digest realm=\"ims.example.com\",nonce=\"dGVzdC1ub25jZQ==\",algorithm=MD5,qop=\"auth\"",
                    inbound.node().headers());
            inbound.respond(challenge);
        }).otherwise(inbound -> {
            received.add((Request) inbound.request().clone());
            if (!Request.ACK.equals(inbound.method())) {
                Response ok = inbound.createResponse(Response.OK);
                // a 2xx to INVITE carries the remote target (RFC 3261 13.3.1.4)
                ok.addHeader(node.headers().createHeader("Contact", "<sip:callee@" + host + ">"));
                inbound.respond(ok);
            }
        }).build());
    }

    static RecordingScscf start(String name, String host) throws Exception {
        return new RecordingScscf(name, host);
    }

    SipNode node() {
        return node;
    }

    /** Its SIP URI as an HSS or a pool setting names it. */
    String serverName() {
        return "sip:" + node.host() + ":" + node.port();
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
