package io.kubeims.cscf.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * One received request and its (optional) server transaction, as handed to a {@link SipRequestHandler}.
 *
 * <p>No server transaction exists until a handler asks for one ({@link #serverTransaction()}) or answers with
 * {@link #respond}: a stateless proxy never creates one (RFC 3261 16.11), a registrar creates it first so that the
 * stack absorbs retransmissions while it waits for the HSS. jain-sip refuses a server transaction when a mandatory
 * header is missing or unparsable (e.g. Max-Forwards, docs/jain-sip-notes.md 2); {@link #respond} then answers
 * statelessly. Responses we generate get a To tag derived from the transaction ({@link ViaBranch#responseToTag}).
 */
public final class InboundRequest {

    private static final Logger LOG = Logger.getLogger(InboundRequest.class);

    private final SipNode node;
    private final SIPRequest request;
    private ServerTransaction serverTransaction;
    private boolean transactionRefused;
    private volatile boolean finalResponseSent;

    InboundRequest(SipNode node, RequestEvent event) {
        this.node = node;
        this.request = (SIPRequest) event.getRequest();
        this.serverTransaction = event.getServerTransaction();
    }

    /** The request as received (mutating it changes what a server transaction remembers: forward a copy). */
    public Request request() {
        return request;
    }

    /** The request method. */
    public String method() {
        return request.getMethod();
    }

    /** The Call-ID, or {@code ""} when absent (jain-sip drops such requests before us, but be safe in logs). */
    public String callId() {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }

    /** The node that received it. */
    public SipNode node() {
        return node;
    }

    /** The transport it arrived on: {@code udp} or {@code tcp}. */
    public String transport() {
        Object channel = request.getMessageChannel();
        if (channel instanceof MessageChannel messageChannel) {
            return messageChannel.getTransport().toLowerCase(Locale.ROOT);
        }
        ViaHeader top = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return top == null ? NextHop.UDP : top.getTransport().toLowerCase(Locale.ROOT);
    }

    /**
     * The address and port the packet (or connection) came from (what RFC 3581 calls received/rport). jain-sip's
     * {@code getRemotePort()} is the top Via's port for UDP, not the packet's: the packet source is read instead.
     */
    public InetSocketAddress source() {
        InetAddress address = request.getPeerPacketSourceAddress();
        int port = request.getPeerPacketSourcePort();
        if (address == null || port <= 0) {
            address = request.getRemoteAddress();
            port = request.getRemotePort();
        }
        return address == null ? InetSocketAddress.createUnresolved("unknown", 0)
                : new InetSocketAddress(address, port);
    }

    /** True when a server transaction exists already (created by the stack or by an earlier call). */
    public synchronized boolean hasServerTransaction() {
        return serverTransaction != null;
    }

    /**
     * The server transaction, created on first use; empty for ACK and when jain-sip refuses one (a mandatory header
     * missing or malformed), in which case responses go statelessly.
     *
     * @throws DuplicateRequestException when a retransmission raced the original and its transaction exists already
     */
    public synchronized Optional<ServerTransaction> serverTransaction() {
        if (serverTransaction == null && !transactionRefused && !Request.ACK.equals(method())) {
            try {
                serverTransaction = node.provider().getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                throw new DuplicateRequestException(callId(), e);
            } catch (TransactionUnavailableException e) {
                transactionRefused = true;
                LOG.debugf("no server transaction for %s (Call-ID %s): %s; answering statelessly", method(),
                        callId(), e.getMessage());
            }
        }
        return Optional.ofNullable(serverTransaction);
    }

    /**
     * A response to this request (RFC 3261 8.2.6): Via, From, To, Call-ID and CSeq copied, a To tag added to non-100
     * responses when the request had none.
     */
    public Response createResponse(int status) {
        try {
            Response response = node.messages().createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to != null && to.getTag() == null) {
                to.setTag(ViaBranch.responseToTag(request));
            }
            return response;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot build a " + status + " response to " + method() + " (Call-ID "
                    + callId() + "): " + e.getMessage(), e);
        }
    }

    /** A response with our own reason phrase. */
    public Response createResponse(int status, String reason) {
        Response response = createResponse(status);
        try {
            response.setReasonPhrase(reason);
        } catch (ParseException e) {
            throw new IllegalArgumentException("reason phrase refused: " + reason, e);
        }
        return response;
    }

    /** Answers with a bare response of this status. */
    public void respond(int status) throws SipSendException {
        respond(createResponse(status));
    }

    /** Answers with a bare response of this status and reason phrase. */
    public void respond(int status, String reason) throws SipSendException {
        respond(createResponse(status, reason));
    }

    /**
     * Answers through the server transaction (created if needed), or statelessly when the stack refuses one.
     *
     * @throws SipSendException when the response cannot be sent (e.g. the peer closed its TCP connection)
     * @throws IllegalStateException for ACK, which is never answered (RFC 3261 17.1.1.3)
     */
    public void respond(Response response) throws SipSendException {
        Optional<ServerTransaction> transaction = serverTransaction();
        if (transaction.isEmpty()) {
            respondStatelessly(response);
            return;
        }
        try {
            transaction.get().sendResponse(response);
            markSent(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            throw new SipSendException("cannot send " + response.getStatusCode() + " to " + method() + " (Call-ID "
                    + callId() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Answers without a server transaction (RFC 3261 8.2.7): to the top Via's received/rport, over the same TCP
     * connection when the request came over TCP.
     */
    public void respondStatelessly(Response response) throws SipSendException {
        if (Request.ACK.equals(method())) {
            throw new IllegalStateException("ACK is never answered (Call-ID " + callId() + ")");
        }
        node.sendStatelessly(response);
        markSent(response);
    }

    /** True once a final response went out through this object. */
    public boolean finalResponseSent() {
        return finalResponseSent;
    }

    private void markSent(Response response) {
        if (response.getStatusCode() >= 200) {
            finalResponseSent = true;
        }
    }

    @Override
    public String toString() {
        return method() + " " + request.getRequestURI() + " (Call-ID " + callId() + ", " + transport() + ")";
    }
}
