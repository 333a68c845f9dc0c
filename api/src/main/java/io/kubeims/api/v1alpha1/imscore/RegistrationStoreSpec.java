package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeims.api.v1alpha1.common.SecretReference;

/**
 * Where the state that must outlive a pod lives (registrations, auth challenges, P-CSCF flows, HSS dynamic data):
 * embedded Infinispan (a lab: one replica per function), an Infinispan Server cluster the operator deploys, or an
 * existing one reached over Hot Rod.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.type != 'external' || has(self.external)",
        message = "registrationStore.external is required when type is external")
public class RegistrationStoreSpec {

    /** Kinds of registration store. */
    public enum Type {
        @JsonProperty("embedded") EMBEDDED,
        @JsonProperty("infinispan") INFINISPAN,
        @JsonProperty("external") EXTERNAL
    }

    @JsonPropertyDescription("embedded (default), infinispan (deployed by the operator) or external (Hot Rod).")
    private Type type;

    @Min(1)
    @Max(16)
    @JsonPropertyDescription("Infinispan Server replicas when type is infinispan (default 3).")
    private Integer infinispanReplicas;

    @JsonPropertyDescription("The external Infinispan Server when type is external.")
    private External external;

    public Type effectiveType() {
        return type == null ? Type.EMBEDDED : type;
    }

    public Type getType() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    public Integer getInfinispanReplicas() {
        return infinispanReplicas;
    }

    public void setInfinispanReplicas(Integer infinispanReplicas) {
        this.infinispanReplicas = infinispanReplicas;
    }

    public External getExternal() {
        return external;
    }

    public void setExternal(External external) {
        this.external = external;
    }

    /** An existing Infinispan Server cluster. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class External {

        @io.fabric8.generator.annotation.Required
        @Pattern("^hotrods?://[^\\s]+$")
        @JsonPropertyDescription("Hot Rod URI without credentials, e.g. hotrod://infinispan.ims.svc:11222.")
        private String uri;

        @JsonPropertyDescription("Secret with keys 'username' and 'password' for the Hot Rod connection.")
        private SecretReference credentialsSecret;

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public SecretReference getCredentialsSecret() {
            return credentialsSecret;
        }

        public void setCredentialsSecret(SecretReference credentialsSecret) {
            this.credentialsSecret = credentialsSecret;
        }
    }
}
