package io.kubeims.operator.subscriber;

import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.kubeims.hssclient.DuplicatePublicIdentityException;
import io.kubeims.hssclient.HssAuthenticationException;
import io.kubeims.hssclient.HssProvisioningException;
import io.kubeims.hssclient.HssRejectedException;
import io.kubeims.hssclient.HssUnavailableException;
import io.kubeims.hssclient.InvalidCredentialsSecretException;
import io.kubeims.hssclient.InvalidIfcProfileException;
import io.kubeims.operator.hss.HssNotConfiguredException;
import io.kubeims.operator.hss.ImsCoreNotReadyException;

/**
 * Why a Subscriber is not provisioned, as the Provisioned condition states it, and what the operator does about it.
 * Messages come from exceptions that never hold secrets (the mapping names keys, the HSS's errors name fields).
 *
 * @param reason   the condition's reason
 * @param message  the condition's message
 * @param handling retry, wait for a change, or check again later
 */
record ProvisioningFailure(String reason, String message, Handling handling) {

    /** What follows a failure. */
    enum Handling {
        /** Transient (the HSS is down or refuses the token): retried after a growing delay. */
        RETRY,
        /** Only a change of the Subscriber, its Secret or its IfcProfile can fix it: no retry. */
        AWAIT_CHANGE,
        /** Another resource may release the conflict: checked again after a while, no fast retry. */
        RECHECK_LATER,
        /** A bug or an API server failure: the operator SDK's retry with exponential backoff. */
        UNEXPECTED
    }

    /** The failure behind what a reconciliation threw. */
    static ProvisioningFailure of(Exception thrown) {
        Throwable cause = rootOf(thrown);
        if (cause instanceof UnresolvedReferenceException e) {
            return new ProvisioningFailure(e.kind() + "NotFound", e.getMessage(), Handling.AWAIT_CHANGE);
        }
        if (cause instanceof InvalidCredentialsSecretException e) {
            return new ProvisioningFailure("InvalidCredentials", e.getMessage(), Handling.AWAIT_CHANGE);
        }
        if (cause instanceof InvalidIfcProfileException e) {
            return new ProvisioningFailure("InvalidIfcProfile", e.getMessage(), Handling.AWAIT_CHANGE);
        }
        if (cause instanceof DuplicatePublicIdentityException e) {
            return new ProvisioningFailure("DuplicatePublicIdentity", "the HSS refused the subscriber: "
                    + e.hssMessage(), Handling.RECHECK_LATER);
        }
        if (cause instanceof HssAuthenticationException e) {
            return new ProvisioningFailure("HssAuthenticationFailed", e.getMessage(), Handling.RETRY);
        }
        if (cause instanceof HssRejectedException e) {
            return new ProvisioningFailure("HssRejected", "the HSS refused the subscriber: " + e.hssMessage()
                    + (e.field() == null ? "" : " (field " + e.field() + ")"), Handling.AWAIT_CHANGE);
        }
        if (cause instanceof HssUnavailableException e) {
            return new ProvisioningFailure("HssUnavailable", e.getMessage() + "; retrying", Handling.RETRY);
        }
        if (cause instanceof ImsCoreNotReadyException e) {
            return new ProvisioningFailure("ImsCoreNotReady", e.getMessage() + "; retrying", Handling.RETRY);
        }
        if (cause instanceof HssNotConfiguredException e) {
            return new ProvisioningFailure("HssNotConfigured", e.getMessage(), Handling.AWAIT_CHANGE);
        }
        return new ProvisioningFailure("ReconcileError", cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), Handling.UNEXPECTED);
    }

    /** Through the workflow's aggregate and our carrier of checked HSS exceptions to the first known cause. */
    private static Throwable rootOf(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof AggregatedOperatorException aggregate
                    && !aggregate.getAggregatedExceptions().isEmpty()) {
                current = aggregate.getAggregatedExceptions().values().iterator().next();
            } else if (current instanceof HssCallFailedException carrier) {
                return carrier.getCause();
            } else if (current instanceof HssProvisioningException || current instanceof IllegalArgumentException
                    || current instanceof IllegalStateException || current.getCause() == null
                    || current.getCause() == current) {
                return current;
            } else {
                current = current.getCause();
            }
        }
        return current == null ? thrown : current;
    }
}
