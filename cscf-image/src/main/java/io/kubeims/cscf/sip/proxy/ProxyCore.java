package io.kubeims.cscf.sip.proxy;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.ViaBranch;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The proxy steps of RFC 3261 16 as small operations on one {@link SipNode}, shared by the stateful and stateless
 * proxies and usable one by one by a role that needs to deviate (e.g. the S-CSCF changing the Request-URI between
 * {@link #prepare} and forwarding).
 */
public final class ProxyCore {

    /** Max-Forwards put on a request that had none (RFC 3261 16.6 step 3). */
    public static final int DEFAULT_MAX_FORWARDS = 70;

    private final SipNode node;

    public ProxyCore(SipNode node) {
        this.node = node;
    }

    /** The node this core works on. */
    public SipNode node() {
        return node;
    }

    /**
     * RFC 3261 16.3 and 16.4 for a received request: answers 483 (Max-Forwards 0) or 482 (loop) itself and returns
     * empty; otherwise returns the copy to forward, with Max-Forwards decremented (or set to 70) and our own Route
     * entries removed. The received request is left untouched (its server transaction refers to it).
     */
    public Optional<Request> prepare(InboundRequest inbound) throws SipSendException {
        Request received = inbound.request();
        boolean ack = Request.ACK.equals(received.getMethod());
        if (maxForwardsExhausted(received)) {
            if (!ack) {
                inbound.respond(Response.TOO_MANY_HOPS);
            }
            return Optional.empty();
        }
        if (isLoop(received)) {
            if (!ack) {
                inbound.respond(Response.LOOP_DETECTED);
            }
            return Optional.empty();
        }
        Request copy = (Request) received.clone();
        decrementMaxForwards(copy);
        popOwnRoutes(copy);
        return Optional.of(copy);
    }

    /** True when Max-Forwards is 0 (RFC 3261 16.3 step 3). A missing header is not exhausted. */
    public boolean maxForwardsExhausted(Request request) {
        MaxForwardsHeader header = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        return header != null && header.getMaxForwards() <= 0;
    }

    /** Decrements Max-Forwards, or adds 70 when absent (RFC 3261 16.6 step 3). */
    public void decrementMaxForwards(Request copy) {
        MaxForwardsHeader header = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
        try {
            if (header == null) {
                copy.setHeader(node.headers().createMaxForwardsHeader(DEFAULT_MAX_FORWARDS));
            } else {
                header.decrementMaxForwards();
            }
        } catch (InvalidArgumentException | javax.sip.header.TooManyHopsException e) {
            throw new IllegalStateException("Max-Forwards already checked", e);
        }
    }

    /**
     * Loop detection (RFC 3261 16.3 step 4): a Via of ours whose branch carries the loop key this request has now
     * means it came back unchanged (482); a Via of ours with another key is a spiral (e.g. back from an AS with a
     * new Route) and may go on.
     */
    public boolean isLoop(Request received) {
        String key = null;
        for (ListIterator<?> it = received.getHeaders(ViaHeader.NAME); it.hasNext(); ) {
            ViaHeader via = (ViaHeader) it.next();
            if (node.isLocal(via)) {
                Optional<String> previous = ViaBranch.loopKeyOf(via.getBranch());
                if (previous.isPresent()) {
                    if (key == null) {
                        key = ViaBranch.loopKey(received);
                    }
                    if (previous.get().equals(key)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Removes the Route entries naming this node from the top (RFC 3261 16.4; both entries of a double
     * Record-Route, RFC 5658); and when the Request-URI is ours while Route entries remain (the previous hop was a
     * strict router) restores the Request-URI from the last Route.
     *
     * @return how many Route entries were removed
     */
    public int popOwnRoutes(Request copy) {
        int removed = 0;
        RouteHeader top = (RouteHeader) copy.getHeader(RouteHeader.NAME);
        while (top != null && node.isLocal(top.getAddress().getURI())) {
            copy.removeFirst(RouteHeader.NAME);
            removed++;
            top = (RouteHeader) copy.getHeader(RouteHeader.NAME);
        }
        if (node.isLocal(copy.getRequestURI()) && top != null) {
            List<Header> routes = new ArrayList<>();
            for (ListIterator<?> it = copy.getHeaders(RouteHeader.NAME); it.hasNext(); ) {
                routes.add((Header) it.next());
            }
            RouteHeader last = (RouteHeader) routes.remove(routes.size() - 1);
            copy.setRequestURI(last.getAddress().getURI());
            copy.removeHeader(RouteHeader.NAME);
            for (Header route : routes) {
                try {
                    copy.addLast(route);
                } catch (SipException e) {
                    throw new IllegalStateException("Route refused by jain-sip", e);
                }
            }
            removed++;
        }
        return removed;
    }

    /**
     * Adds Record-Route (RFC 3261 16.6 step 4). When the request changes transport, two entries, one per side
     * (RFC 5658 double Record-Route): the one facing the next hop on top, so that each side reaches us over its
     * own transport; both are popped by {@link #popOwnRoutes}.
     */
    public void recordRoute(Request copy, String inboundTransport, String outboundTransport, String user) {
        try {
            if (inboundTransport.equalsIgnoreCase(outboundTransport)) {
                copy.addFirst(node.headers().createRecordRouteHeader(node.address(outboundTransport, user)));
                return;
            }
            copy.addFirst(node.headers().createRecordRouteHeader(explicitTransport(inboundTransport, user)));
            copy.addFirst(node.headers().createRecordRouteHeader(explicitTransport(outboundTransport, user)));
        } catch (SipException e) {
            throw new IllegalStateException("Record-Route refused by jain-sip", e);
        }
    }

    private Address explicitTransport(String transport, String user) {
        SipURI uri = node.uri(transport, user);
        try {
            uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
        } catch (ParseException e) {
            throw new IllegalArgumentException("transport refused: " + transport, e);
        }
        return node.addresses().createAddress(uri);
    }

    /** Adds our Path entry on top (RFC 3327 5.1), with the transport of the side facing the registrar. */
    public void addPath(Request copy, String outboundTransport, String user) {
        try {
            copy.addFirst(node.headers().createHeader("Path", "<" + node.uri(outboundTransport, user) + ">"));
        } catch (ParseException | SipException e) {
            throw new IllegalStateException("Path refused by jain-sip", e);
        }
    }

    /** Adds our Via on top (RFC 3261 16.6 step 8). */
    public ViaHeader addVia(Request copy, String transport, String branch) {
        ViaHeader via = node.createVia(transport, branch);
        try {
            copy.addFirst(via);
        } catch (SipException e) {
            throw new IllegalStateException("Via refused by jain-sip", e);
        }
        return via;
    }

    /**
     * Removes our Via from a response (RFC 3261 16.7 step 3).
     *
     * @return true when a Via remains to relay to; false when the top Via was not ours (RFC 3261 18.1.2: drop) or
     *         none is left (the response was for this node as a client)
     */
    public boolean removeOwnVia(Response response) {
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (!node.isLocal(top)) {
            return false;
        }
        response.removeFirst(ViaHeader.NAME);
        return response.getHeader(ViaHeader.NAME) != null;
    }

    /**
     * Applies the {@link Forwarding} (next hop, Record-Route, Path) and our Via with the given branch; returns the
     * hop the request is now bound to.
     */
    NextHop applyForwarding(InboundRequest inbound, Request copy, Forwarding forwarding, String branch)
            throws SipSendException {
        NextHop hop = node.route(copy, forwarding.nextHop());
        if (forwarding.recordRoute()) {
            recordRoute(copy, inbound.transport(), hop.transport(), forwarding.recordRouteUser());
        }
        if (forwarding.path()) {
            addPath(copy, hop.transport(), forwarding.pathUser());
        }
        addVia(copy, hop.transport(), branch);
        return hop;
    }
}
