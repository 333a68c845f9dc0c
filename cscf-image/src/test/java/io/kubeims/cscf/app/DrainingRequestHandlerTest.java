package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.TestRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Graceful shutdown over real SIP on loopback: once draining, a new out-of-dialog request gets 503 at once (the UE
 * or proxy tries another replica), an in-dialog request still passes, and a REGISTER under way finishes and leaves
 * the in-flight count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrainingRequestHandlerTest {

    private static final String HOST = "127.0.0.1";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<InboundRequest> held = new LinkedBlockingQueue<>();
    private DrainingRequestHandler draining;
    private SipNode cscf;
    private SipNode ue;

    @BeforeAll
    void start() throws Exception {
        // REGISTER is held unanswered (as while a Cx round trip runs); MESSAGE is answered at once
        draining = new DrainingRequestHandler(RequestDispatcher.builder()
                .on(Request.REGISTER, inbound -> {
                    inbound.serverTransaction();
                    held.add(inbound);
                })
                .on(Request.MESSAGE, inbound -> inbound.respond(Response.OK))
                .build());
        cscf = new SipNode(SipNodeSettings.of("drain", HOST, 0)).start(draining);
        ue = new SipNode(SipNodeSettings.of("ue", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    @AfterAll
    void stop() {
        SipNode.closeAll(List.of(cscf, ue));
    }

    private CompletableFuture<Response> send(Request request) {
        return ue.request(request, new NextHop(HOST, cscf.port(), NextHop.UDP), WAIT);
    }

    @Test
    void drainingRefusesNewWorkAndLetsWorkUnderWayFinish() throws Exception {
        CompletableFuture<Response> registration = send(TestRequests.create(ue, Request.REGISTER, "sip:ims.test", 70));
        InboundRequest underWay = held.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(underWay, "the REGISTER reached the handler");
        assertEquals(1, draining.inFlight());

        draining.drain();
        Response refused = send(TestRequests.create(ue, Request.MESSAGE, "sip:bob@ims.test", 70))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Response.SERVICE_UNAVAILABLE, refused.getStatusCode());
        assertEquals("Shutting Down", refused.getReasonPhrase());

        Request inDialog = TestRequests.create(ue, Request.MESSAGE, "sip:bob@ims.test", 70);
        ((ToHeader) inDialog.getHeader(ToHeader.NAME)).setTag("b0b-tag");
        assertEquals(Response.OK, send(inDialog).get(WAIT.toSeconds(), TimeUnit.SECONDS).getStatusCode());

        assertEquals(1, draining.inFlight(), "the held REGISTER is still under way");
        underWay.respond(Response.OK);
        assertEquals(Response.OK, registration.get(WAIT.toSeconds(), TimeUnit.SECONDS).getStatusCode());
        assertEquals(0, draining.inFlight());
    }
}
