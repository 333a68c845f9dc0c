package io.kubeims.cscf.sip;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransportNotSupportedException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * One SIP stack (jain-sip RI) listening on UDP and TCP on one address and port, with the sending operations every
 * CSCF role needs: requests in a client transaction with a callback and a bound, requests and responses statelessly,
 * and inbound requests handed to a {@link SipRequestHandler} that can never throw into the stack.
 *
 * <p>Built as docs/jain-sip-notes.md proved: {@code new SipStackImpl(props)} (never {@code SipFactory.createSipStack},
 * which caches stacks by name), our loggers (no log4j), a unique STACK_NAME, dialog support off, re-entrant listener,
 * bounded UDP pool, the default (blocking I/O) message processor, and a close that wakes the non-daemon event scanner
 * thread that {@code stop()} leaves parked.
 *
 * <pre>{@code
 * SipNode node = new SipNode(SipNodeSettings.of("pcscf", "127.0.0.1", 0));
 * node.start(dispatcher, SipResponseHandler.DROP);
 * ... node.port() ...
 * node.close();
 * }</pre>
 */
public final class SipNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SipNode.class);
    private static final int BIND_ATTEMPTS = 10;

    private final SipNodeSettings settings;
    private final SipFactories factories;
    private final String stackName;
    private final Object lifecycle = new Object();

    private SipStackImpl stack;
    private SipProvider provider;
    private Events listener;
    private ScheduledExecutorService timer;
    private int port;
    private volatile boolean running;

    /** A node that does nothing until {@link #start}. */
    public SipNode(SipNodeSettings settings) {
        this(settings, SipFactories.create());
    }

    /** A node using the given factories (shared factories are fine: they are stateless). */
    public SipNode(SipNodeSettings settings, SipFactories factories) {
        this.settings = settings;
        this.factories = factories;
        this.stackName = settings.name() + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates the stack, binds UDP and TCP and starts delivering requests to {@code requests}; responses that match
     * no client transaction go to {@code strayResponses}. With port 0 in the settings, a free port is probed and
     * binding is retried when another process takes it first.
     *
     * @return this node
     * @throws SipNodeStartException when the address/port cannot be bound or the stack refuses its properties
     * @throws IllegalStateException when started twice
     */
    public SipNode start(SipRequestHandler requests, SipResponseHandler strayResponses) throws SipNodeStartException {
        synchronized (lifecycle) {
            if (stack != null) {
                throw new IllegalStateException("SIP node " + stackName + " already started");
            }
            SipStackImpl created;
            try {
                created = new BranchIndexedSipStack(stackProperties());
            } catch (javax.sip.PeerUnavailableException e) {
                throw new SipNodeStartException("jain-sip refused the properties of " + stackName, e);
            }
            try {
                ListeningPoint[] bound = bind(created);
                ListeningPoint udp = bound[0];
                ListeningPoint tcp = bound[1];
                SipProvider newProvider = created.createSipProvider(udp);
                newProvider.addListeningPoint(tcp);
                Events events = new Events(requests, strayResponses);
                newProvider.addSipListener(events);
                this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, stackName + "-client-timeouts");
                    thread.setDaemon(true);
                    return thread;
                });
                this.stack = created;
                this.provider = newProvider;
                this.listener = events;
                this.port = udp.getPort();
                this.running = true;
            } catch (SipNodeStartException e) {
                stopQuietly(created, null, null);
                throw e;
            } catch (Exception e) {
                stopQuietly(created, null, null);
                throw new SipNodeStartException("cannot listen on " + settings.host() + ":" + settings.port()
                        + " (udp+tcp): " + e.getMessage(), e);
            }
            LOG.debugf("SIP node %s listening on %s:%d udp+tcp", stackName, settings.host(), port);
            return this;
        }
    }

    /** Starts with a request handler only; stray responses are dropped. */
    public SipNode start(SipRequestHandler requests) throws SipNodeStartException {
        return start(requests, SipResponseHandler.DROP);
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JainSipStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JainSipMessageLogger.class.getName());
        // Proxies and registrars keep no dialogs; server transactions are created on demand for any method.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // The listener runs on the I/O worker thread: handlers must be thread-safe, but one slow request does not
        // hold up all others behind the single event scanner thread.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.udpThreads()));
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // NOTIFY outside a subscription of ours (reg-event through a proxy) must still get a server transaction.
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("javax.sip.ROUTER_PATH", NextHopRouter.class.getName());
        // MESSAGE_PROCESSOR_FACTORY stays the default (blocking I/O): the NIO one fails as a TCP client.
        return p;
    }

    /** Binds UDP and TCP on one port, probing free ports when the settings say 0 (jain-sip refuses port 0). */
    private ListeningPoint[] bind(SipStackImpl created) throws SipNodeStartException {
        InvalidArgumentException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int candidate = settings.port() > 0 ? settings.port() : freePort();
            ListeningPoint udp = null;
            try {
                udp = created.createListeningPoint(settings.host(), candidate, NextHop.UDP);
                ListeningPoint tcp = created.createListeningPoint(settings.host(), candidate, NextHop.TCP);
                return new ListeningPoint[] {udp, tcp};
            } catch (InvalidArgumentException | TransportNotSupportedException e) {
                // the port was taken between probe and bind (or is taken for good when configured)
                if (udp != null) {
                    try {
                        created.deleteListeningPoint(udp);
                    } catch (ObjectInUseException ignored) {
                        // not attached to a provider yet
                    }
                }
                last = e instanceof InvalidArgumentException invalid ? invalid
                        : new InvalidArgumentException(e.getMessage(), e);
                if (settings.port() > 0) {
                    break;
                }
            }
        }
        throw new SipNodeStartException("cannot bind " + settings.host() + ":" + settings.port() + " (udp+tcp)", last);
    }

    /** A port free for both UDP and TCP right now; racy by nature, hence the retry in {@link #bind}. */
    private int freePort() throws SipNodeStartException {
        try {
            InetAddress address = InetAddress.getByName(settings.host());
            for (int i = 0; i < 20; i++) {
                try (ServerSocket tcp = new ServerSocket(0, 1, address)) {
                    int candidate = tcp.getLocalPort();
                    try (DatagramSocket udp = new DatagramSocket(candidate, address)) {
                        return udp.getLocalPort();
                    } catch (IOException taken) {
                        // UDP side taken: next candidate
                    }
                }
            }
        } catch (IOException e) {
            throw new SipNodeStartException("cannot probe a free port on " + settings.host(), e);
        }
        throw new SipNodeStartException("no port free for both UDP and TCP on " + settings.host(), null);
    }

    /**
     * Stops the stack (about 1 s: jain-sip sleeps in stop) and releases all its threads, including the non-daemon
     * event scanner thread that {@code SipStack.stop()} leaves parked (docs/jain-sip-notes.md 1). Idempotent.
     */
    @Override
    public void close() {
        SipStackImpl toStop;
        SipProvider oldProvider;
        Events oldListener;
        synchronized (lifecycle) {
            if (stack == null || !running) {
                return;
            }
            running = false;
            toStop = stack;
            oldProvider = provider;
            oldListener = listener;
            timer.shutdownNow();
        }
        stopQuietly(toStop, oldProvider, oldListener);
        LOG.debugf("SIP node %s stopped", stackName);
    }

    private static void stopQuietly(SipStackImpl toStop, SipProvider oldProvider, SipListener oldListener) {
        EventScanner scanner = toStop.getEventScanner();
        if (oldProvider != null && oldListener != null) {
            oldProvider.removeSipListener(oldListener);
        }
        try {
            toStop.stop();
        } catch (RuntimeException e) {
            LOG.debug("jain-sip stop failed", e);
        }
        if (scanner != null) {
            // One harmless event wakes the scanner thread so that it sees it was stopped and ends; the listener is
            // gone, so nothing is delivered.
            SipProvider source = oldProvider;
            if (source == null) {
                var providers = toStop.getSipProviders();
                source = providers.hasNext() ? (SipProvider) providers.next() : null;
            }
            if (source != null) {
                scanner.addEvent(new EventWrapper(new TransactionTerminatedEvent(source, (ServerTransaction) null),
                        null));
            }
        }
    }

    /** Closes several nodes in parallel (each stop takes about 1 s) and returns when all are stopped. */
    public static void closeAll(Collection<SipNode> nodes) {
        List<Thread> stoppers = new ArrayList<>();
        for (SipNode node : nodes) {
            if (node != null) {
                Thread stopper = new Thread(node::close, "sip-node-close-" + node.stackName);
                stopper.setDaemon(true);
                stopper.start();
                stoppers.add(stopper);
            }
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- identity ----

    /** The settings this node was built with. */
    public SipNodeSettings settings() {
        return settings;
    }

    /** The jain-sip STACK_NAME; jain-sip's thread names start with it. */
    public String stackName() {
        return stackName;
    }

    /** The bound address as written into Via, Record-Route and Path. */
    public String host() {
        return settings.host();
    }

    /** The bound port (the probed one when the settings said 0). */
    public int port() {
        requireStarted();
        return port;
    }

    /** True between a successful start and close. */
    public boolean isRunning() {
        return running;
    }

    /** The local address, for peers. */
    public InetSocketAddress address() {
        return new InetSocketAddress(settings.host(), port());
    }

    /** The JAIN SIP factories. */
    public SipFactories factories() {
        return factories;
    }

    /** Shortcut for {@code factories().messages()}. */
    public MessageFactory messages() {
        return factories.messages();
    }

    /** Shortcut for {@code factories().headers()}. */
    public HeaderFactory headers() {
        return factories.headers();
    }

    /** Shortcut for {@code factories().addresses()}. */
    public AddressFactory addresses() {
        return factories.addresses();
    }

    /**
     * A SIP URI of this node, {@code sip:[user@]host:port[;transport=tcp];lr}, for Record-Route, Path and
     * Service-Route (RFC 3261 16.6 step 4, RFC 3327, RFC 3608).
     *
     * @param transport {@code udp} (no parameter written) or {@code tcp}
     * @param user      a user part marking the entry (e.g. {@code term}, {@code orig}), or null
     */
    public SipURI uri(String transport, String user) {
        try {
            SipURI uri = factories.addresses().createSipURI(user, settings.host());
            uri.setPort(port());
            if (NextHop.TCP.equalsIgnoreCase(transport)) {
                uri.setTransportParam(NextHop.TCP);
            }
            uri.setLrParam();
            return uri;
        } catch (ParseException e) {
            throw new IllegalArgumentException("user part refused: " + user, e);
        }
    }

    /** {@link #uri} as a name-addr. */
    public Address address(String transport, String user) {
        return factories.addresses().createAddress(uri(transport, user));
    }

    /**
     * True when the URI names this node: a SIP URI whose host is our host or an alias and whose port (5060 when
     * absent) is ours (RFC 3261 16.4: "a value the proxy placed into a Record-Route").
     */
    public boolean isLocal(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        String host = sip.getMAddrParam() != null ? sip.getMAddrParam() : sip.getHost();
        return isLocal(host, sip.getPort());
    }

    /** True when the Via sent-by is this node (RFC 3261 16.7 step 3, 18.1.2). */
    public boolean isLocal(ViaHeader via) {
        return via != null && isLocal(via.getHost(), via.getPort());
    }

    private boolean isLocal(String host, int uriPort) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int p = uriPort > 0 ? uriPort : 5060;
        if (h.equals(settings.hostKey()) && p == port()) {
            return true;
        }
        for (String alias : settings.aliases()) {
            String a = alias.toLowerCase(Locale.ROOT);
            int colon = a.lastIndexOf(':');
            String aliasHost = colon > 0 ? a.substring(0, colon) : a;
            int aliasPort = colon > 0 ? Integer.parseInt(a.substring(colon + 1)) : port();
            if (h.equals(aliasHost) && p == aliasPort) {
                return true;
            }
        }
        return false;
    }

    /** A Via of this node for the given transport with the given branch. */
    public ViaHeader createVia(String transport, String branch) {
        try {
            return factories.headers().createViaHeader(settings.host(), port(), transport.toUpperCase(Locale.ROOT),
                    branch);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build a Via for " + transport + " with branch " + branch, e);
        }
    }

    // ---- routing ----

    /**
     * Decides where {@code request} goes and attaches that to it, so that the stack sends it exactly there: the
     * given hop, else the top Route (RFC 3261 16.6 step 6-7 and 8.1.2; a strict router without {@code lr} gets the
     * Request-URI moved to the end of the Route set), else the Request-URI.
     *
     * @param explicit a next hop chosen by the role (I-CSCF: the S-CSCF from the UAR), or null
     * @throws SipSendException when nothing routable is left (a non-SIP Request-URI with no Route)
     */
    public NextHop route(Request request, NextHop explicit) throws SipSendException {
        NextHop hop;
        if (explicit != null) {
            hop = explicit;
        } else {
            try {
                hop = routeByHeaders(request);
            } catch (InvalidNextHopException e) {
                throw new SipSendException("cannot route " + describe(request) + ": " + e.getMessage(), e);
            }
        }
        ((SIPRequest) request).setApplicationData(hop);
        return hop;
    }

    private NextHop routeByHeaders(Request request) throws SipSendException {
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (top != null) {
            if (!(top.getAddress().getURI() instanceof SipURI routeUri)) {
                throw new SipSendException("cannot route " + describe(request) + ": top Route is not a SIP URI");
            }
            if (!routeUri.hasLrParam()) {
                // RFC 3261 16.6 step 6: the next hop is a strict router
                request.removeFirst(RouteHeader.NAME);
                try {
                    request.addLast(factories.headers().createRouteHeader(
                            factories.addresses().createAddress(request.getRequestURI())));
                } catch (SipException e) {
                    throw new SipSendException("cannot move the Request-URI of " + describe(request)
                            + " into the Route set", e);
                }
                request.setRequestURI((SipURI) routeUri.clone());
            }
            return NextHop.of(routeUri);
        }
        if (request.getRequestURI() instanceof SipURI target) {
            return NextHop.of(target);
        }
        throw new SipSendException("cannot route " + describe(request) + ": Request-URI "
                + request.getRequestURI().getScheme() + " is not a SIP URI and there is no Route");
    }

    // ---- sending ----

    /**
     * Sends a request in a new client transaction to the default next hop (Route, then Request-URI), bounded by the
     * settings' client timeout. Adds our Via (fresh branch) when the request has none and Max-Forwards 70 when it
     * has none (RFC 3261 8.1.1.6-7).
     */
    public ClientTransaction send(Request request, ResponseCallback callback) throws SipSendException {
        return send(request, null, null, callback);
    }

    /**
     * Sends a request in a new client transaction.
     *
     * @param nextHop  where to send it, or null for Route/Request-URI routing
     * @param timeout  when to give up waiting for a final response ({@link ClientFailure#TIMEOUT}), or null for the
     *                 settings' default; for INVITE the bound ends with the first provisional response above 100
     * @param callback receives the responses or the failure
     * @throws SipSendException when the request cannot be sent at all (the callback is then not called)
     */
    public ClientTransaction send(Request request, NextHop nextHop, Duration timeout, ResponseCallback callback)
            throws SipSendException {
        requireRunning();
        NextHop hop = prepareOutgoing(request, nextHop);
        ClientTransaction transaction;
        try {
            transaction = provider.getNewClientTransaction(request);
        } catch (SipException | RuntimeException e) {
            throw new SipSendException("no client transaction for " + describe(request) + ": " + e.getMessage(), e);
        }
        ClientExchange exchange = new ClientExchange(request.getMethod(), callId(request), callback);
        transaction.setApplicationData(exchange);
        try {
            transaction.sendRequest();
        } catch (SipException | RuntimeException e) {
            exchange.abandon();
            throw new SipSendException("cannot send " + describe(request) + " to " + hop + ": " + e.getMessage(), e);
        }
        exchange.arm(transaction, timer, timeout == null ? settings.clientTimeout() : timeout);
        return transaction;
    }

    /**
     * Sends a request in a new client transaction; the future completes with the final response, or exceptionally
     * with {@link TransactionFailedException} (no final response) or {@link SipSendException} (not sent).
     */
    public CompletableFuture<Response> request(Request request, NextHop nextHop, Duration timeout) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        String method = request.getMethod();
        String callId = callId(request);
        try {
            send(request, nextHop, timeout, new ResponseCallback() {
                @Override
                public void finalResponse(Response response) {
                    result.complete(response);
                }

                @Override
                public void failed(ClientFailure failure) {
                    result.completeExceptionally(new TransactionFailedException(method, callId, failure));
                }
            });
        } catch (SipSendException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Sends a request without a client transaction (stateless proxy, ACK for a 2xx). */
    public void sendStatelessly(Request request, NextHop nextHop) throws SipSendException {
        requireRunning();
        NextHop hop = prepareOutgoing(request, nextHop);
        try {
            provider.sendRequest(request);
        } catch (SipException | RuntimeException e) {
            throw new SipSendException("cannot send " + describe(request) + " to " + hop + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends a response without a server transaction: to the top Via's received/rport (RFC 3261 18.2.2, RFC 3581),
     * over the cached TCP connection when the Via says TCP.
     */
    public void sendStatelessly(Response response) throws SipSendException {
        requireRunning();
        try {
            provider.sendResponse(response);
        } catch (SipException | RuntimeException e) {
            throw new SipSendException("cannot send " + response.getStatusCode() + " (Call-ID " + callId(response)
                    + "): " + e.getMessage(), e);
        }
    }

    private NextHop prepareOutgoing(Request request, NextHop nextHop) throws SipSendException {
        NextHop hop = route(request, nextHop);
        if (request.getHeader(MaxForwardsHeader.NAME) == null) {
            try {
                request.addHeader(factories.headers().createMaxForwardsHeader(70));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }
        if (request.getHeader(ViaHeader.NAME) == null) {
            request.addHeader(createVia(hop.transport(), ViaBranch.random()));
        }
        return hop;
    }

    SipProvider provider() {
        requireRunning();
        return provider;
    }

    private void requireStarted() {
        if (stack == null) {
            throw new IllegalStateException("SIP node " + stackName + " not started");
        }
    }

    private void requireRunning() {
        if (!running) {
            throw new IllegalStateException("SIP node " + stackName + " is not running");
        }
    }

    static String callId(javax.sip.message.Message message) {
        CallIdHeader header = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }

    private static String describe(Request request) {
        return request.getMethod() + " (Call-ID " + callId(request) + ")";
    }

    @Override
    public String toString() {
        return stackName + (running ? " on " + settings.host() + ":" + port : " (stopped)");
    }

    /**
     * The boundary with jain-sip: nothing thrown by our handlers, callbacks or sends may reach the stack (it would
     * log it and send nothing, docs/jain-sip-notes.md 4).
     */
    private final class Events implements SipListener {

        private final SipRequestHandler requests;
        private final SipResponseHandler strays;

        Events(SipRequestHandler requests, SipResponseHandler strays) {
            this.requests = requests;
            this.strays = strays;
        }

        @Override
        public void processRequest(RequestEvent event) {
            InboundRequest inbound;
            try {
                inbound = new InboundRequest(SipNode.this, event);
            } catch (RuntimeException e) {
                LOG.debug("request dropped: cannot wrap it", e);
                return;
            }
            try {
                requests.handle(inbound);
            } catch (DuplicateRequestException e) {
                LOG.debugf("%s: %s", inbound, e.getMessage());
            } catch (SipSendException e) {
                LOG.debugf("%s: %s", inbound, e.getMessage());
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                LOG.errorf(e, "handler failed on %s %s (Call-ID %s): %s", inbound.method(),
                        inbound.request().getRequestURI(), inbound.callId(), e);
                answerServerError(inbound);
            }
        }

        private void answerServerError(InboundRequest inbound) {
            if (Request.ACK.equals(inbound.method()) || inbound.finalResponseSent()) {
                return;
            }
            try {
                inbound.respond(Response.SERVER_INTERNAL_ERROR);
            } catch (Exception | LinkageError | AssertionError e) {
                LOG.debugf("cannot send 500 for Call-ID %s: %s", inbound.callId(), e);
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
            Response response = event.getResponse();
            try {
                ClientTransaction transaction = event.getClientTransaction();
                if (transaction != null && transaction.getApplicationData() instanceof ClientExchange exchange) {
                    exchange.onResponse(response);
                } else {
                    strays.handle(response, SipNode.this);
                }
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                LOG.errorf(e, "response handling failed on %d (Call-ID %s): %s", response.getStatusCode(),
                        callId(response), e);
            }
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            try {
                if (!event.isServerTransaction() && event.getClientTransaction() != null
                        && event.getClientTransaction().getApplicationData() instanceof ClientExchange exchange) {
                    exchange.onFailure(ClientFailure.TIMEOUT);
                } else if (event.isServerTransaction() && event.getServerTransaction() != null) {
                    LOG.debugf("server transaction timed out: %s", event.getServerTransaction().getBranchId());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "timeout handling failed: %s", e);
            }
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            LOG.debugf("I/O error towards %s:%d/%s", event.getHost(), event.getPort(), event.getTransport());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
            if (!event.isServerTransaction() && event.getClientTransaction() != null
                    && event.getClientTransaction().getApplicationData() instanceof ClientExchange exchange) {
                exchange.terminated();
            }
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
            // dialog support is off
        }
    }
}
