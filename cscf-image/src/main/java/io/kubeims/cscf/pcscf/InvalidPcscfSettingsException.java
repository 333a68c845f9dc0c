package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.InvalidCscfSettingException;

/** A P-CSCF setting is missing or out of range; the message names the setting and why (never a key's value). */
public class InvalidPcscfSettingsException extends InvalidCscfSettingException {

    private static final long serialVersionUID = 1L;

    public InvalidPcscfSettingsException(String setting, String reason) {
        super(setting, reason);
    }
}
