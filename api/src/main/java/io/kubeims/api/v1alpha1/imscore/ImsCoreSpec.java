package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.kubeims.api.v1alpha1.common.ValidationPatterns;

/** Desired state of one IMS core: its home domain and the four network functions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImsCoreSpec {

    @Required
    @Pattern(ValidationPatterns.HOME_DOMAIN)
    @JsonPropertyDescription("Home network domain, also the Diameter realm, e.g. ims.example.com.")
    private String domain;

    @JsonPropertyDescription("P-CSCF: first hop of the UEs.")
    private PcscfSpec pcscf;

    @JsonPropertyDescription("I-CSCF: entry point of the home network, S-CSCF selection.")
    private FunctionSpec icscf;

    @JsonPropertyDescription("S-CSCF: registrar, authentication, iFC and routing.")
    private FunctionSpec scscf;

    @JsonPropertyDescription("HSS: Diameter Cx server and provisioning API.")
    private FunctionSpec hss;

    @JsonPropertyDescription("Where registrations and other state that outlives a pod are kept.")
    private RegistrationStoreSpec registrationStore;

    @JsonProperty("enum")
    @JsonPropertyDescription("ENUM server for tel: and E.164 targets; without it such targets go to breakout.")
    private EnumSpec enumLookup;

    @JsonPropertyDescription("Breakout gateway for numbers outside the IMS; without it they get 404/604.")
    private BreakoutSpec breakout;

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public PcscfSpec getPcscf() {
        return pcscf;
    }

    public void setPcscf(PcscfSpec pcscf) {
        this.pcscf = pcscf;
    }

    public FunctionSpec getIcscf() {
        return icscf;
    }

    public void setIcscf(FunctionSpec icscf) {
        this.icscf = icscf;
    }

    public FunctionSpec getScscf() {
        return scscf;
    }

    public void setScscf(FunctionSpec scscf) {
        this.scscf = scscf;
    }

    public FunctionSpec getHss() {
        return hss;
    }

    public void setHss(FunctionSpec hss) {
        this.hss = hss;
    }

    public RegistrationStoreSpec getRegistrationStore() {
        return registrationStore;
    }

    public void setRegistrationStore(RegistrationStoreSpec registrationStore) {
        this.registrationStore = registrationStore;
    }

    public EnumSpec getEnumLookup() {
        return enumLookup;
    }

    public void setEnumLookup(EnumSpec enumLookup) {
        this.enumLookup = enumLookup;
    }

    public BreakoutSpec getBreakout() {
        return breakout;
    }

    public void setBreakout(BreakoutSpec breakout) {
        this.breakout = breakout;
    }
}
