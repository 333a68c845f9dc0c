package io.kubeims.cscf.sip;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.ObjectInUseException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The application side of one client transaction: delivers responses to the {@link ResponseCallback}, guarantees
 * exactly one final outcome, and enforces our own bound (jain-sip's Timer F is fixed at 64*T1 = 32 s).
 */
final class ClientExchange {

    private static final Logger LOG = Logger.getLogger(ClientExchange.class);

    private final String method;
    private final String callId;
    private final ResponseCallback callback;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile ScheduledFuture<?> bound;
    private volatile ClientTransaction transaction;

    ClientExchange(String method, String callId, ResponseCallback callback) {
        this.method = method;
        this.callId = callId;
        this.callback = callback;
    }

    /** Starts our bound once the request is out; a response may already have completed the exchange. */
    void arm(ClientTransaction sent, ScheduledExecutorService timer, Duration timeout) {
        this.transaction = sent;
        if (done.get()) {
            return;
        }
        try {
            bound = timer.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the node is closing; the stack's own timers still end the transaction
        }
        if (done.get()) {
            cancelBound();
        }
    }

    /** The request was never sent: no callback. */
    void abandon() {
        done.set(true);
    }

    void onResponse(Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            if (Request.INVITE.equals(method) && status > 100) {
                // RFC 3261 17.1.1.2: Timer B stops with a provisional response; the session may ring for minutes.
                cancelBound();
            }
            if (!done.get()) {
                deliver(() -> callback.provisional(response));
            }
            return;
        }
        if (done.compareAndSet(false, true)) {
            cancelBound();
            deliver(() -> callback.finalResponse(response));
        } else {
            LOG.debugf("late %d for %s (Call-ID %s) ignored", status, method, callId);
        }
    }

    void onFailure(ClientFailure failure) {
        if (done.compareAndSet(false, true)) {
            cancelBound();
            deliver(() -> callback.failed(failure));
        }
    }

    /** The stack ended the transaction: our bound is of no use any more. */
    void terminated() {
        cancelBound();
    }

    private void expire() {
        if (done.compareAndSet(false, true)) {
            ClientTransaction sent = transaction;
            if (sent != null) {
                try {
                    sent.terminate();
                } catch (ObjectInUseException | RuntimeException e) {
                    LOG.debugf("cannot terminate timed-out %s (Call-ID %s): %s", method, callId, e);
                }
            }
            deliver(() -> callback.failed(ClientFailure.TIMEOUT));
        }
    }

    private void cancelBound() {
        ScheduledFuture<?> scheduled = bound;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private void deliver(CallbackStep step) {
        try {
            step.run();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            LOG.errorf(e, "response callback failed for %s (Call-ID %s): %s", method, callId, e);
        }
    }

    @FunctionalInterface
    private interface CallbackStep {
        void run() throws Exception;
    }
}
