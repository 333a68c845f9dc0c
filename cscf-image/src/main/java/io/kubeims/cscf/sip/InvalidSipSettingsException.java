package io.kubeims.cscf.sip;

/** A {@link SipNodeSettings} field (or a {@link NextHop}) has a value that cannot work; the message names the field. */
public class InvalidSipSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The field that was refused. */
    private final String field;

    public InvalidSipSettingsException(String field, String value, String expected) {
        super(field + " '" + value + "' refused: " + expected);
        this.field = field;
    }

    /** The name of the refused field. */
    public String field() {
        return field;
    }
}
