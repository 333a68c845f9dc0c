package io.kubeims.cscf.scscf.regevent;

/** A reg event setting is missing or out of range; the message names the setting and why it was refused. */
public class InvalidRegEventSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidRegEventSettingsException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    /** The name of the refused setting. */
    public String setting() {
        return setting;
    }
}
