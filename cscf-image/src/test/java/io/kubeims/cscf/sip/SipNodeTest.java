package io.kubeims.cscf.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.testing.FreePort;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One jain-sip stack per node on loopback: start with a probed port, send, time out, refuse, close cleanly. */
class SipNodeTest {

    private static final String HOST = "127.0.0.1";
    private final List<SipNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        SipNode.closeAll(nodes);
    }

    private SipNode start(String name, SipRequestHandler handler) throws SipNodeStartException {
        SipNode node = new SipNode(SipNodeSettings.of(name, HOST, 0).withClientTimeout(Duration.ofSeconds(5)));
        nodes.add(node);
        return node.start(handler);
    }

    @Test
    void portZeroProbesAPortBoundForUdpAndTcp() throws Exception {
        SipNode node = start("probe", RequestDispatcher.builder().build());
        int port = node.port();
        assertTrue(port > 0);
        // both transports are taken by the node now
        assertThrows(java.net.BindException.class,
                () -> new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), port)).close());
        try (Socket tcp = new Socket(HOST, port)) {
            assertTrue(tcp.isConnected());
        }
    }

    @Test
    void aTakenFixedPortFailsToStart() throws Exception {
        SipNode first = start("first", RequestDispatcher.builder().build());
        SipNode second = new SipNode(SipNodeSettings.of("second", HOST, first.port()));
        nodes.add(second);
        SipNodeStartException e = assertThrows(SipNodeStartException.class,
                () -> second.start(RequestDispatcher.builder().build()));
        assertTrue(e.getMessage().contains(String.valueOf(first.port())), e.getMessage());
        assertFalse(second.isRunning());
    }

    @Test
    void startingTwiceIsRefused() throws Exception {
        SipNode node = start("twice", RequestDispatcher.builder().build());
        assertThrows(IllegalStateException.class, () -> node.start(RequestDispatcher.builder().build()));
    }

    @Test
    void optionsOverUdpAndTcpGetTheHandlersAnswer() throws Exception {
        SipNode uas = start("uas", RequestDispatcher.builder().on(Request.OPTIONS, in -> in.respond(Response.OK))
                .build());
        SipNode uac = start("uac", RequestDispatcher.builder().build());
        for (String transport : List.of(NextHop.UDP, NextHop.TCP)) {
            Request options = TestRequests.create(uac, Request.OPTIONS, "sip:" + HOST + ":" + uas.port(), 70);
            Response response = uac.request(options, new NextHop(HOST, uas.port(), transport), null)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(200, response.getStatusCode(), transport);
            assertEquals(transport.toUpperCase(), TestRequests.vias(response).get(0).getTransport());
            // RFC 3261 8.2.6.2: the UAS added a To tag
            assertTrue(((javax.sip.header.ToHeader) response.getHeader("To")).getTag() != null);
        }
    }

    @Test
    void aResponseOfNoClientTransactionReachesTheStrayResponseHandlerAndOneOfALiveTransactionDoesNot()
            throws Exception {
        LinkedBlockingQueue<Response> strays = new LinkedBlockingQueue<>();
        SipNode uac = new SipNode(SipNodeSettings.of("uac", HOST, 0).withClientTimeout(Duration.ofSeconds(5)));
        nodes.add(uac);
        uac.start(RequestDispatcher.builder().build(), (response, node) -> strays.add(response));
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), 0))) {
            Request options = TestRequests.create(uac, Request.OPTIONS, "sip:" + HOST + ":" + peer.getLocalPort(), 70);
            CompletableFuture<Response> answered = uac.request(options, null, Duration.ofSeconds(5));
            DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
            peer.setSoTimeout(5000);
            peer.receive(packet);
            String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            String via = request.lines().filter(line -> line.startsWith("Via:")).findFirst().orElseThrow();
            String branch = via.replaceAll(".*branch=([^;]+).*", "$1");
            // magic-cookie branches the node never used (RFC 3261), and an RFC 2543 one: no client transaction
            for (String stray : List.of("z9hG4bK-never-sent-1", "z9hG4bK-never-sent-2", "rfc2543-style")) {
                send(peer, uac, response(request, via.replace(branch, stray)));
            }
            send(peer, uac, response(request, via));
            assertEquals(Response.OK, answered.get(10, TimeUnit.SECONDS).getStatusCode());
            List<String> strayBranches = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Response stray = strays.poll(10, TimeUnit.SECONDS);
                assertNotNull(stray, "stray response " + i);
                strayBranches.add(((javax.sip.header.ViaHeader) stray.getHeader("Via")).getBranch());
            }
            assertEquals(List.of("rfc2543-style", "z9hG4bK-never-sent-1", "z9hG4bK-never-sent-2"),
                    strayBranches.stream().sorted().toList());
            assertNull(strays.poll(300, TimeUnit.MILLISECONDS), "the live transaction's 200 is not a stray");
        }
    }

    private static String response(String request, String via) {
        StringBuilder response = new StringBuilder("SIP/2.0 200 OK\r\n").append(via).append("\r\n");
        request.lines().filter(line -> line.startsWith("From:") || line.startsWith("To:")
                || line.startsWith("Call-ID:") || line.startsWith("CSeq:"))
                .forEach(line -> response.append(line).append("\r\n"));
        return response.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static void send(DatagramSocket peer, SipNode to, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(HOST), to.port()));
    }

    @Test
    void noAnswerWithinTheBoundIsATimeout() throws Exception {
        SipNode uac = start("uac", RequestDispatcher.builder().build());
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), 0))) {
            Request options = TestRequests.create(uac, Request.OPTIONS, "sip:" + HOST + ":" + silent.getLocalPort(),
                    70);
            CompletableFuture<Response> future = uac.request(options, null, Duration.ofMillis(300));
            ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
            TransactionFailedException failed = assertInstanceOf(TransactionFailedException.class, e.getCause());
            assertEquals(ClientFailure.TIMEOUT, failed.failure());
        }
    }

    @Test
    void aRefusedTcpConnectionFailsTheSend() throws Exception {
        SipNode uac = start("uac", RequestDispatcher.builder().build());
        int closedPort = FreePort.on(HOST);
        Request options = TestRequests.create(uac, Request.OPTIONS, "sip:" + HOST + ":" + closedPort, 70);
        CompletableFuture<Response> future = uac.request(options, new NextHop(HOST, closedPort, NextHop.TCP), null);
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        // depending on where jain-sip notices, the send fails at once or the transaction reports the error
        assertTrue(e.getCause() instanceof SipSendException || e.getCause() instanceof TransactionFailedException,
                String.valueOf(e.getCause()));
    }

    @Test
    void aNonSipRequestUriWithoutRouteCannotBeSent() throws Exception {
        SipNode uac = start("uac", RequestDispatcher.builder().build());
        Request message = TestRequests.create(uac, Request.MESSAGE, "tel:+15551234567", 70);
        CompletableFuture<Response> future = uac.request(message, null, null);
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertInstanceOf(SipSendException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("not a SIP URI"), e.getCause().getMessage());
    }

    @Test
    void ownUrisAndAliasesAreRecognised() throws Exception {
        SipNode node = new SipNode(SipNodeSettings.of("alias", HOST, 0)
                .withAliases(List.of("pcscf.ims.svc", "edge.example.net:5070")));
        nodes.add(node);
        node.start(RequestDispatcher.builder().build());
        var addresses = node.addresses();
        assertTrue(node.isLocal(addresses.createURI("sip:" + HOST + ":" + node.port() + ";lr")));
        assertTrue(node.isLocal(addresses.createURI("sip:term@" + HOST + ":" + node.port() + ";lr;transport=tcp")));
        assertTrue(node.isLocal(addresses.createURI("sip:edge.example.net:5070;lr")));
        assertFalse(node.isLocal(addresses.createURI("sip:edge.example.net;lr")));
        assertFalse(node.isLocal(addresses.createURI("sip:" + HOST + ":" + (node.port() + 1) + ";lr")));
        assertFalse(node.isLocal(addresses.createURI("tel:+15551234567")));
        assertEquals("sip:term@" + HOST + ":" + node.port() + ";transport=tcp;lr",
                node.uri(NextHop.TCP, "term").toString());
        assertEquals("sip:" + HOST + ":" + node.port() + ";lr", node.uri(NextHop.UDP, null).toString());
    }

    @Test
    void closingLeavesNoNonDaemonThread() throws Exception {
        java.util.Set<Thread> before = ThreadCheck.nonDaemonThreads();
        SipNode uas = start("uas", RequestDispatcher.builder().on(Request.OPTIONS, in -> in.respond(Response.OK))
                .build());
        SipNode uac = start("uac", RequestDispatcher.builder().build());
        SipNode third = start("third", RequestDispatcher.builder().build());
        Request options = TestRequests.create(uac, Request.OPTIONS, "sip:" + HOST + ":" + uas.port(), 70);
        assertEquals(200, uac.request(options, new NextHop(HOST, uas.port(), NextHop.TCP), null)
                .get(10, TimeUnit.SECONDS).getStatusCode());
        assertNotEquals(uas.stackName(), uac.stackName());
        SipNode.closeAll(List.of(uas, uac, third));
        assertFalse(uas.isRunning());
        assertEquals(List.of(), ThreadCheck.leftSince(before, 5000));
        uas.close(); // idempotent
    }

    @Test
    void settingsAreValidated() {
        assertEquals("name",
                assertThrows(InvalidSipSettingsException.class, () -> SipNodeSettings.of("p cscf", HOST, 0)).field());
        assertEquals("host",
                assertThrows(InvalidSipSettingsException.class, () -> SipNodeSettings.of("p", "0.0.0.0", 0)).field());
        assertEquals("port",
                assertThrows(InvalidSipSettingsException.class, () -> SipNodeSettings.of("p", HOST, 70000)).field());
        assertEquals("maxMessageSize", assertThrows(InvalidSipSettingsException.class,
                () -> new SipNodeSettings("p", HOST, 0, List.of(), 4, 1000, Duration.ofSeconds(1))).field());
        assertEquals("udpThreads", assertThrows(InvalidSipSettingsException.class,
                () -> new SipNodeSettings("p", HOST, 0, List.of(), 0, 65536, Duration.ofSeconds(1))).field());
        assertEquals("clientTimeout", assertThrows(InvalidSipSettingsException.class,
                () -> SipNodeSettings.of("p", HOST, 0).withClientTimeout(Duration.ZERO)).field());
        assertEquals("aliases", assertThrows(InvalidSipSettingsException.class,
                () -> SipNodeSettings.of("p", HOST, 0).withAliases(List.of("a b"))).field());
        assertEquals("aliases", assertThrows(InvalidSipSettingsException.class,
                () -> SipNodeSettings.of("p", HOST, 0).withAliases(List.of("pcscf.ims.svc:70000"))).field());
    }

    @Test
    void nextHopsParseAndValidate() {
        assertEquals(new NextHop("scscf.ims.svc", 6060, "tcp"), NextHop.parse("scscf.ims.svc:6060;transport=TCP"));
        assertEquals(new NextHop("10.0.0.1", 5060, "udp"), NextHop.parse("sip:10.0.0.1"));
        assertThrows(InvalidNextHopException.class, () -> NextHop.parse("host:x"));
        assertThrows(InvalidNextHopException.class, () -> new NextHop("host", 5060, "tls"));
        assertThrows(InvalidNextHopException.class, () -> new NextHop("host", 0, "udp"));
    }
}
