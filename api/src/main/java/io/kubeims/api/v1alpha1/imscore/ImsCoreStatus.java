package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeims.api.v1alpha1.common.ConditionedStatus;

/** Observed state of an {@link ImsCore}: conditions Ready / Progressing / Degraded and what is running. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImsCoreStatus extends ConditionedStatus {

    @JsonPropertyDescription("Ready pods per function.")
    private FunctionReplicas readyReplicas;

    @JsonPropertyDescription("Address UEs use to reach the P-CSCF (host:port).")
    private String pcscfAddress;

    public FunctionReplicas getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(FunctionReplicas readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getPcscfAddress() {
        return pcscfAddress;
    }

    public void setPcscfAddress(String pcscfAddress) {
        this.pcscfAddress = pcscfAddress;
    }
}
