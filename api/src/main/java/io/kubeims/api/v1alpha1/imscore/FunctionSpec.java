package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** Deployment settings shared by every network function of an {@link ImsCore}: HSS, I-CSCF, S-CSCF, P-CSCF. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionSpec {

    public static final int MAX_REPLICAS = 64;

    @Min(1)
    @Max(MAX_REPLICAS)
    @JsonPropertyDescription("Number of pods. More than one needs a shared registration store (infinispan or external).")
    private Integer replicas;

    @JsonPropertyDescription("Container image; defaults to the image of the operator's release.")
    private String image;

    @JsonPropertyDescription("CPU and memory requests and limits of the function's container.")
    private ResourceRequirements resources;

    /** Replicas asked for, 1 when the spec leaves it out. */
    public int effectiveReplicas() {
        return replicas == null ? 1 : replicas;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }
}
