package io.kubeims.cscf.scscf.auth;

import io.kubeims.protocol.cx.CxCommand;

/**
 * The HSS answered with success but the answer lacks what the S-CSCF needs (no vector, a vector of the wrong
 * scheme or length, unreadable User-Data): an HSS fault. The message says what is missing, never a secret.
 */
public class UnusableHssAnswerException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnusableHssAnswerException(CxCommand command, String problem) {
        super(command.answerAbbreviation() + " unusable: " + problem);
    }

    public UnusableHssAnswerException(CxCommand command, String problem, Throwable cause) {
        super(command.answerAbbreviation() + " unusable: " + problem, cause);
    }
}
