package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.scscf.auth.HssRefusalException;
import io.kubeims.cscf.scscf.auth.UnusableHssAnswerException;
import io.kubeims.cx.client.CxNoConnectionException;
import io.kubeims.cx.client.CxSendException;
import io.kubeims.cx.client.CxTimeoutException;
import io.kubeims.cx.codec.CxDecodeException;
import io.kubeims.cx.message.CxResult;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ResultClass;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.sip.message.Response;

/**
 * What a failed MAR or SAR means for the REGISTER, the same way as the I-CSCF decides for a UAR
 * (docs/design-notes.md):
 * <ul>
 * <li>a permanent refusal about the user (USER_UNKNOWN, IDENTITIES_DONT_MATCH, AUTHORIZATION_REJECTED, a scheme
 * the HSS does not support, an AUTS that does not verify, ...): 403 (TS 24.229 5.4.1.2.1: the registration is
 * rejected), no Reason (the UE's problem);</li>
 * <li>no answer (timeout, no connection, DIAMETER_UNABLE_TO_DELIVER): 480 with an RFC 3326 Reason;</li>
 * <li>an overloaded or transiently failing HSS (3xxx, 4xxx): 503 with Retry-After and Reason;</li>
 * <li>an unreadable or unusable answer: 500 "HSS Error" with Reason.</li>
 * </ul>
 */
final class HssFailures {

    private HssFailures() {
    }

    /** Whether {@code failure} (unwrapped) is a failure of a Cx exchange: no answer, a refusal, an unusable answer. */
    static boolean isCxFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof HssRefusalException || cause instanceof UnusableHssAnswerException
                || cause instanceof CxSendException || cause instanceof CxDecodeException
                || cause instanceof TimeoutException;
    }

    /** The reject for a Cx exchange that failed with {@code failure} (wrapped or not). */
    static RegisterReject reject(Throwable failure, int retryAfterSeconds) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HssRefusalException refusal) {
            return refused(refusal, retryAfterSeconds);
        }
        if (cause instanceof CxTimeoutException || cause instanceof TimeoutException) {
            return unavailable("HSS Not Answering", "HSS did not answer in time", cause.getMessage());
        }
        if (cause instanceof CxNoConnectionException) {
            return unavailable("HSS Unreachable", "no connection to the HSS", cause.getMessage());
        }
        if (cause instanceof CxDecodeException || cause instanceof UnusableHssAnswerException) {
            return new RegisterReject(Response.SERVER_INTERNAL_ERROR, "HSS Error", RegisterOutcome.HSS_ERROR,
                    cause.getMessage(), "HSS answer unusable", OptionalInt.empty());
        }
        if (cause instanceof CxSendException) {
            return unavailable("HSS Unreachable", "request could not be sent to the HSS", cause.getMessage());
        }
        return new RegisterReject(Response.SERVER_INTERNAL_ERROR, "HSS Error", RegisterOutcome.HSS_ERROR,
                "Cx request failed: " + cause, "Cx request failed", OptionalInt.empty());
    }

    private static RegisterReject refused(HssRefusalException refusal, int retryAfterSeconds) {
        CxResult result = refusal.result();
        String described = HssRefusalException.describe(result);
        if (result.is(DiameterResultCode.UNABLE_TO_DELIVER)) {
            return unavailable("HSS Unreachable", "no HSS reachable", refusal.getMessage());
        }
        if (result.resultClass() == ResultClass.PROTOCOL_ERROR || result.resultClass() == ResultClass.TRANSIENT_FAILURE) {
            return new RegisterReject(Response.SERVICE_UNAVAILABLE, result.is(DiameterResultCode.TOO_BUSY)
                    ? "HSS Busy" : "HSS Temporarily Failing", RegisterOutcome.HSS_BUSY, refusal.getMessage(),
                    "HSS answered " + described, OptionalInt.of(retryAfterSeconds));
        }
        if (result.resultClass() != ResultClass.PERMANENT_FAILURE) {
            return new RegisterReject(Response.SERVER_INTERNAL_ERROR, "HSS Error", RegisterOutcome.HSS_ERROR,
                    refusal.getMessage(), "HSS answered " + described, OptionalInt.empty());
        }
        return RegisterReject.of(Response.FORBIDDEN, phrase(result), RegisterOutcome.FORBIDDEN, refusal.getMessage());
    }

    private static String phrase(CxResult result) {
        if (result.is(CxExperimentalResultCode.USER_UNKNOWN)) {
            return "User Unknown";
        }
        if (result.is(CxExperimentalResultCode.IDENTITIES_DONT_MATCH)) {
            return "Identities Do Not Match";
        }
        if (result.is(CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED)) {
            return "Authentication Scheme Not Supported";
        }
        if (result.is(CxExperimentalResultCode.IDENTITY_ALREADY_REGISTERED)) {
            return "Registered At Another S-CSCF";
        }
        if (result.is(CxExperimentalResultCode.ROAMING_NOT_ALLOWED)) {
            return "Roaming Not Allowed";
        }
        if (result.is(DiameterResultCode.AUTHORIZATION_REJECTED)) {
            return "Registration Barred";
        }
        if (result.is(DiameterResultCode.INVALID_AVP_VALUE)) {
            // MAR with RAND||AUTS whose MAC-S does not verify at the HSS (TS 33.203 6.3.3)
            return "Synchronisation Failed";
        }
        return "Refused By The HSS";
    }

    private static RegisterReject unavailable(String phrase, String reasonText, String detail) {
        return new RegisterReject(Response.TEMPORARILY_UNAVAILABLE, phrase, RegisterOutcome.HSS_UNAVAILABLE, detail,
                reasonText, OptionalInt.empty());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
