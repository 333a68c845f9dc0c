package io.kubeims.hssclient.testing;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeException;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.cx.server.CxScscfHandler;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An S-CSCF replica of the HSS's default pool ({@value #POOL}) over real Diameter Cx on 127.0.0.1: asks for
 * authentication data (MAR), registers (SAR) and records the RTRs and PPRs the HSS sends, answering them with
 * success. What the HSS holds is thus observed through Cx, as the IMS core observes it.
 */
public final class TestScscf implements AutoCloseable {

    /** The S-CSCF pool the HSS assigns by default: {@code sip:scscf.<realm>:6060}. */
    public static final String POOL = "sip:scscf." + HssProcess.REALM + ":6060";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CxNode node;
    private final Recorder recorder;

    private TestScscf(CxNode node, Recorder recorder) {
        this.node = node;
        this.recorder = recorder;
    }

    /** Replica {@code scscf-0} of the pool, connected to {@code hss}. */
    public static TestScscf connect(HssProcess hss) throws CxNodeException, IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CxNodeSettings settings = CxNodeSettings.cscf("scscf-0.scscf." + HssProcess.REALM, HssProcess.REALM,
                        "127.0.0.1", port, new CxPeerAddress(HssProcess.DIAMETER_HOST, HssProcess.DIAMETER_ADDRESS,
                                hss.diameterPort()))
                .requestTimeout(Duration.ofSeconds(5)).startTimeout(WAIT).build();
        Recorder recorder = new Recorder();
        CxNode node = CxNode.scscf(settings, recorder);
        if (!node.start()) {
            node.close();
            throw new IllegalStateException("the S-CSCF did not connect to the HSS at " + HssProcess.DIAMETER_ADDRESS
                    + ":" + hss.diameterPort());
        }
        return new TestScscf(node, recorder);
    }

    /** A MAR for one vector of {@code scheme}. */
    public MultimediaAuthAnswer mar(String impi, String impu, SipAuthenticationScheme scheme) throws Exception {
        return node.send(new MultimediaAuthRequest(impi, impu, POOL, 1, SipAuthDataItem.request(scheme)))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A SAR REGISTRATION: the HSS then records this pool as serving {@code impi}, which is registered. */
    public ServerAssignmentAnswer register(String impi, String impu) throws Exception {
        return node.send(new ServerAssignmentRequest(impi, List.of(impu), POOL, ServerAssignmentType.REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The RTRs received so far. */
    public List<RegistrationTerminationRequest> rtrs() {
        return List.copyOf(recorder.rtrs);
    }

    /** The PPRs received so far. */
    public List<PushProfileRequest> pprs() {
        return List.copyOf(recorder.pprs);
    }

    /** Waits (bounded) for an RTR matching {@code which}. */
    public boolean awaitRtr(Predicate<RegistrationTerminationRequest> which) throws InterruptedException {
        return await(() -> recorder.rtrs.stream().anyMatch(which));
    }

    /** Waits (bounded) for a PPR matching {@code which}. */
    public boolean awaitPpr(Predicate<PushProfileRequest> which) throws InterruptedException {
        return await(() -> recorder.pprs.stream().anyMatch(which));
    }

    private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        node.close();
    }

    /** Records RTR/PPR and answers DIAMETER_SUCCESS. */
    private static final class Recorder implements CxScscfHandler {

        private final List<RegistrationTerminationRequest> rtrs = new CopyOnWriteArrayList<>();
        private final List<PushProfileRequest> pprs = new CopyOnWriteArrayList<>();

        @Override
        public RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope,
                RegistrationTerminationRequest request) {
            rtrs.add(request);
            return RegistrationTerminationAnswer.of(CxResult.of(DiameterResultCode.SUCCESS));
        }

        @Override
        public PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request) {
            pprs.add(request);
            return new PushProfileAnswer(CxResult.of(DiameterResultCode.SUCCESS));
        }
    }
}
