package io.kubeims.cscf.icscf;

import io.kubeims.cscf.icscf.RegistrationDecision.Fault;
import io.kubeims.cscf.icscf.RegistrationDecision.Forward;
import io.kubeims.cscf.icscf.RegistrationDecision.Reject;
import io.kubeims.cx.client.CxNoConnectionException;
import io.kubeims.cx.client.CxSendException;
import io.kubeims.cx.client.CxTimeoutException;
import io.kubeims.cx.codec.CxDecodeException;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ResultClass;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.sip.message.Response;

/**
 * Turns the outcome of a UAR into what happens to the REGISTER (TS 24.229 5.3.1.2 and 5.3.1.3, TS 29.228 6.1.1):
 * <ul>
 * <li>a Server-Name in a successful UAA (DIAMETER_SUBSEQUENT_REGISTRATION, or DIAMETER_SUCCESS for a
 * de-registration): forward to that S-CSCF;</li>
 * <li>DIAMETER_FIRST_REGISTRATION (or success with capabilities only): select from the pool by
 * Server-Capabilities; none qualifies: 600 Busy Everywhere (TS 24.229 5.3.1.3);</li>
 * <li>a refusal about the user (USER_UNKNOWN, IDENTITIES_DONT_MATCH, ROAMING_NOT_ALLOWED, AUTHORIZATION_REJECTED,
 * IDENTITY_NOT_REGISTERED): 403 Forbidden, "a negative response to the user registration status query" (TS 24.229
 * 5.3.1.3);</li>
 * <li>no answer (timeout, no connection, DIAMETER_UNABLE_TO_DELIVER): the query "cannot be completed": 480
 * Temporarily Unavailable (TS 24.229 5.3.1.3), with a Reason header saying what failed;</li>
 * <li>an overloaded HSS (DIAMETER_TOO_BUSY, other 3xxx/4xxx): 503 with Retry-After (RFC 3261 21.5.4; RFC 6733
 * 7.1.3/7.1.4 call them transient); any other error (DIAMETER_UNABLE_TO_COMPLY, a malformed or unexpected
 * answer): 500 (RFC 6733 7.1.5 permanent: retrying the same request will not help).</li>
 * </ul>
 * Thread-safe (the selector is).
 */
public final class RegistrationRouting {

    private final ScscfSelector selector;
    private final int retryAfterSeconds;

    public RegistrationRouting(ScscfSelector selector, IcscfSettings settings) {
        this.selector = selector;
        this.retryAfterSeconds = (int) settings.retryAfter().toSeconds();
    }

    /** The decision for an answered UAR. */
    public RegistrationDecision decide(RegistrationQuery query, UserAuthorizationAnswer answer) {
        CxResult result = answer.result();
        if (result.isSuccess()) {
            return success(query, answer);
        }
        if (result.is(CxExperimentalResultCode.USER_UNKNOWN)) {
            return refused("User Unknown", query, result);
        }
        if (result.is(CxExperimentalResultCode.IDENTITIES_DONT_MATCH)) {
            return refused("Identities Do Not Match", query, result);
        }
        if (result.is(CxExperimentalResultCode.ROAMING_NOT_ALLOWED)) {
            return refused("Roaming Not Allowed", query, result);
        }
        if (result.is(DiameterResultCode.AUTHORIZATION_REJECTED)) {
            return refused("Registration Barred", query, result);
        }
        if (result.is(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED)) {
            // TS 29.228 6.1.1.1: a DE_REGISTRATION for a user no S-CSCF serves. There is no S-CSCF to forward to and
            // TS 24.229 5.3.1.3 makes every negative UAA a 403: the UE learns it is not registered.
            return refused("Not Registered", query, result);
        }
        if (result.is(DiameterResultCode.UNABLE_TO_DELIVER)) {
            return unavailable("HSS Unreachable", "no HSS reachable for the registration status query",
                    query + ": UAR answered " + describe(result) + " by a Diameter agent");
        }
        ResultClass resultClass = result.resultClass();
        if (resultClass == ResultClass.PROTOCOL_ERROR || resultClass == ResultClass.TRANSIENT_FAILURE) {
            String what = result.is(DiameterResultCode.TOO_BUSY) ? "HSS Busy" : "HSS Temporarily Failing";
            return new Reject(Response.SERVICE_UNAVAILABLE, what, Fault.INFRASTRUCTURE,
                    query + ": UAR answered " + describe(result) + errorMessage(answer),
                    "HSS answered " + describe(result), OptionalInt.of(retryAfterSeconds));
        }
        return hssError(query, "UAR answered " + describe(result) + errorMessage(answer),
                "HSS answered " + describe(result));
    }

