package io.kubeims.cscf.icscf;

/** An I-CSCF setting is missing or out of range; the message names the setting and why it was refused. */
public class InvalidIcscfSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidIcscfSettingsException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    /** The name of the refused setting. */
    public String setting() {
        return setting;
    }
}
