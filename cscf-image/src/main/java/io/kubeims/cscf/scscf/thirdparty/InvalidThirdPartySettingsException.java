package io.kubeims.cscf.scscf.thirdparty;

/** A third-party registration setting is missing or out of range; the message names the setting and why. */
public class InvalidThirdPartySettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidThirdPartySettingsException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    /** The name of the refused setting. */
    public String setting() {
        return setting;
    }
}
