package io.kubeims.api.v1alpha1.ifcprofile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.kubeims.api.v1alpha1.common.ValidationPatterns;

/** The application server of an iFC (TS 29.228 B.2.3). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationServerSpec {

    /** What the S-CSCF does when the AS cannot be reached (TS 29.228 B.2.3 DefaultHandling). */
    public enum DefaultHandling {
        @JsonProperty("SessionContinued") SESSION_CONTINUED,
        @JsonProperty("SessionTerminated") SESSION_TERMINATED
    }

    @Required
    @Pattern(ValidationPatterns.SIP_URI)
    @JsonPropertyDescription("SIP URI of the application server, e.g. sip:smsc.ims.example.com.")
    private String serverName;

    @JsonPropertyDescription("SessionContinued (default) or SessionTerminated when the AS does not answer.")
    private DefaultHandling defaultHandling;

    @Size(max = 1024)
    @JsonPropertyDescription("Opaque service data passed to the AS in third-party REGISTER bodies.")
    private String serviceInfo;

    @JsonPropertyDescription("Include the UE's REGISTER in the third-party REGISTER body (TS 29.228 extension).")
    private Boolean includeRegisterRequest;

    @JsonPropertyDescription("Include the S-CSCF's 200 OK in the third-party REGISTER body (TS 29.228 extension).")
    private Boolean includeRegisterResponse;

    public DefaultHandling effectiveDefaultHandling() {
        return defaultHandling == null ? DefaultHandling.SESSION_CONTINUED : defaultHandling;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public DefaultHandling getDefaultHandling() {
        return defaultHandling;
    }

    public void setDefaultHandling(DefaultHandling defaultHandling) {
        this.defaultHandling = defaultHandling;
    }

    public String getServiceInfo() {
        return serviceInfo;
    }

    public void setServiceInfo(String serviceInfo) {
        this.serviceInfo = serviceInfo;
    }

    public Boolean getIncludeRegisterRequest() {
        return includeRegisterRequest;
    }

    public void setIncludeRegisterRequest(Boolean includeRegisterRequest) {
        this.includeRegisterRequest = includeRegisterRequest;
    }

    public Boolean getIncludeRegisterResponse() {
        return includeRegisterResponse;
    }

    public void setIncludeRegisterResponse(Boolean includeRegisterResponse) {
        this.includeRegisterResponse = includeRegisterResponse;
    }
}
