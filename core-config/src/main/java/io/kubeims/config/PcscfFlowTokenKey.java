package io.kubeims.config;

import java.nio.file.Path;

/**
 * Where the P-CSCF reads its flow-token key (RFC 5626 5.2: the HMAC key of the flow tokens in its Path entries), the
 * same key in every replica: in Kubernetes the key {@value #SECRET_KEY} of the Secret
 * {@code CoreNames.pcscfFlowTokenSecretName()} mounted at {@value #KUBERNETES_MOUNT}, which the operator generates;
 * locally {@code <data>/secrets/}{@value #LOCAL_FILE_NAME}, which local mode generates. Either way: at least
 * {@value #MIN_BYTES} bytes (e.g. 32 random bytes base64-encoded); a trailing line break is not part of the key.
 */
public final class PcscfFlowTokenKey {

    /** Where the Secret is mounted in a P-CSCF pod. */
    public static final String KUBERNETES_MOUNT = "/var/run/secrets/kube-ims/pcscf-flow-token";
    /** The key of the value in its Secret, also the file name in the mount. */
    public static final String SECRET_KEY = "key";
    /** The file local mode generates in {@code <data>/secrets}, next to the HSS API token. */
    public static final String LOCAL_FILE_NAME = "pcscf-flow-token-key";
    /** The shortest key the P-CSCF accepts. */
    public static final int MIN_BYTES = 32;

    private PcscfFlowTokenKey() {
    }

    /** The file's absolute path in {@code placement}. */
    public static String file(Placement placement) {
        if (placement instanceof Placement.Local local) {
            return Path.of(local.dataDirectory()).resolve("secrets").resolve(LOCAL_FILE_NAME).toString();
        }
        return KUBERNETES_MOUNT + "/" + SECRET_KEY;
    }
}
