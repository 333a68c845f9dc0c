package io.kubeims.cscf.app;

import io.kubeims.cscf.pcscf.FlowRecordRoute;
import io.kubeims.cscf.pcscf.FlowToken;
import io.kubeims.cscf.pcscf.PcscfInDialog;
import io.kubeims.cscf.pcscf.PcscfOriginating;
import io.kubeims.cscf.pcscf.PcscfRegisterResponses;
import io.kubeims.cscf.pcscf.PcscfRegistration;
import io.kubeims.cscf.pcscf.PcscfRequestOutcomes;
import io.kubeims.cscf.pcscf.PcscfSessionResponses;
import io.kubeims.cscf.pcscf.PcscfSettings;
import io.kubeims.cscf.pcscf.PcscfTerminating;
import io.kubeims.cscf.pcscf.RegisteredFlows;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cx.node.CxNode;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sip.message.Request;

/**
 * The P-CSCF (TS 24.229 5.2): REGISTER to {@link PcscfRegistration} (Path with a flow token, integrity-protected
 * marking, towards the I-CSCF), its responses through {@link PcscfRegisterResponses} (ck/ik stripped, flows stored),
 * everything else to {@link PcscfRequestRelay} (sessions: originating, terminating, in-dialog); one stateful proxy that answers 504 when the core does not.
 *
 * <p>The flow-token key (RFC 5626 5.2) is read from {@code kubeims.cscf.pcscf.flow-token-key-file} when the role is
 * chosen: the file's bytes without a trailing line break, at least {@value #MIN_KEY_BYTES} bytes, the same file in
 * every replica (a Secret; local mode generates it), so that a flow token minted by one replica verifies at another.
 */
final class PcscfRole implements CscfRole {

    /** Shortest flow-token key file accepted: 256 bits, e.g. 32 random bytes or their base64 text. */
    static final int MIN_KEY_BYTES = 32;
    private static final String KEY = "kubeims.cscf.pcscf.flow-token-key-file";

    private final byte[] flowTokenKey;
    private final UnaryOperator<ResponseRewriter> responseTap;

    /**
     * @param flowTokenKey the key (copied)
     * @param responseTap  wraps the response rewriter (tests look at responses as the P-CSCF receives them);
     *                     {@code UnaryOperator.identity()} in the application
     */
    PcscfRole(byte[] flowTokenKey, UnaryOperator<ResponseRewriter> responseTap) {
        this.flowTokenKey = flowTokenKey.clone();
        this.responseTap = responseTap;
    }

    /**
     * The P-CSCF role with the key read from the configured file.
     *
     * @throws InvalidCscfConfigException naming the key file setting when the file cannot be read or is too short
     */
    static PcscfRole create(CscfSettings settings) {
        Path file = settings.pcscf().orElseThrow().flowTokenKeyFile();
        return new PcscfRole(readKey(file), UnaryOperator.identity());
    }

    /** The key in {@code file}: its bytes without trailing CR/LF (a text file's last line break). */
    static byte[] readKey(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidCscfConfigException(KEY, "'" + file + "' does not exist (in Kubernetes: the mounted"
                    + " Secret; locally: the file local mode generates)");
        } catch (AccessDeniedException e) {
            throw new InvalidCscfConfigException(KEY, "'" + file + "' is not readable by this process");
        } catch (IOException e) {
            throw new InvalidCscfConfigException(KEY, "'" + file + "' cannot be read: " + e.getMessage());
        }
        int length = content.length;
        while (length > 0 && (content[length - 1] == '\n' || content[length - 1] == '\r')) {
            length--;
        }
        byte[] key = Arrays.copyOf(content, length);
        Arrays.fill(content, (byte) 0);
        if (key.length < MIN_KEY_BYTES) {
            throw new InvalidCscfConfigException(KEY, "'" + file + "' holds " + key.length + " bytes; at least "
                    + MIN_KEY_BYTES + " are required (e.g. 32 random bytes, base64-encoded)");
        }
        return key;
    }

    @Override
    public RoleHandlers handlers(SipNode node, Optional<CxNode> cx, RoleResources resources) {
        CscfSettings settings = resources.settings();
        PcscfSettings pcscf = settings.pcscf()
                .orElseThrow(() -> new IllegalStateException("the P-CSCF needs its settings"))
                .handlerSettings(settings.homeDomain(), flowTokenKey);
        Clock clock = Clock.systemUTC();
        var flows = resources.storage().pcscfFlows();
        PcscfRegisterResponses responses = new PcscfRegisterResponses(flows, pcscf, clock, resources.meters());
        FlowToken flowToken = new FlowToken(pcscf.flowTokenKey());
        RegisteredFlows registered = new RegisteredFlows(flows, clock);
        StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults().withTimeoutStatus(504),
                responseTap.apply(new PcscfSessionResponses(responses, flowToken, registered)));
        PcscfRegistration registration = new PcscfRegistration(proxy, flows, pcscf, clock, resources.workers(),
                resources.meters());
        FlowRecordRoute recordRoute = new FlowRecordRoute(flowToken, pcscf.pathUri());
        PcscfRequestOutcomes outcomes = new PcscfRequestOutcomes(resources.meters());
        PcscfRequestRelay relay = new PcscfRequestRelay(
                new PcscfOriginating(proxy, registered, recordRoute,
                        settings.pcscf().orElseThrow().routeEnforcement(), resources.workers(), outcomes),
                new PcscfTerminating(proxy, flowToken, recordRoute, registered, resources.workers(), outcomes),
                new PcscfInDialog(proxy, flowToken, outcomes), outcomes);
        return new RoleHandlers(RequestDispatcher.builder()
                .on(Request.REGISTER, registration)
                .otherwise(relay)
                .build(), proxy);
    }
}
