package io.kubeims.protocol.enumdns;

/**
 * Thrown when an ENUM setting is unusable: the DNS server address, the timeout, the retry count
 * or the ENUM suffix (RFC 6116 2.4, default {@code e164.arpa}).
 */
public class InvalidEnumSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The name of the offending setting, e.g. "server" or "suffix". */
    private final String setting;

    public InvalidEnumSettingsException(String setting, String message) {
        super("invalid ENUM " + setting + ": " + message);
        this.setting = setting;
    }

    /** The name of the offending setting. */
    public String setting() {
        return setting;
    }
}
