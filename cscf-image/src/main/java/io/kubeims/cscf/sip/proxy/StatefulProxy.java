package io.kubeims.cscf.sip.proxy;

import gov.nist.javax.sip.ServerTransactionExt;
import io.kubeims.cscf.sip.ClientFailure;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.ResponseCallback;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.ViaBranch;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A transaction-stateful proxy (RFC 3261 16.2-16.10) with a single target per request: a server transaction
 * absorbs retransmissions from upstream, a client transaction retransmits downstream, responses are relayed through
 * the server transaction (100 Trying is not relayed, 16.7 step 3), no final response in time becomes 408 (or the
 * configured status), a request that cannot be sent 503. ACK is forwarded statelessly; CANCEL is answered 200 and
 * sent down the matching INVITE's client transaction (16.10). When jain-sip refuses a server transaction (a
 * mandatory header missing) the request is forwarded statelessly instead. Also the node's
 * {@link io.kubeims.cscf.sip.SipResponseHandler}, to relay 2xx retransmissions that outlive the client transaction.
 *
 * <pre>{@code
 * StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults(), rewriter);
 * node.start(RequestDispatcher.builder()
 *         .on("REGISTER", in -> proxy.proxy(in, Forwarding.to(icscf).withPath("term")))
 *         .otherwise(in -> proxy.proxy(in, Forwarding.byRequest().withRecordRoute()))
 *         .build(), proxy);
 * }</pre>
 */
public final class StatefulProxy implements SipProxy {

    private static final Logger LOG = Logger.getLogger(StatefulProxy.class);

    private final ProxyCore core;
    private final ProxySettings settings;
    private final ResponseRewriter rewriter;

    public StatefulProxy(SipNode node, ProxySettings settings, ResponseRewriter rewriter) {
        this.core = new ProxyCore(node);
        this.settings = settings;
        this.rewriter = rewriter;
    }

    @Override
    public ProxyCore core() {
        return core;
    }

    @Override
    public Optional<Request> prepare(InboundRequest inbound) throws SipSendException {
        return core.prepare(inbound);
    }

    /** Forwards a prepared copy in a client transaction and relays its responses through the server transaction. */
    @Override
    public void forward(InboundRequest inbound, Request copy, Forwarding forwarding) throws SipSendException {
        String method = inbound.method();
        if (Request.ACK.equals(method)) {
            StatelessProxy.forwardStatelessly(core, inbound, copy, forwarding, settings.unreachableStatus());
            return;
        }
        if (Request.CANCEL.equals(method)) {
            if (!cancelled(inbound)) {
                // RFC 3261 16.10: no response context here (maybe another replica has it): forward statelessly
                StatelessProxy.forwardStatelessly(core, inbound, copy, forwarding, settings.unreachableStatus());
            }
            return;
        }
        Optional<ServerTransaction> server = inbound.serverTransaction();
        if (server.isEmpty()) {
            StatelessProxy.forwardStatelessly(core, inbound, copy, forwarding, settings.unreachableStatus());
            return;
        }
        if (Request.INVITE.equals(method) && settings.tryingForInvite()) {
            inbound.respond(Response.TRYING);
        }
        NextHop hop;
        try {
            hop = core.applyForwarding(inbound, copy, forwarding, ViaBranch.stateful(inbound.request()));
        } catch (SipSendException e) {
            LOG.debugf("%s not routable: %s", inbound, e.getMessage());
            inbound.respond(generated(inbound, settings.unreachableStatus()));
            return;
        }
        Relay relay = new Relay(inbound, server.get(), hop);
        server.get().setApplicationData(relay);
        try {
            relay.client = core.node().send(copy, hop, settings.responseTimeout(), relay);
        } catch (SipSendException e) {
            LOG.debugf("%s not forwarded to %s: %s", inbound, hop, e.getMessage());
            relay.answer(settings.unreachableStatus());
        }
    }

