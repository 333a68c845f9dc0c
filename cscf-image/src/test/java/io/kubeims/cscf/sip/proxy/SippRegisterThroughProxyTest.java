package io.kubeims.cscf.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.protocol.digest.SippRunner;
import io.kubeims.cscf.sip.TestRequests;
import io.kubeims.cscf.sip.ThreadCheck;
import io.kubeims.cscf.sip.header.AddressListHeader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIPp (a real UA) sends REGISTER over UDP to a proxy node, which adds Path and forwards it to a registrar node
 * answering 200 with the Path echoed (RFC 3327 5.3); SIPp checks the Path of the 200. Skipped without sipp, failed
 * under {@code -Dkubeims.require-tools=true}.
 */
class SippRegisterThroughProxyTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void registerThroughAProxyGets200WithPath(boolean stateful) throws Exception {
        SippRunner sipp = SippRunner.require();
        Set<Thread> threadsBefore = ThreadCheck.nonDaemonThreads();
        BlockingQueue<Request> atRegistrar = new LinkedBlockingQueue<>();
        SipNode registrar = new SipNode(SipNodeSettings.of("scscf", HOST, 0));
        SipNode proxyNode = new SipNode(SipNodeSettings.of("pcscf", HOST, 0));
        try {
            registrar.start(RequestDispatcher.builder().on(Request.REGISTER, in -> {
                atRegistrar.add((Request) in.request().clone());
                in.respond(okEchoingPath(in));
            }).build());
            SipProxy proxy = stateful
                    ? new StatefulProxy(proxyNode, ProxySettings.defaults(), ResponseRewriter.NONE)
                    : new StatelessProxy(proxyNode, ResponseRewriter.NONE);
            NextHop registrarHop = new NextHop(HOST, registrar.port(), NextHop.UDP);
            proxyNode.start(RequestDispatcher.builder()
                    .on(Request.REGISTER, in -> proxy.proxy(in, Forwarding.to(registrarHop).withPath("term")))
                    .build(), proxy);

            Path scenario = Path.of(getClass().getResource("/io/kubeims/cscf/sip/register-via-proxy.xml").toURI());
            SippRunner.Result result = sipp.run(workDir, scenario, new InetSocketAddress(HOST, proxyNode.port()),
                    List.of("-s", "alice"), Duration.ofSeconds(30));
            assertTrue(result.succeeded(), result.describe());

            Request received = atRegistrar.poll(10, TimeUnit.SECONDS);
            assertNotNull(received);
            assertEquals("sip:term@" + HOST + ":" + proxyNode.port() + ";lr",
                    AddressListHeader.PATH.read(received).get(0).getURI().toString());
            assertEquals(2, TestRequests.vias(received).size());
        } finally {
            SipNode.closeAll(List.of(registrar, proxyNode));
        }
        assertEquals(List.of(), ThreadCheck.leftSince(threadsBefore, 5000));
    }

    private static Response okEchoingPath(InboundRequest in) throws Exception {
        Response ok = in.createResponse(Response.OK);
        for (String name : List.of("Contact", "Path")) {
            for (ListIterator<?> it = in.request().getHeaders(name); it.hasNext(); ) {
                ok.addHeader((Header) ((Header) it.next()).clone());
            }
        }
        return ok;
    }
}
