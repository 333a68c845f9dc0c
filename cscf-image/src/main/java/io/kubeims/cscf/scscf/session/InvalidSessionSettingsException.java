package io.kubeims.cscf.scscf.session;

/** A setting of the S-CSCF's session routing ({@link SessionSettings}) that cannot be used, named by its field. */
public class InvalidSessionSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the field, e.g. {@code icscfUri}
     * @param reason  what is wrong with it
     */
    public InvalidSessionSettingsException(String setting, String reason) {
        super("S-CSCF session setting " + setting + ": " + reason);
        this.setting = setting;
    }

    /** The field that was refused. */
    public String setting() {
        return setting;
    }
}
