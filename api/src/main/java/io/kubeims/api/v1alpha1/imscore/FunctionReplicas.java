package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Ready pods per network function, as observed on their Deployments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionReplicas {

    private Integer pcscf;
    private Integer icscf;
    private Integer scscf;
    private Integer hss;

    public Integer getPcscf() {
        return pcscf;
    }

    public void setPcscf(Integer pcscf) {
        this.pcscf = pcscf;
    }

    public Integer getIcscf() {
        return icscf;
    }

    public void setIcscf(Integer icscf) {
        this.icscf = icscf;
    }

    public Integer getScscf() {
        return scscf;
    }

    public void setScscf(Integer scscf) {
        this.scscf = scscf;
    }

    public Integer getHss() {
        return hss;
    }

    public void setHss(Integer hss) {
        this.hss = hss;
    }
}
