package io.kubeims.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/**
 * A Kubernetes Secret in the custom resource's own namespace. Key material (K, OP/OPc, passwords, store
 * credentials) is only ever referenced this way, never carried in a spec.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretReference {

    @Required
    @Pattern(ValidationPatterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of a Secret in the same namespace.")
    private String name;

    public SecretReference() {
    }

    public SecretReference(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretReference other && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "SecretReference[" + name + "]";
    }
}
