package io.kubeims.config;

import java.nio.file.Path;

/**
 * An HMAC key a CSCF pool shares between its replicas, so that any replica accepts what another minted: generated
 * (32 random bytes, base64 text) by the operator as a Secret mounted at {@link #kubernetesMount()}, or by local mode
 * as {@code <data>/secrets/<localFileName>}. The function reads it from the file named by {@link #configKey()};
 * at least {@value #MIN_BYTES} bytes, a trailing line break not part of the key.
 */
public enum GeneratedKey {

    /** The P-CSCF's flow tokens in its Path and Record-Route entries (RFC 5626 5.2). */
    PCSCF_FLOW_TOKEN(NetworkFunction.PCSCF, CscfKeys.PCSCF_FLOW_TOKEN_KEY_FILE, "pcscf-flow-token",
            "pcscf-flow-token-key"),
    /** The S-CSCF's original-dialog identifiers in the Route towards an AS (TS 24.229 5.4.3.2 step 4). */
    SCSCF_ODI(NetworkFunction.SCSCF, CscfKeys.SCSCF_ODI_KEY_FILE, "scscf-odi", "scscf-odi-key");

    /** The key of the value in its Secret, also the file name in the mount. */
    public static final String SECRET_KEY = "key";
    /** The shortest key a function accepts. */
    public static final int MIN_BYTES = 32;

    private final NetworkFunction function;
    private final String configKey;
    private final String component;
    private final String localFileName;

    GeneratedKey(NetworkFunction function, String configKey, String component, String localFileName) {
        this.function = function;
        this.configKey = configKey;
        this.component = component;
        this.localFileName = localFileName;
    }

    /** The function that reads the key. */
    public NetworkFunction function() {
        return function;
    }

    /** The function's property naming the key file. */
    public String configKey() {
        return configKey;
    }

    /** The Secret's name suffix and its {@code app.kubernetes.io/component} label, e.g. {@code scscf-odi}. */
    public String component() {
        return component;
    }

    /** The Secret holding the key for the core {@code names} describes. */
    public String secretName(CoreNames names) {
        return names.coreName() + "-" + component;
    }

    /** Where the Secret is mounted in the function's pods. */
    public String kubernetesMount() {
        return "/var/run/secrets/kube-ims/" + component;
    }

    /** The file's absolute path in {@code placement}. */
    public String file(Placement placement) {
        if (placement instanceof Placement.Local local) {
            return Path.of(local.dataDirectory()).resolve("secrets").resolve(localFileName).toString();
        }
        return kubernetesMount() + "/" + SECRET_KEY;
    }

    /** The key as a {@link SecretFile} of its function. */
    public SecretFile secretFile(Placement placement, CoreNames names) {
        return new SecretFile(file(placement), secretName(names), SECRET_KEY);
    }
}
