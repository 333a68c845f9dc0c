package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.kubeims.api.v1alpha1.common.ValidationPatterns;

/** Breakout (BGCF role): where requests for numbers with no ENUM answer go, e.g. a PSTN gateway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BreakoutSpec {

    @Required
    @Pattern(ValidationPatterns.SIP_URI)
    @JsonPropertyDescription("SIP URI of the breakout gateway, e.g. sip:mgcf.ims.example.com;lr.")
    private String gatewayUri;

    public String getGatewayUri() {
        return gatewayUri;
    }

    public void setGatewayUri(String gatewayUri) {
        this.gatewayUri = gatewayUri;
    }
}
