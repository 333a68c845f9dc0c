package io.kubeims.api.v1alpha1.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.kubeims.api.v1alpha1.common.SecretReference;

/**
 * How a subscriber authenticates. The key material itself is only in the referenced Secret:
 * AKAv1-MD5 needs keys {@value #KEY_K}, one of {@value #KEY_OP} / {@value #KEY_OPC}, and {@value #KEY_AMF}
 * (hex); SIP-Digest needs {@value #KEY_PASSWORD}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthSpec {

    public static final String KEY_K = "k";
    public static final String KEY_OP = "op";
    public static final String KEY_OPC = "opc";
    public static final String KEY_AMF = "amf";
    public static final String KEY_PASSWORD = "password";

    @Required
    @JsonPropertyDescription("AKAv1-MD5 or SIP-Digest.")
    private AuthScheme scheme;

    @Required
    @JsonPropertyDescription("Secret holding the credentials: k, op or opc, amf (hex) for AKAv1-MD5; password for "
            + "SIP-Digest.")
    private SecretReference secretRef;

    public AuthScheme getScheme() {
        return scheme;
    }

    public void setScheme(AuthScheme scheme) {
        this.scheme = scheme;
    }

    public SecretReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretReference secretRef) {
        this.secretRef = secretRef;
    }
}
