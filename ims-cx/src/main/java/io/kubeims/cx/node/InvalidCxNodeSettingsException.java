package io.kubeims.cx.node;

/** A {@link CxNodeSettings} value jdiameter could not use; the message names the setting. */
public class InvalidCxNodeSettingsException extends IllegalArgumentException {

    public InvalidCxNodeSettingsException(String setting, String problem) {
        super(setting + " " + problem);
    }
}
