package io.kubeims.cscf.scscf.thirdparty;

import io.kubeims.cscf.InvalidCscfSettingException;

/** A third-party registration setting is missing or out of range; the message names the setting and why. */
public class InvalidThirdPartySettingsException extends InvalidCscfSettingException {

    private static final long serialVersionUID = 1L;

    public InvalidThirdPartySettingsException(String setting, String reason) {
        super(setting, reason);
    }
}
