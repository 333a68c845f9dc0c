package io.kubeims.cscf.scscf;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.message.Request;

/**
 * A test UE, P-CSCF or AS on loopback: records every request it receives (NOTIFY, third-party REGISTER) and answers
 * each with the status set for the test, or not at all (status 0).
 */
public final class RecordingUserAgent implements AutoCloseable {

    /** Bound of every wait for a request. */
    public static final long WAIT_SECONDS = 10;

    private final SipNode node;
    private final LinkedBlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);

    private RecordingUserAgent(String name) {
        this.node = new SipNode(SipNodeSettings.of(name, "127.0.0.1", 0));
    }

    public static RecordingUserAgent start(String name) throws Exception {
        RecordingUserAgent agent = new RecordingUserAgent(name);
        agent.node.start(RequestDispatcher.builder().checkMaxForwards(false).otherwise(agent::receive).build());
        return agent;
    }

    private void receive(InboundRequest inbound) throws Exception {
        received.add(inbound.request());
        int answer = status.get();
        if (answer > 0 && !Request.ACK.equals(inbound.method())) {
            inbound.respond(answer);
        }
    }

    public SipNode node() {
        return node;
    }

    /** {@code sip:<user>@127.0.0.1:<port>}. */
    public String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + node.port();
    }

    /** Answers the next requests with {@code statusCode}; 0 leaves them unanswered. */
    public void answerWith(int statusCode) {
        status.set(statusCode);
    }

    /** The next request received, waiting at most {@value #WAIT_SECONDS} s. */
    public Request next() throws InterruptedException {
        Request request = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError(node.settings().name() + " received nothing within " + WAIT_SECONDS + " s");
        }
        return request;
    }

    /** What was received and not taken yet. */
    public List<Request> drain() {
        List<Request> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        node.close();
    }
}