    /**
     * The decision when the UAR got no usable answer: the future's failure as the Cx client reports it (wrapped in
     * a CompletionException or not).
     */
    public RegistrationDecision failed(RegistrationQuery query, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CxTimeoutException || cause instanceof TimeoutException) {
            return unavailable("HSS Not Answering", "HSS did not answer the registration status query in time",
                    query + ": " + cause.getMessage());
        }
        if (cause instanceof CxNoConnectionException) {
            return unavailable("HSS Unreachable", "no connection to the HSS for the registration status query",
                    query + ": " + cause.getMessage());
        }
        if (cause instanceof CxDecodeException) {
            return hssError(query, "UAA unreadable: " + cause.getMessage(), "HSS answer unreadable");
        }
        if (cause instanceof CxSendException) {
            return unavailable("HSS Unreachable", "registration status query could not be sent to the HSS",
                    query + ": " + cause.getMessage());
        }
        return hssError(query, "UAR failed: " + cause, "registration status query failed");
    }

    private RegistrationDecision success(RegistrationQuery query, UserAuthorizationAnswer answer) {
        CxResult result = answer.result();
        String serverName = answer.serverName();
        if (serverName != null && !serverName.isBlank()) {
            // TS 29.228 6.1.1.1: the S-CSCF assigned to (or stored for) the user; TS 24.229 5.3.1.2: forward there
            return new Forward(serverName.strip(), "named by the HSS (" + describe(result) + ")");
        }
        boolean mayChoose = result.is(CxExperimentalResultCode.FIRST_REGISTRATION)
                || (result.is(DiameterResultCode.SUCCESS) && answer.serverCapabilities() != null);
        if (!mayChoose || query.deregistration()) {
            return hssError(query, "UAA " + describe(result) + " names no S-CSCF",
                    "HSS answer names no S-CSCF");
        }
        Optional<String> selected = selector.select(answer.serverCapabilities());
        if (selected.isEmpty()) {
            // TS 24.229 5.3.1.3: no S-CSCF fulfils the mandatory capabilities -> 600 (Busy Everywhere)
            return new Reject(Response.BUSY_EVERYWHERE, "No S-CSCF With Required Capabilities",
                    Fault.INFRASTRUCTURE, query + ": no S-CSCF of the pool satisfies " + answer.serverCapabilities(),
                    "no S-CSCF with the required capabilities", OptionalInt.empty());
        }
        return new Forward(selected.get(), "selected by capabilities (" + describe(result) + ")");
    }

    private static Reject refused(String reasonPhrase, RegistrationQuery query, CxResult result) {
        return new Reject(Response.FORBIDDEN, reasonPhrase, Fault.USER,
                query + ": UAR answered " + describe(result), null, OptionalInt.empty());
    }

    private static Reject unavailable(String reasonPhrase, String reasonText, String detail) {
        return new Reject(Response.TEMPORARILY_UNAVAILABLE, reasonPhrase, Fault.INFRASTRUCTURE, detail, reasonText,
                OptionalInt.empty());
    }

    private static Reject hssError(RegistrationQuery query, String detail, String reasonText) {
        return new Reject(Response.SERVER_INTERNAL_ERROR, "HSS Error", Fault.INFRASTRUCTURE, query + ": " + detail,
                reasonText, OptionalInt.empty());
    }

    /** E.g. {@code DIAMETER_TOO_BUSY (3004)}, {@code DIAMETER_ERROR_USER_UNKNOWN (5001)}, {@code 10415/5099}. */
    static String describe(CxResult result) {
        if (result instanceof CxResult.Experimental experimental) {
            return experimental.known().map(known -> known.specName() + " (" + result.code() + ")")
                    .orElse(experimental.vendorId() + "/" + experimental.code());
        }
        CxResult.Base base = (CxResult.Base) result;
        return base.known().map(known -> known.specName() + " (" + result.code() + ")")
                .orElse(Long.toString(result.code()));
    }

    private static String errorMessage(UserAuthorizationAnswer answer) {
        return answer.errorMessage() == null ? "" : ": " + answer.errorMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
