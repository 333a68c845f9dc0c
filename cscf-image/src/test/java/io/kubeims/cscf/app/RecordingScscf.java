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
 * A test S-CSCF (or I-CSCF in front of one) on loopback: answers every REGISTER 401 with a challenge (as an S-CSCF
 * does before authentication, TS 24.229 5.4.1.2.1), MD5 unless told another, and keeps a copy of what it received.
 */
final class RecordingScscf implements AutoCloseable {

    private final SipNode node;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    /** A challenge of the MD5 kind. */
    static final String MD5_CHALLENGE =
            "Digest realm=\"ims.example.test\",nonce=\"dGVzdC1ub25jZQ==\",algorithm=MD5,qop=\"auth\"";

    RecordingScscf(String host) throws Exception {
        this(host, 0, MD5_CHALLENGE);
    }

    /** On {@code port} (0: a free one), challenging with {@code challenge}. */
    RecordingScscf(String host, int port, String challenge) throws Exception {
        this.node = new SipNode(SipNodeSettings.of("scscf-test", host, port));
        node.start(RequestDispatcher.builder().on(Request.REGISTER, inbound -> {
            received.add((Request) inbound.request().clone());
            Response unauthorized = inbound.createResponse(Response.UNAUTHORIZED);
            AuthHeader.WWW_AUTHENTICATE.add(unauthorized, challenge, inbound.node().headers());
            inbound.respond(unauthorized);
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
