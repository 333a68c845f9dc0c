package io.kubeims.cscf.pcscf;

/** A P-CSCF setting is missing or out of range; the message names the setting and why (never a key's value). */
public class InvalidPcscfSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidPcscfSettingsException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    /** The name of the refused setting. */
    public String setting() {
        return setting;
    }
}
