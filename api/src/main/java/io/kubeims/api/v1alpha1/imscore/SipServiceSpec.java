package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Exposure of the P-CSCF's SIP Service (UDP and TCP on the same port). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.nodePort) || self.type != 'ClusterIP'",
        message = "nodePort can only be set when type is NodePort or LoadBalancer")
public class SipServiceSpec {

    /** Kubernetes Service types the P-CSCF can be exposed with. */
    public enum Type {
        @JsonProperty("ClusterIP") CLUSTER_IP,
        @JsonProperty("NodePort") NODE_PORT,
        @JsonProperty("LoadBalancer") LOAD_BALANCER
    }

    @JsonPropertyDescription("Service type: ClusterIP (default), NodePort or LoadBalancer.")
    private Type type;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("SIP port of the Service, 5060 by default.")
    private Integer port;

    @Min(30000)
    @Max(32767)
    @JsonPropertyDescription("Fixed node port for NodePort/LoadBalancer; chosen by Kubernetes when absent.")
    private Integer nodePort;

    public Type effectiveType() {
        return type == null ? Type.CLUSTER_IP : type;
    }

    public int effectivePort() {
        return port == null ? 5060 : port;
    }

    public Type getType() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Integer getNodePort() {
        return nodePort;
    }

    public void setNodePort(Integer nodePort) {
        this.nodePort = nodePort;
    }
}
