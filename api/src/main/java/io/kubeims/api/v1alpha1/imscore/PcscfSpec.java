package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The P-CSCF: the only function that takes SIP from outside the cluster (the Gm reference point). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PcscfSpec extends FunctionSpec {

    @JsonPropertyDescription("How the P-CSCF's SIP port (UDP and TCP 5060) is exposed to UEs.")
    private SipServiceSpec sipService;

    public SipServiceSpec getSipService() {
        return sipService;
    }

    public void setSipService(SipServiceSpec sipService) {
        this.sipService = sipService;
    }
}
