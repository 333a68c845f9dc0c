package io.kubeims.cscf.scscf.registrar;

/** An S-CSCF registrar setting is missing or out of range; the message names the setting and why it was refused. */
public class InvalidScscfSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidScscfSettingsException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    /** The name of the refused setting. */
    public String setting() {
        return setting;
    }
}
