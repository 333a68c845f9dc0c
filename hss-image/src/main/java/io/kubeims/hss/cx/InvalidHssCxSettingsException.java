package io.kubeims.hss.cx;

/** A setting of the HSS's Cx procedures or of the HSS core is missing or out of range; names the setting. */
public final class InvalidHssCxSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param setting the setting's name
     * @param problem what is wrong with it
     */
    public InvalidHssCxSettingsException(String setting, String problem) {
        super(setting + ": " + problem);
    }
}
