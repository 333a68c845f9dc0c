package io.kubeims.cscf;

/**
 * A CSCF setting is missing or out of range: the common shape of the roles' settings exceptions, so that
 * configuration code can refuse any of them alike. The message is {@code <setting>: <why>}, never a key's value.
 */
public abstract class InvalidCscfSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the name of the refused setting
     * @param reason  why it was refused (naming the expected range, never a secret value)
     */
    protected InvalidCscfSettingException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    /** The name of the refused setting. */
    public String setting() {
        return setting;
    }
}
