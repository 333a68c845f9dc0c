package io.kubeims.api.v1alpha1.subscriber;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.kubeims.api.v1alpha1.common.ValidationPatterns;

/** One public user identity (IMPU) of a subscriber, TS 23.003 13.4. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublicIdentitySpec {

    @Required
    @Pattern(ValidationPatterns.PUBLIC_IDENTITY)
    @JsonPropertyDescription("sip: URI or global tel: URI, e.g. sip:alice@ims.example.com or tel:+15551230001.")
    private String identity;

    @JsonPropertyDescription("Barred identity (TS 29.228 BarringIndication): it cannot originate or receive "
            + "sessions, only register within the implicit set.")
    private Boolean barred;

    @JsonPropertyDescription("Display name sent in the P-Asserted-Identity.")
    private String displayName;

    public PublicIdentitySpec() {
    }

    public PublicIdentitySpec(String identity) {
        this.identity = identity;
    }

    @JsonIgnore
    public boolean isBarredIdentity() {
        return Boolean.TRUE.equals(barred);
    }

    public String getIdentity() {
        return identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
    }

    public Boolean getBarred() {
        return barred;
    }

    public void setBarred(Boolean barred) {
        this.barred = barred;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
