package io.kubeims.cscf.icscf;

import io.kubeims.cscf.InvalidCscfSettingException;

/** An I-CSCF setting is missing or out of range; the message names the setting and why it was refused. */
public class InvalidIcscfSettingsException extends InvalidCscfSettingException {

    private static final long serialVersionUID = 1L;

    public InvalidIcscfSettingsException(String setting, String reason) {
        super(setting, reason);
    }
}
