package io.kubeims.cscf.scscf.regevent;

import io.kubeims.cscf.InvalidCscfSettingException;

/** A reg event setting is missing or out of range; the message names the setting and why it was refused. */
public class InvalidRegEventSettingsException extends InvalidCscfSettingException {

    private static final long serialVersionUID = 1L;

    public InvalidRegEventSettingsException(String setting, String reason) {
        super(setting, reason);
    }
}
