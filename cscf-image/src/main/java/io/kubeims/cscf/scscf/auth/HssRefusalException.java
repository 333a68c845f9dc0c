package io.kubeims.cscf.scscf.auth;

import io.kubeims.cx.message.CxResult;
import io.kubeims.protocol.cx.CxCommand;

/**
 * The HSS answered a Cx request with a result other than success (TS 29.229 6.2, RFC 6733 7.1): the request was
 * delivered and refused. The message names the command and the result, never credentials.
 */
public class HssRefusalException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CxCommand command;
    private final transient CxResult result;

    /**
     * @param command      the refused request's command (MAR, SAR)
     * @param result       the answer's Result-Code or Experimental-Result
     * @param errorMessage the answer's Error-Message, or null
     */
    public HssRefusalException(CxCommand command, CxResult result, String errorMessage) {
        super(command.requestAbbreviation() + " answered " + describe(result)
                + (errorMessage == null || errorMessage.isBlank() ? "" : ": " + errorMessage));
        this.command = command;
        this.result = result;
    }

    /** The refused command. */
    public CxCommand command() {
        return command;
    }

    /** The result of the answer. */
    public CxResult result() {
        return result;
    }

    /** E.g. {@code DIAMETER_ERROR_USER_UNKNOWN (5001)}, {@code 10415/5099} or {@code 5012}. */
    public static String describe(CxResult result) {
        if (result instanceof CxResult.Experimental experimental) {
            return experimental.known().map(known -> known.specName() + " (" + result.code() + ")")
                    .orElse(experimental.vendorId() + "/" + experimental.code());
        }
        return ((CxResult.Base) result).known().map(known -> known.specName() + " (" + result.code() + ")")
                .orElse(Long.toString(result.code()));
    }
}
