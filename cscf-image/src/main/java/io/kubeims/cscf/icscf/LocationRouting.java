package io.kubeims.cscf.icscf;

import io.kubeims.cscf.icscf.RegistrationDecision.Fault;
import io.kubeims.cscf.icscf.RegistrationDecision.Forward;
import io.kubeims.cscf.icscf.RegistrationDecision.Reject;
import io.kubeims.cx.client.CxNoConnectionException;
import io.kubeims.cx.client.CxSendException;
import io.kubeims.cx.client.CxTimeoutException;
import io.kubeims.cx.codec.CxDecodeException;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.LocationInfoAnswer;
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
 * Turns the outcome of a LIR into what happens to a terminating initial request at the I-CSCF (TS 24.229 5.3.2.1,
 * TS 29.228 6.1.4; routing contract 4). The two outcomes are those of registration ({@link RegistrationDecision}):
 * <ul>
 * <li>DIAMETER_SUCCESS with Server-Name: forward to that S-CSCF;</li>
 * <li>DIAMETER_UNREGISTERED_SERVICE: to the Server-Name the HSS keeps for the user's unregistered services, else an
 * S-CSCF of the pool selected by the answer's Server-Capabilities (the pool's first in turn when the answer has none);
 * none qualifies: 480;</li>
 * <li>DIAMETER_ERROR_USER_UNKNOWN: 404 Not Found; DIAMETER_ERROR_IDENTITY_NOT_REGISTERED (not registered, no
 * unregistered-state services): 480 Temporarily Unavailable;</li>
 * <li>no answer (timeout, no connection, DIAMETER_UNABLE_TO_DELIVER): 480 with a Reason header saying what failed
 * (as for registration, docs/design-notes.md); an overloaded HSS: 503 with Retry-After; any other error: 500.</li>
 * </ul>
 * Thread-safe (the selector is).
 */
public final class LocationRouting {

    private final ScscfSelector selector;
    private final int retryAfterSeconds;

    public LocationRouting(ScscfSelector selector, IcscfSettings settings) {
        this.selector = selector;
        this.retryAfterSeconds = (int) settings.retryAfter().toSeconds();
    }

    /** The decision for an answered LIR. */
    public RegistrationDecision decide(LocationQuery query, LocationInfoAnswer answer) {
        CxResult result = answer.result();
        boolean unregisteredService = result.is(CxExperimentalResultCode.UNREGISTERED_SERVICE);
        if (result.isSuccess() || unregisteredService) {
            String serverName = answer.serverName();
            if (serverName != null && !serverName.isBlank()) {
                return new Forward(serverName.strip(), "named by the HSS (" + RegistrationRouting.describe(result)
                        + ")");
            }
            Optional<String> selected = selector.select(answer.serverCapabilities());
            if (selected.isPresent()) {
                return new Forward(selected.get(), "selected by capabilities ("
                        + RegistrationRouting.describe(result) + ")");
            }
            return new Reject(Response.TEMPORARILY_UNAVAILABLE, "No S-CSCF With Required Capabilities",
                    Fault.INFRASTRUCTURE, query + ": no S-CSCF of the pool satisfies " + answer.serverCapabilities(),
                    "no S-CSCF with the required capabilities", OptionalInt.empty());
        }
        if (result.is(CxExperimentalResultCode.USER_UNKNOWN)) {
            return new Reject(Response.NOT_FOUND, "User Unknown", Fault.USER, query + ": LIR answered "
                    + RegistrationRouting.describe(result), null, OptionalInt.empty());
        }
        if (result.is(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED)) {
            return new Reject(Response.TEMPORARILY_UNAVAILABLE, "Not Registered", Fault.USER, query
                    + ": LIR answered " + RegistrationRouting.describe(result), null, OptionalInt.empty());
        }
        if (result.is(DiameterResultCode.UNABLE_TO_DELIVER)) {
            return unavailable("HSS Unreachable", "no HSS reachable for the user location query",
                    query + ": LIR answered " + RegistrationRouting.describe(result) + " by a Diameter agent");
        }
        ResultClass resultClass = result.resultClass();
        if (resultClass == ResultClass.PROTOCOL_ERROR || resultClass == ResultClass.TRANSIENT_FAILURE) {
            String what = result.is(DiameterResultCode.TOO_BUSY) ? "HSS Busy" : "HSS Temporarily Failing";
            return new Reject(Response.SERVICE_UNAVAILABLE, what, Fault.INFRASTRUCTURE, query + ": LIR answered "
                    + RegistrationRouting.describe(result), "HSS answered " + RegistrationRouting.describe(result),
                    OptionalInt.of(retryAfterSeconds));
        }
        return hssError(query, "LIR answered " + RegistrationRouting.describe(result)
                + (answer.errorMessage() == null ? "" : ": " + answer.errorMessage()),
                "HSS answered " + RegistrationRouting.describe(result));
    }

    /** The decision when the LIR got no usable answer (the future's failure, wrapped or not). */
    public RegistrationDecision failed(LocationQuery query, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CxTimeoutException || cause instanceof TimeoutException) {
            return unavailable("HSS Not Answering", "HSS did not answer the user location query in time",
                    query + ": " + cause.getMessage());
        }
        if (cause instanceof CxNoConnectionException || cause instanceof CxSendException) {
            return unavailable("HSS Unreachable", "no connection to the HSS for the user location query",
                    query + ": " + cause.getMessage());
        }
        if (cause instanceof CxDecodeException) {
            return hssError(query, "LIA unreadable: " + cause.getMessage(), "HSS answer unreadable");
        }
        return hssError(query, "LIR failed: " + cause, "user location query failed");
    }

    private static Reject unavailable(String reasonPhrase, String reasonText, String detail) {
        return new Reject(Response.TEMPORARILY_UNAVAILABLE, reasonPhrase, Fault.INFRASTRUCTURE, detail, reasonText,
                OptionalInt.empty());
    }

    private static Reject hssError(LocationQuery query, String detail, String reasonText) {
        return new Reject(Response.SERVER_INTERNAL_ERROR, "HSS Error", Fault.INFRASTRUCTURE, query + ": " + detail,
                reasonText, OptionalInt.empty());
    }
}
