package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.sip.ClientFailure;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.ResponseCallback;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.proxy.ProxyCore;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ObjectInUseException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The response context of one initial request (RFC 3261 16.7) for as long as its server transaction lives: the
 * branches sent for it (one to an AS or the next hop, several when forking in parallel), what they answered, and
 * what went upstream. Provisional responses are relayed as they come; every 2xx at once, the other branches then
 * cancelled (16.7 step 10); a 6xx cancels the others; when every branch has ended without a 2xx, the best response
 * (16.7 step 6: 6xx first, then the lowest class; a 503 sent on as 500) goes upstream, unless a {@link Fallback}
 * takes over (DefaultHandling SESSION_CONTINUED, the next ENUM record) while nothing but 100 Trying went upstream.
 * An upstream CANCEL cancels every branch (16.10) and stops any further attempt. Thread-safe (callbacks run on
 * jain-sip and timer threads).
 */
final class ResponseContext {

    private static final Logger LOG = Logger.getLogger(ResponseContext.class);

    /** Takes over when all branches failed: returns true when it started something else (e.g. a new fork). */
    @FunctionalInterface
    interface Fallback {

        /**
         * @param status the best failure: 408 for a silent AS, 503 for an unreachable one, else the status received
         * @return whether it took over; false lets the best response go upstream
         */
        boolean takeOver(int status) throws Exception;
    }

    /** Told once of the final status sent upstream (relayed or generated). */
    @FunctionalInterface
    interface Completion {
        void completed(int status);
    }

    private final InboundRequest inbound;
    private final ServerTransaction server;
    private final ProxyCore core;
    private final ScheduledExecutorService timer;
    private final Completion completion;

    private final List<Leg> legs = new ArrayList<>();
    private int generation;
    private Fallback fallback;
    private boolean provisionalRelayed;
    private boolean finalSent;
    private boolean cancelled;
    private Response best;
    private int bestStatus;
    private String bestReason;

    ResponseContext(InboundRequest inbound, ServerTransaction server, SipNode node, ScheduledExecutorService timer,
            Completion completion) {
        this.inbound = inbound;
        this.server = server;
        this.core = new ProxyCore(node);
        this.timer = timer;
        this.completion = completion;
    }

    InboundRequest inbound() {
        return inbound;
    }

    /** True once a final response went upstream or an upstream CANCEL arrived: nothing more is to be sent. */
    synchronized boolean isOver() {
        return finalSent || cancelled;
    }

    /**
     * Sends the branches in parallel; earlier branches (of an AS that failed) are forgotten.
     *
     * @param silence  how long a branch may stay without any response before it counts as 408 (an AS's
     *                 DefaultHandling timer), or null for the node's client bound only
     * @param fallback who takes over when all branches fail before any provisional went upstream, or null
     */
    void fork(List<Branch> branches, Duration silence, Fallback fallback) {
        List<Leg> started = new ArrayList<>();
        synchronized (this) {
            if (finalSent) {
                return;
            }
            if (cancelled) {
                answer(Response.REQUEST_TERMINATED, "Request Terminated");
                return;
            }
            generation++;
            legs.clear();
            best = null;
            bestStatus = 0;
            bestReason = null;
            this.fallback = fallback;
            for (Branch branch : branches) {
                Leg leg = new Leg(branch, generation);
                legs.add(leg);
                started.add(leg);
            }
        }
        for (Leg leg : started) {
            leg.start(silence);
        }
    }

    /**
     * Answers upstream with our own final response (nothing is in flight), logged once at DEBUG with the Call-ID.
     *
     * @param why what was wrong, for the log
     */
    synchronized void reject(int status, String reason, String why) {
        if (!finalSent) {
            LOG.debugf("%s: %d %s: %s", inbound, status, reason, why);
        }
        answer(status, reason);
    }

    /** RFC 3261 16.10: the upstream CANCEL ends every pending branch; their 487s go upstream as usual. */
    void cancel() {
        List<Leg> pending;
        synchronized (this) {
            if (cancelled || finalSent) {
                return;
            }
            cancelled = true;
            pending = legs.stream().filter(leg -> !leg.done).toList();
            if (pending.isEmpty()) {
                // nothing in flight (served user or ENUM lookup running): the request ends here
                answer(Response.REQUEST_TERMINATED, "Request Terminated");
                return;
            }
        }
        for (Leg leg : pending) {
            leg.cancel();
        }
    }

