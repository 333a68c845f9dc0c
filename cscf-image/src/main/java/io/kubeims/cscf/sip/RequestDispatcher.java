package io.kubeims.cscf.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Routes received requests to one handler per method after the checks every CSCF makes first:
 * <ol>
 * <li>a header jain-sip could not parse (it delivers such requests with the header set aside) -> 400 with the
 * header named in the reason phrase and a Warning (RFC 3261 21.4.1, 20.43 code 399);</li>
 * <li>Max-Forwards 0 -> 483 Too Many Hops (RFC 3261 16.3 step 3), unless turned off for a pure UAS;</li>
 * <li>no handler: 405 with Allow for a method of RFC 3261 and its extensions, 501 with Allow for anything else
 * (RFC 3261 8.2.1, 21.5.2); ACK is dropped silently, never answered.</li>
 * </ol>
 * A handler that throws is answered 500 by the {@link SipNode}. Immutable; build with {@link #builder()}.
 */
public final class RequestDispatcher implements SipRequestHandler {

    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class);

    /** Methods of RFC 3261 and the extensions a CSCF meets (3262, 3265, 3311, 3428, 3515, 3903, 6086). */
    public static final Set<String> KNOWN_METHODS = Set.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.OPTIONS, Request.REGISTER, Request.PRACK, Request.SUBSCRIBE, Request.NOTIFY, Request.PUBLISH,
            Request.INFO, Request.REFER, Request.MESSAGE, Request.UPDATE);

    private final Map<String, SipRequestHandler> handlers;
    private final SipRequestHandler fallback;
    private final boolean checkMaxForwards;
    private final String allow;

    private RequestDispatcher(Builder builder) {
        this.handlers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.handlers));
        this.fallback = builder.fallback;
        this.checkMaxForwards = builder.checkMaxForwards;
        Set<String> allowed = new TreeSet<>(handlers.keySet());
        if (fallback != null) {
            allowed.addAll(KNOWN_METHODS);
        }
        this.allow = String.join(", ", allowed);
    }

    /** A builder with no handlers and the Max-Forwards check on. */
    public static Builder builder() {
        return new Builder();
    }

    /** The methods this dispatcher accepts, as written into Allow. */
    public String allow() {
        return allow;
    }

    @Override
    public void handle(InboundRequest inbound) throws Exception {
        Request request = inbound.request();
        boolean ack = Request.ACK.equals(inbound.method());
        Optional<String> malformed = firstUnparsedHeader(request);
        if (malformed.isPresent()) {
            if (ack) {
                LOG.debugf("ACK with malformed %s header dropped (Call-ID %s)", malformed.get(), inbound.callId());
                return;
            }
            String reason = "Malformed " + malformed.get() + " header";
            LOG.debugf("%s: 400 %s", inbound, reason);
            Response response = inbound.createResponse(Response.BAD_REQUEST, reason);
            response.addHeader(inbound.node().headers().createWarningHeader(inbound.node().host(), 399, reason));
            inbound.respond(response);
            return;
        }
        if (checkMaxForwards) {
            MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
            if (maxForwards != null && maxForwards.getMaxForwards() == 0) {
                if (!ack) {
                    inbound.respond(Response.TOO_MANY_HOPS);
                }
                return;
            }
        }
        SipRequestHandler handler = handlers.getOrDefault(inbound.method(), fallback);
        if (handler == null) {
            if (ack) {
                return;
            }
            boolean known = KNOWN_METHODS.contains(inbound.method());
            Response response = inbound.createResponse(known ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED);
            if (!allow.isEmpty()) {
                response.addHeader(inbound.node().headers().createAllowHeader(allow));
            }
            inbound.respond(response);
            return;
        }
        handler.handle(inbound);
    }

    /** The name of the first header jain-sip could not parse, if any. */
    static Optional<String> firstUnparsedHeader(Request request) {
        if (!(request instanceof SIPMessage message)) {
            return Optional.empty();
        }
        ListIterator<String> unparsed = message.getUnrecognizedHeaders();
        if (!unparsed.hasNext()) {
            return Optional.empty();
        }
        String line = unparsed.next();
        int colon = line.indexOf(':');
        String name = (colon > 0 ? line.substring(0, colon) : line).trim();
        // keep the reason phrase printable and short whatever the sender put there
        name = name.replaceAll("[^A-Za-z0-9._!%*+`'~-]", "");
        return Optional.of(name.isEmpty() ? "unnamed" : name.substring(0, Math.min(name.length(), 64)));
    }

    /** Collects handlers; not thread-safe, build once at wiring time. */
    public static final class Builder {

        private final Map<String, SipRequestHandler> handlers = new LinkedHashMap<>();
        private SipRequestHandler fallback;
        private boolean checkMaxForwards = true;

        private Builder() {
        }

        /**
         * The handler of one method, e.g. {@code REGISTER} (method names are case-sensitive, RFC 3261 7.1).
         *
         * @throws IllegalArgumentException when the method already has a handler or is not a SIP token
         */
        public Builder on(String method, SipRequestHandler handler) {
            if (method == null || !method.matches("[A-Za-z0-9.!%*_+`'~-]+")) {
                throw new IllegalArgumentException("not a SIP method token: " + method);
            }
            if (handlers.putIfAbsent(method, Objects.requireNonNull(handler, "handler")) != null) {
                throw new IllegalArgumentException("method " + method + " has a handler already");
            }
            return this;
        }

        /** The handler of every method without its own (e.g. a P-CSCF that proxies everything). */
        public Builder otherwise(SipRequestHandler handler) {
            this.fallback = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Whether Max-Forwards 0 is answered 483 before any handler (default true). A pure UAS may turn it off: RFC
         * 3261 only obliges proxies to check it.
         */
        public Builder checkMaxForwards(boolean check) {
            this.checkMaxForwards = check;
            return this;
        }

        public RequestDispatcher build() {
            return new RequestDispatcher(this);
        }
    }
}