    /**
     * RFC 3261 16.10: a CANCEL matching an INVITE we forwarded is answered 200 here and sent down that INVITE's
     * client transaction; without a match the caller forwards it statelessly.
     */
    private boolean cancelled(InboundRequest inbound) throws SipSendException {
        Optional<ServerTransaction> cancelTransaction = inbound.serverTransaction();
        if (cancelTransaction.isEmpty() || !(cancelTransaction.get() instanceof ServerTransactionExt ext)) {
            return false;
        }
        ServerTransaction invite = ext.getCanceledInviteTransaction();
        if (invite == null || !(invite.getApplicationData() instanceof Relay relay)) {
            return false;
        }
        inbound.respond(Response.OK);
        relay.cancelDownstream();
        return true;
    }

    /** A response of ours to {@code inbound}, shown to {@link ResponseRewriter#generated} first. */
    private Response generated(InboundRequest inbound, int status) {
        Response response = inbound.createResponse(status);
        try {
            rewriter.generated(response, inbound);
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.errorf(e, "rewriter failed on the generated %d to %s %s (Call-ID %s): %s", status, inbound.method(),
                    inbound.request().getRequestURI(), inbound.callId(), e);
        }
        return response;
    }

    /** Relays 2xx retransmissions and other responses that no client transaction claims. */
    @Override
    public void handle(Response response, SipNode node) throws Exception {
        StatelessProxy.relay(core, rewriter, response);
    }

    /** One forwarded request: relays what its client transaction receives. */
    private final class Relay implements ResponseCallback {

        private final InboundRequest inbound;
        private final ServerTransaction server;
        private final NextHop hop;
        private final AtomicBoolean finalSent = new AtomicBoolean();
        private volatile ClientTransaction client;

        Relay(InboundRequest inbound, ServerTransaction server, NextHop hop) {
            this.inbound = inbound;
            this.server = server;
            this.hop = hop;
        }

        @Override
        public void provisional(Response response) {
            if (response.getStatusCode() > Response.TRYING && !finalSent.get()) {
                relay(response);
            }
        }

        @Override
        public void finalResponse(Response response) {
            if (finalSent.compareAndSet(false, true)) {
                relay(response);
            }
        }

        @Override
        public void failed(ClientFailure failure) {
            answer(failure == ClientFailure.TIMEOUT ? settings.timeoutStatus() : settings.unreachableStatus());
        }

        void answer(int status) {
            if (!finalSent.compareAndSet(false, true)) {
                return;
            }
            try {
                server.sendResponse(generated(inbound, status));
            } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
                LOG.debugf("cannot answer %d to %s: %s", status, inbound, e);
            }
        }

        private void relay(Response received) {
            Response response = (Response) received.clone();
            boolean isFinal = response.getStatusCode() >= 200;
            if (!core.removeOwnVia(response)) {
                LOG.debugf("response %d to %s has no Via to relay to: dropped", response.getStatusCode(), inbound);
                return;
            }
            try {
                rewriter.rewrite(response, Optional.of(inbound));
            } catch (Exception | LinkageError | AssertionError e) {
                LOG.errorf(e, "response rewriting failed on %d to %s %s (Call-ID %s): %s", response.getStatusCode(),
                        inbound.method(), inbound.request().getRequestURI(), inbound.callId(), e);
                if (isFinal) {
                    finalSent.set(false);
                    answer(Response.SERVER_INTERNAL_ERROR);
                }
                return;
            }
            try {
                server.sendResponse(response);
            } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
                // e.g. the upstream TCP connection is gone (docs/jain-sip-notes.md 3)
                LOG.debugf("cannot relay %d to %s: %s", response.getStatusCode(), inbound, e);
            }
        }

        void cancelDownstream() {
            ClientTransaction sent = client;
            if (sent == null || finalSent.get()) {
                return;
            }
            try {
                Request cancel = sent.createCancel();
                core.node().send(cancel, hop, settings.responseTimeout(), new ResponseCallback() {
                    @Override
                    public void finalResponse(Response response) {
                        LOG.debugf("CANCEL for %s answered %d", inbound, response.getStatusCode());
                    }

                    @Override
                    public void failed(ClientFailure failure) {
                        LOG.debugf("CANCEL for %s failed: %s", inbound, failure);
                    }
                });
            } catch (SipException | SipSendException | RuntimeException e) {
                LOG.debugf("cannot CANCEL %s downstream: %s", inbound, e);
            }
        }
    }
}
