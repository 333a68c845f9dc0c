package io.kubeims.cscf.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dispatcher and the node boundary against real sockets: bad headers (400 with reason and Warning), Max-Forwards
 * 0 (483), unknown methods (405/501 with Allow), a throwing handler (500), garbage, stateless fallback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestDispatcherTest {

    private static final String HOST = "127.0.0.1";

    private final AtomicInteger statelessAnswers = new AtomicInteger();
    private SipNode uas;
    private SipNode uac;
    private java.util.Set<Thread> threadsBefore;

    @BeforeAll
    void startNodes() throws Exception {
        threadsBefore = ThreadCheck.nonDaemonThreads();
        RequestDispatcher dispatcher = RequestDispatcher.builder()
                .on(Request.OPTIONS, in -> {
                    if (in.serverTransaction().isEmpty()) {
                        statelessAnswers.incrementAndGet();
                    }
                    in.respond(Response.OK);
                })
                .on(Request.REGISTER, in -> in.respond(Response.OK))
                .on(Request.MESSAGE, in -> {
                    throw new IllegalStateException("handler bug");
                })
                .on(Request.ACK, in -> {
                    throw new IllegalStateException("ACK handler bug");
                })
                .build();
        uas = new SipNode(SipNodeSettings.of("uas", HOST, 0)).start(dispatcher);
        uac = new SipNode(SipNodeSettings.of("uac", HOST, 0)).start(RequestDispatcher.builder().build());
    }

    @AfterAll
    void closeNodes() throws Exception {
        SipNode.closeAll(List.of(uas, uac));
        assertEquals(List.of(), ThreadCheck.leftSince(threadsBefore, 5000));
    }

    private Response send(String method, int maxForwards, String transport) throws Exception {
        Request request = TestRequests.create(uac, method, "sip:" + HOST + ":" + uas.port(), maxForwards);
        return uac.request(request, new NextHop(HOST, uas.port(), transport), null).get(10, TimeUnit.SECONDS);
    }

    private static String options(String extraHeaders, String maxForwards) {
        return "OPTIONS sip:127.0.0.1 SIP/2.0\n"
                + "Via: SIP/2.0/%TRANSPORT% 127.0.0.1:%PORT%;branch=z9hG4bK" + System.nanoTime() + ";rport\n"
                + (maxForwards == null ? "" : "Max-Forwards: " + maxForwards + "\n")
                + "From: <sip:raw@ims.test>;tag=raw1\n"
                + "To: <sip:127.0.0.1>\n"
                + "Call-ID: raw-" + System.nanoTime() + "@test\n"
                + "CSeq: 1 OPTIONS\n"
                + extraHeaders
                + "Content-Length: 0\n\n";
    }

    @Test
    void anUnknownMethodIs501WithAllow() throws Exception {
        Response response = send("FOO", 70, NextHop.UDP);
        assertEquals(501, response.getStatusCode());
        assertEquals(List.of("ACK", "MESSAGE", "OPTIONS", "REGISTER"), allowed(response));
    }

    @Test
    void aKnownButUnservedMethodIs405WithAllow() throws Exception {
        Response response = send(Request.INFO, 70, NextHop.TCP);
        assertEquals(405, response.getStatusCode());
        assertEquals(List.of("ACK", "MESSAGE", "OPTIONS", "REGISTER"), allowed(response));
    }

    private static List<String> allowed(Response response) {
        return TestRequests.values(response, AllowHeader.NAME).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::trim).sorted().toList();
    }

    @Test
    void maxForwardsZeroIs483() throws Exception {
        assertEquals(483, send(Request.OPTIONS, 0, NextHop.UDP).getStatusCode());
        assertEquals(200, send(Request.OPTIONS, 1, NextHop.UDP).getStatusCode());
    }

    @Test
    void aThrowingHandlerGets500AndTheNodeKeepsServing() throws Exception {
        assertEquals(500, send(Request.MESSAGE, 70, NextHop.UDP).getStatusCode());
        assertEquals(500, send(Request.MESSAGE, 70, NextHop.TCP).getStatusCode());
        assertEquals(200, send(Request.OPTIONS, 70, NextHop.UDP).getStatusCode());
    }

    @Test
    void aMalformedHeaderIs400NamingItOverUdpAndTcp() throws Exception {
        try (RawSipSocket udp = RawSipSocket.udp(uas.port()); RawSipSocket tcp = RawSipSocket.tcp(uas.port())) {
            for (RawSipSocket socket : List.of(udp, tcp)) {
                socket.send(options("Expires: never\n", "70"));
                String response = socket.receive();
                assertTrue(response.startsWith("SIP/2.0 400 Malformed Expires header\r\n"), response);
                assertTrue(response.contains("Warning: 399 127.0.0.1 \"Malformed Expires header\""), response);
                // and the same socket is served normally afterwards
                socket.send(options("", "70"));
                assertTrue(socket.receive().startsWith("SIP/2.0 200 OK"));
            }
        }
    }

    @Test
    void anUnparsableMaxForwardsIsAnswered400Statelessly() throws Exception {
        try (RawSipSocket udp = RawSipSocket.udp(uas.port())) {
            udp.send(options("", "abc"));
            String response = udp.receive();
            assertTrue(response.startsWith("SIP/2.0 400 Malformed Max-Forwards header\r\n"), response);
        }
    }

    @Test
    void aRequestWithoutMaxForwardsIsAnsweredStatelessly() throws Exception {
        int before = statelessAnswers.get();
        try (RawSipSocket udp = RawSipSocket.udp(uas.port())) {
            udp.send(options("", null));
            String response = udp.receive();
            assertTrue(response.startsWith("SIP/2.0 200 OK\r\n"), response);
            // the 200 went to the Via's received/rport, i.e. back to this socket
            assertTrue(response.contains("rport=" + udp.localPort()), response);
        }
        assertEquals(before + 1, statelessAnswers.get());
    }

    @Test
    void garbageIsDroppedAndTheNodeKeepsServing() throws Exception {
        try (RawSipSocket udp = RawSipSocket.udp(uas.port())) {
            udp.sendBytes(new byte[] {0, 1, 2, (byte) 0xff, 13, 10, 13, 10});
            udp.sendBytes("this is not SIP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // a request without Call-ID: jain-sip drops it before us
            udp.send(options("", "70").replaceFirst("Call-ID: [^\n]*\n", ""));
            udp.send(options("", "70"));
            // the first answer on this socket is the one to the valid request
            assertTrue(udp.receive().startsWith("SIP/2.0 200 OK\r\n"));
        }
    }

    @Test
    void anAckIsNeverAnsweredEvenWhenItsHandlerThrows() throws Exception {
        try (RawSipSocket udp = RawSipSocket.udp(uas.port())) {
            udp.send(options("", "70").replace("OPTIONS sip", "ACK sip").replace("1 OPTIONS", "1 ACK"));
            udp.send(options("", "70"));
            assertTrue(udp.receive().startsWith("SIP/2.0 200 OK\r\n"));
        }
    }

    @Test
    void handlerRegistrationIsChecked() {
        RequestDispatcher.Builder builder = RequestDispatcher.builder().on("REGISTER", in -> { });
        assertThrows(IllegalArgumentException.class, () -> builder.on("REGISTER", in -> { }));
        assertThrows(IllegalArgumentException.class, () -> builder.on("BAD METHOD", in -> { }));
        assertEquals("REGISTER", builder.build().allow());
    }
}
