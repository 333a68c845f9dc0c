package io.kubeims.api.v1alpha1.ifcprofile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;

/**
 * One Service Point Trigger (TS 29.228 B.2.2 SPT): exactly one of method, requestUri, sipHeader, sessionCase,
 * sessionDescription; registrationTypes narrows a {@code method: REGISTER} SPT.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "[has(self.method), has(self.requestUri), has(self.sipHeader), has(self.sessionCase), "
        + "has(self.sessionDescription)].filter(x, x).size() == 1",
        message = "an SPT has exactly one of method, requestUri, sipHeader, sessionCase, sessionDescription")
@ValidationRule(value = "!has(self.registrationTypes) || (has(self.method) && self.method == 'REGISTER')",
        message = "registrationTypes only applies to an SPT with method REGISTER")
public class SptSpec {

    /** TS 29.228 B.2.2 SessionCase values 0..4. */
    public enum SessionCase {
        @JsonProperty("Originating") ORIGINATING,
        @JsonProperty("TerminatingRegistered") TERMINATING_REGISTERED,
        @JsonProperty("TerminatingUnregistered") TERMINATING_UNREGISTERED,
        @JsonProperty("OriginatingUnregistered") ORIGINATING_UNREGISTERED,
        @JsonProperty("OriginatingCdiv") ORIGINATING_CDIV
    }

    /** TS 29.228 B.2.2 RegistrationType values 0..2. */
    public enum RegistrationType {
        @JsonProperty("Initial") INITIAL,
        @JsonProperty("ReRegistration") RE_REGISTRATION,
        @JsonProperty("DeRegistration") DE_REGISTRATION
    }

    @Size(min = 1, max = 16)
    @JsonPropertyDescription("Groups this SPT belongs to (TS 29.228 Group); [0] when absent.")
    private List<Integer> groups;

    @JsonPropertyDescription("Invert this SPT (ConditionNegated).")
    private Boolean negated;

    @Pattern("^[A-Za-z0-9.!%*_+`'~-]+$")
    @JsonPropertyDescription("SIP method, e.g. INVITE, MESSAGE, REGISTER (case-sensitive, RFC 3261 token).")
    private String method;

    @JsonPropertyDescription("POSIX extended regular expression matched against the Request-URI.")
    private String requestUri;

    @JsonPropertyDescription("A SIP header that must be present, optionally with content matching a regex.")
    private SipHeaderTrigger sipHeader;

    @JsonPropertyDescription("Originating, TerminatingRegistered, TerminatingUnregistered, OriginatingUnregistered "
            + "or OriginatingCdiv.")
    private SessionCase sessionCase;

    @JsonPropertyDescription("An SDP line type (e.g. m) with optional content regex.")
    private SessionDescriptionTrigger sessionDescription;

    @Size(min = 1, max = 2)
    @JsonPropertyDescription("For method REGISTER: which registrations match (Initial, ReRegistration, "
            + "DeRegistration); all when absent. At most two (TS 29.228 Annex E).")
    private List<RegistrationType> registrationTypes;

    public List<Integer> getGroups() {
        return groups;
    }

    public void setGroups(List<Integer> groups) {
        this.groups = groups;
    }

    public Boolean getNegated() {
        return negated;
    }

    public void setNegated(Boolean negated) {
        this.negated = negated;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getRequestUri() {
        return requestUri;
    }

    public void setRequestUri(String requestUri) {
        this.requestUri = requestUri;
    }

    public SipHeaderTrigger getSipHeader() {
        return sipHeader;
    }

    public void setSipHeader(SipHeaderTrigger sipHeader) {
        this.sipHeader = sipHeader;
    }

    public SessionCase getSessionCase() {
        return sessionCase;
    }

    public void setSessionCase(SessionCase sessionCase) {
        this.sessionCase = sessionCase;
    }

    public SessionDescriptionTrigger getSessionDescription() {
        return sessionDescription;
    }

    public void setSessionDescription(SessionDescriptionTrigger sessionDescription) {
        this.sessionDescription = sessionDescription;
    }

    public List<RegistrationType> getRegistrationTypes() {
        return registrationTypes;
    }

    public void setRegistrationTypes(List<RegistrationType> registrationTypes) {
        this.registrationTypes = registrationTypes;
    }

    /** SIPHeader SPT: presence of a header, or a header whose content matches a regex. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SipHeaderTrigger {

        @Required
        @Pattern("^[A-Za-z0-9!%*_+`'~.-]+$")
        @JsonPropertyDescription("Header name, e.g. P-Some-Header.")
        private String header;

        @JsonPropertyDescription("POSIX extended regular expression on the header value; presence only when absent.")
        private String content;

        public String getHeader() {
            return header;
        }

        public void setHeader(String header) {
            this.header = header;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }
    }

    /** SessionDescription SPT: an SDP line type and an optional regex on its content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SessionDescriptionTrigger {

        @Required
        @Pattern("^[a-z]$")
        @JsonPropertyDescription("SDP line type, a single letter such as m, c, a, b.")
        private String line;

        @JsonPropertyDescription("POSIX extended regular expression on the line's value.")
        private String content;

        public String getLine() {
            return line;
        }

        public void setLine(String line) {
            this.line = line;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }
    }
}
