package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.InvalidCscfSettingException;

/** An S-CSCF registrar setting is missing or out of range; the message names the setting and why it was refused. */
public class InvalidScscfSettingsException extends InvalidCscfSettingException {

    private static final long serialVersionUID = 1L;

    public InvalidScscfSettingsException(String setting, String reason) {
        super(setting, reason);
    }
}
