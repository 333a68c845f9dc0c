package io.kubeims.cscf.icscf;

import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A test S-CSCF on loopback standing in for the terminating one: answers every request but ACK 200 (with a Contact)
 * and keeps a copy
 * of what it received (as received, with the I-CSCF's Route on top).
 */
final class TerminatingScscf implements AutoCloseable {

    private final SipNode node;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    TerminatingScscf(String name, String host) throws Exception {
        node = new SipNode(SipNodeSettings.of(name, host, 0));
        node.start(RequestDispatcher.builder().otherwise(inbound -> {
            received.add((Request) inbound.request().clone());
            if (!Request.ACK.equals(inbound.method())) {
                Response ok = inbound.createResponse(Response.OK);
                // a 2xx to INVITE carries the remote target (RFC 3261 13.3.1.4)
                ok.addHeader(node.headers().createHeader("Contact", "<sip:callee@" + host + ">"));
                inbound.respond(ok);
            }
        }).build());
    }

    SipNode node() {
        return node;
    }

    /** Its SIP URI as the HSS or the pool names it. */
    String serverName() {
        return "sip:" + node.host() + ":" + node.port();
    }

    /** Everything received since the last call. */
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
