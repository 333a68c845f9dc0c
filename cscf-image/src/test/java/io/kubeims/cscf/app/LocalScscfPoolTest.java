package io.kubeims.cscf.app;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;
import io.kubeims.cx.client.CxPoolAnswer;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.cx.server.CxScscfHandler;
import io.kubeims.hss.cx.HssCore;
import io.kubeims.hss.cx.HssCoreSettings;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.cx.HssStorageSettings;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local placement's Diameter names work with jdiameter: the HSS, told the S-CSCF pool {@code sip:127.0.0.1:6060}
 * by kube-ims-config, reaches the S-CSCF whose Origin-Host is {@code scscf.127.0.0.1} with an RTR (the pool rule of
 * ims-cx {@code ScscfPool}), everything on 127.0.0.1. Only the ports are free ones instead of 3868/3870.
 */
class LocalScscfPoolTest {

    private static final String HOST = "127.0.0.1";

    @Test
    void theHssReachesTheLocalScscfPoolByItsDerivedNames(@TempDir Path data) throws Exception {
        ImsCore example;
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(module.getParent().resolve("deploy/examples/imscore.yaml"))) {
            example = Serialization.unmarshal(in, ImsCore.class);
        }
        CoreConfiguration local = CoreConfiguration.derive(example, Placement.local(data.toString()));
        FunctionConfiguration hssConfig = local.function(NetworkFunction.HSS);
        FunctionConfiguration scscfConfig = local.function(NetworkFunction.SCSCF);
        String realm = hssConfig.property("kubeims.hss.realm").orElseThrow();
        String hssHost = hssConfig.property("kubeims.hss.diameter.origin-host").orElseThrow();
        String pool = hssConfig.property("kubeims.hss.cx.scscf-pool").orElseThrow();
        String scscfHost = scscfConfig.property("kubeims.cscf.diameter.origin-host").orElseThrow();
        assertEquals(hssHost, scscfConfig.property("kubeims.cscf.diameter.hss-host").orElseThrow());
        assertEquals(HOST, hssConfig.property("kubeims.hss.diameter.bind-address").orElseThrow());

        Queue<RegistrationTerminationRequest> received = new ConcurrentLinkedQueue<>();
        CxScscfHandler handler = new CxScscfHandler() {
            @Override
            public RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope,
                                                                         RegistrationTerminationRequest request) {
                received.add(request);
                return RegistrationTerminationAnswer.of(CxResult.of(DiameterResultCode.SUCCESS));
            }

            @Override
            public PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request) {
                return new PushProfileAnswer(CxResult.of(DiameterResultCode.SUCCESS));
            }
        };
        CxNodeSettings hssNode = CxNodeSettings.hss(hssHost, realm, HOST, freePort()).build();
        try (HssCore hss = HssCore.start(new HssCoreSettings(hssNode, HssCxSettings.homeOnly(realm, List.of(pool), 4),
                new HssStorageSettings.Embedded(data.resolve("hss")), 1));
             CxNode scscf = CxNode.scscf(CxNodeSettings.cscf(scscfHost, realm, HOST, freePort(),
                     new CxPeerAddress(hssHost, HOST, hssNode.port())).startTimeout(Duration.ofSeconds(15)).build(),
                     handler)) {
            assertTrue(scscf.start(), "the S-CSCF connects to the HSS");
            CxPoolAnswer<RegistrationTerminationAnswer> answer = hss.node().sendToPool(pool,
                    new RegistrationTerminationRequest("alice@ims.example.com", List.of(), List.of(),
                            new DeregistrationReason(ReasonCode.PERMANENT_TERMINATION, null)))
                    .get(20, TimeUnit.SECONDS);
            assertEquals("scscf.127.0.0.1", answer.replicaHost());
            assertTrue(answer.answer().result().isSuccess());
            assertEquals("alice@ims.example.com", received.poll().userName());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
