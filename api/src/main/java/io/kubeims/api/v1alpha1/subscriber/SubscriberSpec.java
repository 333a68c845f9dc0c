package io.kubeims.api.v1alpha1.subscriber;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeims.api.v1alpha1.common.ValidationPatterns;

import java.util.ArrayList;
import java.util.List;

/**
 * One IMS subscription: a private identity (IMPI), its public identities (IMPUs, one implicit registration set),
 * credentials by Secret reference and an optional iFC profile.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubscriberSpec {

    @Required
    @Pattern(ValidationPatterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the ImsCore (same namespace) whose HSS holds this subscriber.")
    private String imsCore;

    @Required
    @Pattern(ValidationPatterns.PRIVATE_IDENTITY)
    @JsonPropertyDescription("Private user identity (IMPI), a NAI such as alice@ims.example.com.")
    private String privateIdentity;

    @Required
    @Size(min = 1, max = 32)
    @ValidationRule(value = "self.all(x, self.exists_one(y, y.identity == x.identity))",
            message = "public identities must be unique")
    @JsonPropertyDescription("Public user identities (IMPUs), registered together as one implicit set; the first "
            + "is the default identity.")
    private List<PublicIdentitySpec> publicIdentities = new ArrayList<>();

    @Required
    @JsonPropertyDescription("Authentication scheme and the Secret with the credentials.")
    private AuthSpec auth;

    @Pattern(ValidationPatterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the IfcProfile (same namespace) with this subscriber's iFCs.")
    private String ifcProfile;

    @JsonPropertyDescription("Bar the whole subscription: no registration, no sessions.")
    private Boolean barred;

    @JsonIgnore
    public boolean isBarredSubscription() {
        return Boolean.TRUE.equals(barred);
    }

    public String getImsCore() {
        return imsCore;
    }

    public void setImsCore(String imsCore) {
        this.imsCore = imsCore;
    }

    public String getPrivateIdentity() {
        return privateIdentity;
    }

    public void setPrivateIdentity(String privateIdentity) {
        this.privateIdentity = privateIdentity;
    }

    public List<PublicIdentitySpec> getPublicIdentities() {
        return publicIdentities;
    }

    public void setPublicIdentities(List<PublicIdentitySpec> publicIdentities) {
        this.publicIdentities = publicIdentities == null ? new ArrayList<>() : publicIdentities;
    }

    public AuthSpec getAuth() {
        return auth;
    }

    public void setAuth(AuthSpec auth) {
        this.auth = auth;
    }

    public String getIfcProfile() {
        return ifcProfile;
    }

    public void setIfcProfile(String ifcProfile) {
        this.ifcProfile = ifcProfile;
    }

    public Boolean getBarred() {
        return barred;
    }

    public void setBarred(Boolean barred) {
        this.barred = barred;
    }
}