    // ---- responses from the legs ----

    private void provisional(Leg leg, Response response) {
        List<Leg> toCancel = List.of();
        synchronized (this) {
            leg.responded = true;
            if (leg.cancelWanted && !leg.cancelSent) {
                toCancel = List.of(leg);
            }
            if (leg.generation == generation && response.getStatusCode() > Response.TRYING && !finalSent) {
                if (relay(response)) {
                    provisionalRelayed = true;
                }
            }
        }
        toCancel.forEach(Leg::cancel);
    }

    private void ended(Leg leg, int status, Response response, String reason) {
        List<Leg> toCancel = new ArrayList<>();
        Fallback takeOver = null;
        int failure = 0;
        synchronized (this) {
            if (leg.done) {
                // e.g. the stack reports the end of a transaction we already gave up on (silent AS)
                return;
            }
            leg.done = true;
            if (leg.generation != generation) {
                LOG.debugf("%d from %s after its AS was given up (Call-ID %s): dropped", status, leg.branch.target(),
                        inbound.callId());
                return;
            }
            if (status >= 200 && status < 300) {
                // RFC 3261 16.7 step 5: every 2xx goes upstream at once
                markFinal(status);
                relay(response);
                toCancel.addAll(pendingLegs());
            } else {
                if (best == null && bestStatus == 0 || rank(status) < rank(bestStatus)) {
                    best = response;
                    bestStatus = status;
                    bestReason = reason;
                }
                if (status >= 600) {
                    toCancel.addAll(pendingLegs());
                }
                if (!finalSent && legs.stream().allMatch(l -> l.done)) {
                    if (fallback != null && !provisionalRelayed && !cancelled && isAsFailure(bestStatus)) {
                        takeOver = fallback;
                        failure = bestStatus;
                        fallback = null;
                    } else {
                        sendBest();
                    }
                }
            }
        }
        toCancel.forEach(Leg::cancel);
        if (takeOver != null) {
            boolean taken;
            try {
                taken = takeOver.takeOver(failure);
            } catch (Exception | LinkageError | AssertionError e) {
                LOG.errorf(e, "fallback failed for %s: %s", inbound, e);
                taken = false;
            }
            if (!taken) {
                synchronized (this) {
                    if (!finalSent) {
                        sendBest();
                    }
                }
            }
        }
    }

    /** TS 24.229 5.4.3.2/5.4.3.3: an AS that does not answer, or answers 408 or 5xx. */
    private static boolean isAsFailure(int status) {
        return status == Response.REQUEST_TIMEOUT || status >= 500 && status < 600;
    }

    /** RFC 3261 16.7 step 6: any 6xx, else the lowest class. */
    private static int rank(int status) {
        return status >= 600 ? 0 : status;
    }

    private List<Leg> pendingLegs() {
        return legs.stream().filter(l -> !l.done).toList();
    }

    private void sendBest() {
        if (best != null) {
            Response response = best;
            if (response.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
                // RFC 3261 16.7 step 6: a 503 forwarded upstream SHOULD become 500
                response = (Response) response.clone();
                try {
                    response.setStatusCode(Response.SERVER_INTERNAL_ERROR);
                    response.setReasonPhrase("Server Internal Error");
                } catch (ParseException e) {
                    throw new IllegalStateException(e);
                }
            }
            markFinal(response.getStatusCode());
            relay(response);
            return;
        }
        answer(bestStatus == 0 ? Response.REQUEST_TIMEOUT : bestStatus,
                bestReason == null ? "Request Timeout" : bestReason);
    }

    private void markFinal(int status) {
        if (!finalSent) {
            finalSent = true;
            completion.completed(status);
        }
    }

