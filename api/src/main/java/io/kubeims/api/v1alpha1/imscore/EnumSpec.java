package io.kubeims.api.v1alpha1.imscore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.kubeims.api.v1alpha1.common.ValidationPatterns;

/** ENUM (RFC 6116) used by the S-CSCF to turn tel: and E.164 targets into SIP URIs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnumSpec {

    public static final String DEFAULT_SUFFIX = "e164.arpa";

    @Required
    @Pattern(ValidationPatterns.HOST_PORT)
    @JsonPropertyDescription("DNS server to ask NAPTR questions, host or host:port (port 53 by default).")
    private String server;

    @Pattern(ValidationPatterns.DNS_DOMAIN)
    @JsonPropertyDescription("ENUM suffix appended to the reversed digits, e164.arpa by default.")
    private String suffix;

    public String effectiveSuffix() {
        return suffix == null ? DEFAULT_SUFFIX : suffix;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getSuffix() {
        return suffix;
    }

    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }
}
