package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.ClientFailure;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.ResponseCallback;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.header.AddressListHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A small UE for session tests on loopback (its own SIP stack, UDP or TCP towards its P-CSCF): registers one public
 * identity (no authentication: the {@link SessionCore} does not ask), sends initial requests, answers INVITE with 180
 * and 200 (with its Contact), MESSAGE and BYE with 200 (each 200 claiming {@link #SPOOFED_IDENTITY}), keeps every request it receives, and plays both ends of a
 * dialog (RFC 3261 12: route set from Record-Route, remote target from Contact) to send ACK and BYE. Every request
 * goes to its P-CSCF, over its flow.
 */
final class SessionUe implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    /** The identity every 200 of this UE claims (RFC 3325: the P-CSCF must not let it through). */
    static final String SPOOFED_IDENTITY = "<sip:president@ims.example.test>";

    private final String name;
    private final String impu;
    private final NextHop pcscf;
    private final SipNode node;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Response> answered = new LinkedBlockingQueue<>();
    private final Map<String, InboundRequest> held = new ConcurrentHashMap<>();
    private volatile boolean holding;

    /** One side of a dialog: what RFC 3261 12.1 keeps. */
    record Dialog(String callId, URI local, String localTag, URI remote, String remoteTag, URI remoteTarget,
            List<Address> routeSet, long inviteCseq) {
    }

    SessionUe(String name, String host, String impu, NextHop pcscf) throws Exception {
        this.name = name;
        this.impu = impu;
        this.pcscf = pcscf;
        this.node = new SipNode(SipNodeSettings.of(name, host, 0));
        node.start(RequestDispatcher.builder()
                .on(Request.INVITE, this::answerInvite)
                .on(Request.ACK, inbound -> received.add((Request) inbound.request().clone()))
                .on(Request.BYE, this::answerOk)
                .on(Request.CANCEL, this::answerCancel)
                .on(Request.MESSAGE, this::answerOk)
                .build());
    }

    SipNode node() {
        return node;
    }

    String impu() {
        return impu;
    }

    /** {@code sip:<name>@host:port}, with {@code transport=tcp} over TCP. */
    String contactUri() {
        return "sip:" + name + "@" + node.host() + ":" + node.port()
                + (NextHop.TCP.equals(pcscf.transport()) ? ";transport=tcp" : "");
    }

    /** REGISTER of its contact for 600 s through the P-CSCF; the final response. */
    Response register() throws Exception {
        Request register = request(Request.REGISTER, "sip:" + impu.substring(impu.indexOf('@') + 1), impu);
        header(register, "Contact", "<" + contactUri() + ">;expires=600");
        header(register, "Supported", "path");
        return send(register);
    }

    /**
     * An initial request from this UE's identity to {@code target} (Request-URI and To), new Call-ID and From tag,
     * Max-Forwards 70, no Route, Contact for INVITE.
     */
    Request request(String method, String target) throws Exception {
        Request request = request(method, target, target);
        if (Request.INVITE.equals(method)) {
            header(request, "Contact", "<" + contactUri() + ">");
        }
        return request;
    }

    private Request request(String method, String requestUri, String to) throws Exception {
        HeaderFactory headers = node.headers();
        Address from = node.addresses().createAddress(node.addresses().createURI(impu));
        Address toAddress = node.addresses().createAddress(node.addresses().createURI(to));
        return node.messages().createRequest(node.addresses().createURI(requestUri), method,
                headers.createCallIdHeader(UUID.randomUUID() + "@" + name),
                headers.createCSeqHeader(1L, method),
                headers.createFromHeader(from, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(toAddress, null), new ArrayList<>(), headers.createMaxForwardsHeader(70));
    }

    /** Appends a header (below others of its name). */
    void header(Request request, String name, String value) throws Exception {
        request.addLast(node.headers().createHeader(name, value));
    }

    /** Sends to the P-CSCF in a client transaction; the final response. */
    Response send(Request request) throws Exception {
        return node.request(request, pcscf, WAIT).get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /** The next request of {@code method} this UE received, or an AssertionError after {@link #WAIT}. */
    Request next(String method) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Request request = received.poll(100, TimeUnit.MILLISECONDS);
            if (request != null && request.getMethod().equals(method)) {
                return request;
            }
        }
        throw new AssertionError("no " + method + " reached " + name);
    }

    /** The last 200 this UE sent to an INVITE. */
    Response lastInviteAnswer() throws InterruptedException {
        Response ok = answered.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (ok == null) {
            throw new AssertionError(name + " answered no INVITE");
        }
        return ok;
    }

    /** The caller's dialog from its INVITE and the 2xx (RFC 3261 12.1.2: route set = Record-Route reversed). */
    Dialog callerDialog(Request invite, Response ok) {
        List<Address> routeSet = AddressListHeader.RECORD_ROUTE.read(ok);
        Collections.reverse(routeSet);
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        return new Dialog(callId(invite), from.getAddress().getURI(), from.getTag(), to.getAddress().getURI(),
                to.getTag(), ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getAddress().getURI(), routeSet,
                ((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }

    /** The callee's dialog from the INVITE received and its own 2xx (RFC 3261 12.1.1: Record-Route in order). */
    Dialog calleeDialog(Request invite, Response ok) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        return new Dialog(callId(invite), to.getAddress().getURI(), to.getTag(), from.getAddress().getURI(),
                from.getTag(), ((ContactHeader) invite.getHeader(ContactHeader.NAME)).getAddress().getURI(),
                AddressListHeader.RECORD_ROUTE.read(invite),
                ((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }

    /** ACK for the 2xx (RFC 3261 13.2.2.4), sent statelessly to the P-CSCF. */
    void ack(Dialog dialog) throws Exception {
        node.sendStatelessly(inDialog(dialog, Request.ACK, dialog.inviteCseq()), pcscf);
    }

    /** BYE in the dialog; the final response. */
    Response bye(Dialog dialog) throws Exception {
        return send(inDialog(dialog, Request.BYE, dialog.inviteCseq() + 1));
    }

    private Request inDialog(Dialog dialog, String method, long cseq) throws Exception {
        HeaderFactory headers = node.headers();
        FromHeader from = headers.createFromHeader(node.addresses().createAddress(dialog.local()),
                dialog.localTag());
        ToHeader to = headers.createToHeader(node.addresses().createAddress(dialog.remote()), dialog.remoteTag());
        Request request = node.messages().createRequest(dialog.remoteTarget(), method,
                headers.createCallIdHeader(dialog.callId()), headers.createCSeqHeader(cseq, method), from, to,
                new ArrayList<>(), headers.createMaxForwardsHeader(70));
        AddressListHeader.ROUTE.write(request, dialog.routeSet(), headers);
        return request;
    }

    /** Whether INVITEs are left ringing (180 only) until cancelled, instead of answered 200. */
    void holdInvites(boolean hold) {
        this.holding = hold;
    }

    /**
     * Sends an INVITE to the P-CSCF in a client transaction and returns it (for CANCEL); {@code finalResponse}
     * completes with the final response.
     */
    ClientTransaction invite(Request invite, CompletableFuture<Response> finalResponse) throws Exception {
        return node.send(invite, pcscf, WAIT, new ResponseCallback() {
            @Override
            public void finalResponse(Response response) {
                finalResponse.complete(response);
            }

            @Override
            public void failed(ClientFailure failure) {
                finalResponse.completeExceptionally(new AssertionError("INVITE failed: " + failure));
            }
        });
    }

    /** CANCEL of a pending INVITE (RFC 3261 9.1: built from the client transaction); the CANCEL's final response. */
    Response cancel(ClientTransaction invite) throws Exception {
        return node.request(invite.createCancel(), pcscf, WAIT).get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private void answerInvite(InboundRequest inbound) throws Exception {
        received.add((Request) inbound.request().clone());
        Response ringing = inbound.createResponse(Response.RINGING);
        ringing.addHeader(node.headers().createHeader("Contact", "<" + contactUri() + ">"));
        inbound.respond(ringing);
        if (holding) {
            held.put(callId(inbound.request()), inbound);
            return;
        }
        Response ok = inbound.createResponse(Response.OK);
        ok.addHeader(node.headers().createHeader("Contact", "<" + contactUri() + ">"));
        ok.addHeader(node.headers().createHeader("P-Asserted-Identity", SPOOFED_IDENTITY));
        answered.add((Response) ok.clone());
        inbound.respond(ok);
    }

    /** RFC 3261 9.2: 200 to the CANCEL, 487 to the INVITE it cancels. */
    private void answerCancel(InboundRequest inbound) throws Exception {
        received.add((Request) inbound.request().clone());
        inbound.respond(Response.OK);
        InboundRequest invite = held.remove(callId(inbound.request()));
        if (invite != null) {
            invite.respond(Response.REQUEST_TERMINATED);
        }
    }

    private void answerOk(InboundRequest inbound) throws Exception {
        received.add((Request) inbound.request().clone());
        Response ok = inbound.createResponse(Response.OK);
        ok.addHeader(node.headers().createHeader("P-Asserted-Identity", SPOOFED_IDENTITY));
        inbound.respond(ok);
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public void close() {
        node.close();
    }
}
