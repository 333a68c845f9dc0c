package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreNames;
import io.kubeims.config.GeneratedKey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A Secret of random values the operator generates once and then keeps (a Creator without Updater: the values
 * change only when someone deletes the Secret); owned by the ImsCore, so it goes with it. The values never appear in
 * a ConfigMap, a status or a log.
 */
public abstract class GeneratedSecretDependent extends KubernetesDependentResource<Secret, ImsCore>
        implements Creator<Secret, ImsCore>, GarbageCollected<ImsCore> {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected GeneratedSecretDependent() {
        super(Secret.class);
    }

    /** The Secret's name. */
    protected abstract String name(CoreNames names);

    /** What the Secret is for (its component label). */
    protected abstract String component();

    /** Its keys and values (as stored: the values base64-encoded). */
    protected abstract Map<String, String> data();

    @Override
    protected Secret desired(ImsCore core, Context<ImsCore> context) {
        CoreNames names = DesiredCore.names(core);
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name(names))
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.coreLabels(names, component()))
                .endMetadata()
                .withType("Opaque")
                .withData(data())
                .build();
    }

    /** A random printable token of {@code bytes} random bytes (URL-safe base64), as a Secret's data value. */
    static String randomToken(int bytes) {
        return stored(randomText(bytes));
    }

    /** A random printable text of {@code bytes} random bytes (URL-safe base64, no padding). */
    static String randomText(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** A text as a Secret's data value (base64). */
    static String stored(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The HSS provisioning API's bearer token (key {@code token}), read by the HSS and by the operator. */
    public static class HssApiToken extends GeneratedSecretDependent {
        @Override
        protected String name(CoreNames names) {
            return names.hssApiTokenSecretName();
        }

        @Override
        protected String component() {
            return "hss-api-token";
        }

        @Override
        protected Map<String, String> data() {
            return Map.of(io.kubeims.config.Placement.Kubernetes.HSS_API_TOKEN_KEY, randomToken(32));
        }
    }

    /**
     * A pool's shared HMAC key ({@link GeneratedKey}, key {@code key}): 32 random bytes as printable base64 text,
     * because the functions drop a trailing CR/LF from the file (raw bytes could lose one).
     */
    abstract static class GeneratedKeySecret extends GeneratedSecretDependent {

        private final GeneratedKey key;

        GeneratedKeySecret(GeneratedKey key) {
            this.key = key;
        }

        @Override
        protected String name(CoreNames names) {
            return key.secretName(names);
        }

        @Override
        protected String component() {
            return key.component();
        }

        @Override
        protected Map<String, String> data() {
            return Map.of(GeneratedKey.SECRET_KEY, randomToken(GeneratedKey.MIN_BYTES));
        }
    }

    /** The P-CSCF's flow-token key (RFC 5626 5.2). */
    public static class PcscfFlowTokenKey extends GeneratedKeySecret {
        public PcscfFlowTokenKey() {
            super(GeneratedKey.PCSCF_FLOW_TOKEN);
        }
    }

    /** The S-CSCF's ODI key (TS 24.229 5.4.3.2). */
    public static class ScscfOdiKey extends GeneratedKeySecret {
        public ScscfOdiKey() {
            super(GeneratedKey.SCSCF_ODI);
        }
    }

    /**
     * Credentials of the Infinispan cluster: keys {@code username} and {@code password} (the functions' Hot Rod
     * login, and the operator's StatefulSet's {@code USER}/{@code PASS}) and {@code identities.yaml}, the same user in
     * the form the Infinispan Operator reads from {@code spec.security.endpointSecretName}.
     */
    public static class InfinispanCredentials extends GeneratedSecretDependent {

        static final String USERNAME = "kube-ims";
        static final String IDENTITIES_KEY = "identities.yaml";

        @Override
        protected String name(CoreNames names) {
            return names.infinispanCredentialsSecretName();
        }

        @Override
        protected String component() {
            return "infinispan";
        }

        @Override
        protected Map<String, String> data() {
            // URL-safe base64 needs no YAML escaping inside double quotes
            String password = randomText(24);
            String identities = "credentials:\n- username: \"" + USERNAME + "\"\n  password: \"" + password
                    + "\"\n";
            return Map.of("username", stored(USERNAME), "password", stored(password), IDENTITIES_KEY,
                    stored(identities));
        }
    }
}
