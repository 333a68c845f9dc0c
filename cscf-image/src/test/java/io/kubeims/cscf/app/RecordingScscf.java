package io.kubeims.cscf.app;

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
 * authentication, TS 24.229 5.4.1.2.1) and keeps a copy of what it received.
 */
final class RecordingScscf implements AutoCloseable {

    private final SipNode node;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    RecordingScscf(String host) throws Exception {
        this.node = new SipNode(SipNodeSettings.of("scscf-test", host, 0));
        node.start(RequestDispatcher.builder().on(Request.REGISTER, inbound -> {
            received.add((Request) inbound.request().clone());
            Response challenge = inbound.createResponse(Response.UNAUTHORIZED);
            AuthHeader.WWW_AUTHENTICATE.add(challenge,
                    "Digest realm=\"ims.example.test\",nonce=\"dGVzdC1ub25jZQ==\",algorithm=MD5,qop=\"auth\"",
                    inbound.node().headers());
            inbound.respond(challenge);
        }).build());
    }

    SipNode node() {
        return node;
    }

    /** Its SIP URI as the HSS names it in Server-Capabilities. */
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