    /** Relays a downstream response through the server transaction; false when it could not go. */
    private boolean relay(Response received) {
        Response response = (Response) received.clone();
        if (!core.removeOwnVia(response)) {
            LOG.debugf("%d for %s has no Via left: dropped", response.getStatusCode(), inbound);
            return false;
        }
        try {
            server.sendResponse(response);
            return true;
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debugf("cannot relay %d to %s: %s", response.getStatusCode(), inbound, e);
            return response.getStatusCode() >= 200;
        }
    }

    private void answer(int status, String reason) {
        if (finalSent) {
            return;
        }
        markFinal(status);
        try {
            server.sendResponse(inbound.createResponse(status, reason));
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debugf("cannot answer %d to %s: %s", status, inbound, e);
        }
    }

    /** One branch in flight. Fields guarded by the context's lock. */
    private final class Leg implements ResponseCallback {

        private final Branch branch;
        private final int generation;
        private volatile ClientTransaction client;
        private ScheduledFuture<?> silenceTimer;
        private boolean responded;
        private boolean done;
        private boolean cancelWanted;
        private boolean cancelSent;

        Leg(Branch branch, int generation) {
            this.branch = branch;
            this.generation = generation;
        }

        void start(Duration silence) {
            try {
                client = core.node().send(branch.request(), branch.hop(), null, this);
            } catch (SipSendException e) {
                LOG.debugf("%s not sent to %s: %s", inbound, branch.target(), e.getMessage());
                ended(this, Response.SERVICE_UNAVAILABLE, null, "Next Hop Unreachable");
                return;
            }
            if (silence != null) {
                synchronized (ResponseContext.this) {
                    if (!responded && !done) {
                        try {
                            silenceTimer = timer.schedule(this::silent, silence.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException stopping) {
                            // shutting down: the node's own bound still ends the branch
                        }
                    }
                }
            }
        }

        private void silent() {
            synchronized (ResponseContext.this) {
                if (responded || done) {
                    return;
                }
            }
            ClientTransaction sent = client;
            if (sent != null) {
                try {
                    sent.terminate();
                } catch (ObjectInUseException | RuntimeException e) {
                    LOG.debugf("cannot end the silent branch to %s: %s", branch.target(), e);
                }
            }
            ended(this, Response.REQUEST_TIMEOUT, null, "Application Server Not Responding");
        }

        @Override
        public void provisional(Response response) {
            stopSilenceTimer();
            ResponseContext.this.provisional(this, response);
        }

        @Override
        public void finalResponse(Response response) {
            stopSilenceTimer();
            ResponseContext.this.ended(this, response.getStatusCode(), response, response.getReasonPhrase());
        }

        @Override
        public void failed(ClientFailure failure) {
            stopSilenceTimer();
            boolean timeout = failure == ClientFailure.TIMEOUT;
            ResponseContext.this.ended(this, timeout ? Response.REQUEST_TIMEOUT : Response.SERVICE_UNAVAILABLE,
                    null, timeout ? "Request Timeout" : "Next Hop Unreachable");
        }

        private void stopSilenceTimer() {
            synchronized (ResponseContext.this) {
                responded = true;
                if (silenceTimer != null) {
                    silenceTimer.cancel(false);
                }
            }
        }

        /** CANCEL downstream (RFC 3261 9.1: only once a provisional response came; else when one comes). */
        void cancel() {
            ClientTransaction sent;
            synchronized (ResponseContext.this) {
                if (done || cancelSent) {
                    return;
                }
                cancelWanted = true;
                if (!responded || client == null || !Request.INVITE.equals(branch.request().getMethod())) {
                    return;
                }
                cancelSent = true;
                sent = client;
            }
            try {
                Request cancel = sent.createCancel();
                core.node().send(cancel, branch.hop(), null, new ResponseCallback() {
                    @Override
                    public void finalResponse(Response response) {
                        LOG.debugf("CANCEL to %s for %s answered %d", branch.target(), inbound,
                                response.getStatusCode());
                    }

                    @Override
                    public void failed(ClientFailure failure) {
                        LOG.debugf("CANCEL to %s for %s failed: %s", branch.target(), inbound, failure);
                    }
                });
            } catch (SipException | SipSendException | RuntimeException e) {
                LOG.debugf("cannot CANCEL %s towards %s: %s", inbound, branch.target(), e);
            }
        }
    }
}
