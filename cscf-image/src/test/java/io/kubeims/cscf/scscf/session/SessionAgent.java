package io.kubeims.cscf.scscf.session;

import gov.nist.javax.sip.ServerTransactionExt;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A test peer of the S-CSCF on loopback, recording every request it receives: an AS or P-CSCF that proxies by Route
 * and Request-URI ({@link Mode#PROXY}, a real stateful proxy of {@code io.kubeims.cscf.sip.proxy}), a UE or AS acting
 * as UAS that rings and answers when told ({@link Mode#RING}) or at once with a fixed status ({@link Mode#ANSWER}),
 * or a peer that never answers, not even 100 Trying ({@link Mode#SILENT}; it sees retransmissions too).
 */
final class SessionAgent implements AutoCloseable {

    /** How the agent treats what it receives. */
    enum Mode {
        PROXY,
        RING,
        ANSWER,
        SILENT
    }

    static final long WAIT_SECONDS = 15;

    private final SipNode node;
    private final LinkedBlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final Map<String, InboundRequest> ringing = new ConcurrentHashMap<>();
    private final StatefulProxy proxy;
    private volatile Mode mode;
    private volatile int status = Response.OK;
    private volatile NextHop forwardTo;

    private SessionAgent(String name, Mode mode) throws Exception {
        this.node = new SipNode(SipNodeSettings.of(name, "127.0.0.1", 0));
        this.mode = mode;
        this.proxy = new StatefulProxy(node, ProxySettings.defaults(), ResponseRewriter.NONE);
        node.start(RequestDispatcher.builder().checkMaxForwards(false).otherwise(this::receive).build(), proxy);
    }

    static SessionAgent start(String name, Mode mode) throws Exception {
        return new SessionAgent(name, mode);
    }

    /** Answers every request (but ACK/CANCEL) with {@code statusCode} from now on. */
    SessionAgent answering(int statusCode) {
        this.status = statusCode;
        this.mode = Mode.ANSWER;
        return this;
    }

    /** Proxies every request to {@code hop} (Route and Request-URI unchanged but for our own Route entry). */
    SessionAgent forwardingTo(NextHop hop) {
        this.forwardTo = hop;
        this.mode = Mode.PROXY;
        return this;
    }

    private void receive(InboundRequest inbound) throws Exception {
        Request request = inbound.request();
        try {
            handle(inbound);
        } finally {
            // recorded once handled: a test that saw this request may act on it at once (e.g. answer the ringing
            // INVITE, which must be in ringing by then)
            received.add(request);
        }
    }

    private void handle(InboundRequest inbound) throws Exception {
        String method = inbound.method();
        switch (mode) {
            case PROXY -> {
                NextHop hop = forwardTo;
                proxy.proxy(inbound, hop == null ? Forwarding.byRequest().withRecordRoute()
                        : Forwarding.to(hop).withRecordRoute());
            }
            // no server transaction: jain-sip would send 100 Trying for an INVITE by itself after 200 ms
            case SILENT -> { }
            case ANSWER -> {
                if (!Request.ACK.equals(method)) {
                    inbound.respond(withContact(inbound.createResponse(status)));
                }
            }
            case RING -> ring(inbound);
        }
    }

    private void ring(InboundRequest inbound) throws Exception {
        switch (inbound.method()) {
            case Request.ACK -> { }
            case Request.INVITE -> {
                ringing.put(inbound.callId(), inbound);
                inbound.respond(withContact(inbound.createResponse(Response.RINGING)));
            }
            case Request.CANCEL -> {
                inbound.respond(Response.OK);
                ServerTransaction invite = ((ServerTransactionExt) inbound.serverTransaction().orElseThrow())
                        .getCanceledInviteTransaction();
                InboundRequest pending = ringing.remove(inbound.callId());
                if (invite != null && pending != null) {
                    pending.respond(Response.REQUEST_TERMINATED);
                }
            }
            default -> inbound.respond(Response.OK);
        }
    }

    /** The ringing INVITE of {@code callId} answers 200 with our Contact. */
    void answer(String callId) throws Exception {
        InboundRequest pending = ringing.remove(callId);
        if (pending == null) {
            throw new AssertionError(node.settings().name() + " has no ringing INVITE of Call-ID " + callId);
        }
        pending.respond(withContact(pending.createResponse(Response.OK)));
    }

    private Response withContact(Response response) throws Exception {
        response.addHeader(node.headers().createContactHeader(node.addresses().createAddress(uri("ue"))));
        return response;
    }

    SipNode node() {
        return node;
    }

    NextHop hop() {
        return new NextHop("127.0.0.1", node.port(), NextHop.UDP);
    }

    /** {@code sip:<user>@127.0.0.1:<port>}. */
    String uri(String user) {
        return "sip:" + (user == null ? "" : user + "@") + "127.0.0.1:" + node.port();
    }

    /** The next request received, waiting at most {@value #WAIT_SECONDS} s. */
    Request next() throws InterruptedException {
        Request request = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError(node.settings().name() + " received nothing within " + WAIT_SECONDS + " s");
        }
        return request;
    }

    /** The next request of {@code method}, skipping others. */
    Request next(String method) throws InterruptedException {
        while (true) {
            Request request = next();
            if (method.equals(request.getMethod())) {
                return request;
            }
        }
    }

    /** True when nothing is waiting to be taken. */
    boolean idle() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        node.close();
    }
}
