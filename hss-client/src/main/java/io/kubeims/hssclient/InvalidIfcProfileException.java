package io.kubeims.hssclient;

/**
 * An IfcProfile cannot be provisioned: its iFCs are not valid TS 29.228 iFCs (a regex that does not compile, a
 * priority used twice, an SPT without exactly one condition...). The message names the profile and the spec path.
 */
public class InvalidIfcProfileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String profileName;

    InvalidIfcProfileException(String profileName, RuntimeException cause) {
        super("IfcProfile " + profileName + ": " + cause.getMessage(), cause);
        this.profileName = profileName;
    }

    /** The profile at fault. */
    public String profileName() {
        return profileName;
    }
}
