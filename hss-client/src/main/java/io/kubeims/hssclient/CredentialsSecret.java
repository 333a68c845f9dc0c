package io.kubeims.hssclient;

import io.fabric8.kubernetes.api.model.Secret;
import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.api.v1alpha1.subscriber.AuthSpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a Subscriber's credentials from its Kubernetes Secret: keys {@value AuthSpec#KEY_K}, {@value
 * AuthSpec#KEY_OP} or {@value AuthSpec#KEY_OPC}, {@value AuthSpec#KEY_AMF} for AKAv1-MD5, {@value
 * AuthSpec#KEY_PASSWORD} for SIP-Digest. Values come from {@code data} (base64) and {@code stringData}, the latter
 * winning as the API server merges them on write. Keys the scheme does not use are ignored.
 */
public final class CredentialsSecret {

    private CredentialsSecret() {
    }

    /**
     * @param scheme the Subscriber's auth scheme
     * @param secret the referenced Secret
     * @throws InvalidCredentialsSecretException naming the Secret and key when a key is missing, not base64, or its
     *                                           value is unusable for the scheme
     */
    public static HssCredentials read(AuthScheme scheme, Secret secret) {
        Objects.requireNonNull(scheme, "scheme");
        String name = secret.getMetadata() == null ? "<unnamed>" : secret.getMetadata().getName();
        try {
            Map<String, String> values = values(secret);
            return switch (scheme) {
                case AKAV1_MD5 -> new AkaCredentials(values.get(AuthSpec.KEY_K), values.get(AuthSpec.KEY_OP),
                        values.get(AuthSpec.KEY_OPC), values.get(AuthSpec.KEY_AMF));
                case SIP_DIGEST -> new DigestCredentials(values.get(AuthSpec.KEY_PASSWORD));
            };
        } catch (InvalidCredentialsException e) {
            throw new InvalidCredentialsSecretException(name, e);
        }
    }

    private static Map<String, String> values(Secret secret) {
        Map<String, String> values = new HashMap<>();
        if (secret.getData() != null) {
            for (Map.Entry<String, String> entry : secret.getData().entrySet()) {
                if (entry.getValue() != null) {
                    values.put(entry.getKey(), decode(entry.getKey(), entry.getValue()));
                }
            }
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((key, value) -> {
                if (value != null) {
                    values.put(key, value);
                }
            });
        }
        return values;
    }

    private static String decode(String key, String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCredentialsException(key, "is not valid base64 in the Secret's data");
        }
    }
}
