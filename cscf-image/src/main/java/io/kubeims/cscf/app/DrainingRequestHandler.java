package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.SipRequestHandler;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ServerTransaction;
import javax.sip.TransactionState;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Passes requests to the role's handler and, once {@link #drain()} was called, stops taking new work: a new
 * out-of-dialog request is answered 503 without Retry-After, so the sender tries another replica (RFC 3261 21.5.4,
 * RFC 3263 4.3), while ACK, CANCEL and in-dialog requests still pass so that what is under way can finish. Keeps
 * track of the requests it passed until they have a final response, for {@link #inFlight()}.
 */
final class DrainingRequestHandler implements SipRequestHandler {

    private static final Logger LOG = Logger.getLogger(DrainingRequestHandler.class);
    /** Finished requests are dropped once this many are tracked, and again at twice what was left. */
    private static final int PRUNE_AT_LEAST = 1024;

    private final SipRequestHandler role;
    private final Set<InboundRequest> tracked = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;
    private volatile int pruneAt = PRUNE_AT_LEAST;

    DrainingRequestHandler(SipRequestHandler role) {
        this.role = role;
    }

    @Override
    public void handle(InboundRequest inbound) throws Exception {
        String method = inbound.method();
        boolean continuing = Request.ACK.equals(method) || Request.CANCEL.equals(method) || inDialog(inbound);
        if (draining && !continuing) {
            LOG.debugf("%s refused: shutting down", inbound);
            inbound.respond(Response.SERVICE_UNAVAILABLE, "Shutting Down");
            return;
        }
        if (!Request.ACK.equals(method)) {
            if (tracked.size() >= pruneAt) {
                tracked.removeIf(DrainingRequestHandler::finished);
                // many requests genuinely under way: do not walk them all again for every new one
                pruneAt = Math.max(PRUNE_AT_LEAST, 2 * tracked.size());
            }
            tracked.add(inbound);
        }
        role.handle(inbound);
    }

    /** From now on, refuse new work. */
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    /** Requests passed to the role that have no final response yet. */
    int inFlight() {
        tracked.removeIf(DrainingRequestHandler::finished);
        return tracked.size();
    }

    /** A request is finished once answered finally, or when it never got a server transaction (stateless). */
    private static boolean finished(InboundRequest inbound) {
        if (inbound.finalResponseSent() || !inbound.hasServerTransaction()) {
            return true;
        }
        Optional<ServerTransaction> transaction = inbound.serverTransaction();
        if (transaction.isEmpty()) {
            return true;
        }
        TransactionState state = transaction.get().getState();
        return state != TransactionState.TRYING && state != TransactionState.PROCEEDING;
    }

    private static boolean inDialog(InboundRequest inbound) {
        ToHeader to = (ToHeader) inbound.request().getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }
}
