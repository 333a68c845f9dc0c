package io.kubeims.cx.client;

import java.util.List;

/** No replica of an S-CSCF pool answered: none was connected, or each one tried failed in a retryable way. */
public class CxPoolUnavailableException extends CxSendException {

    /**
     * One replica tried.
     *
     * @param replicaHost its Origin-Host
     * @param outcome     why it did not count, e.g. "answered 3002" or "timeout"
     */
    public record Attempt(String replicaHost, String outcome) {
    }

    private final String serverName;
    private final List<Attempt> attempts;

    public CxPoolUnavailableException(String serverName, List<Attempt> attempts) {
        super(attempts.isEmpty()
                ? "no connected replica of S-CSCF pool " + serverName
                : "no replica of S-CSCF pool " + serverName + " answered: " + attempts);
        this.serverName = serverName;
        this.attempts = List.copyOf(attempts);
    }

    public String serverName() {
        return serverName;
    }

    /** The replicas tried, in order; empty when none was connected. */
    public List<Attempt> attempts() {
        return attempts;
    }
}
