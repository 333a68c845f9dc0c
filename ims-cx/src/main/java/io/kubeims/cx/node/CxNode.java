package io.kubeims.cx.node;

import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.client.CxNoConnectionException;
import io.kubeims.cx.client.CxPoolAnswer;
import io.kubeims.cx.client.CxPoolClient;
import io.kubeims.cx.client.CxPoolUnavailableException;
import io.kubeims.cx.client.CxSendException;
import io.kubeims.cx.client.CxTimeoutException;
import io.kubeims.cx.client.ScscfPool;
import io.kubeims.cx.codec.CxCodec;
import io.kubeims.cx.codec.CxDecodeException;
import io.kubeims.cx.codec.CxDecoded;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxHssRequest;
import io.kubeims.cx.message.CxRequest;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.CxScscfRequest;
import io.kubeims.cx.server.CxHssHandler;
import io.kubeims.cx.server.CxRequestDispatcher;
import io.kubeims.cx.server.CxScscfHandler;
import io.kubeims.protocol.cx.CxApplication;
import io.kubeims.protocol.cx.DiameterResultCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdiameter.api.Answer;
import org.jdiameter.api.ApplicationId;
import org.jdiameter.api.DisconnectCause;
import org.jdiameter.api.EventListener;
import org.jdiameter.api.Network;
import org.jdiameter.api.Peer;
import org.jdiameter.api.PeerState;
import org.jdiameter.api.PeerTable;
import org.jdiameter.api.Request;
import org.jdiameter.api.RouteException;
import org.jdiameter.api.Session;
import org.jdiameter.api.SessionFactory;
import org.jdiameter.server.impl.StackImpl;
import org.jdiameter.server.impl.helpers.XMLConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Diameter node speaking Cx (TS 29.229 over RFC 6733) on a jdiameter 1.7.1 stack: the HSS (serves UAR/MAR/
 * SAR/LIR, sends RTR/PPR to S-CSCF pools) or a CSCF (sends UAR/MAR/SAR/LIR, an S-CSCF serves RTR/PPR).
 *
 * <p>Life cycle: construct, {@link #start()}, use, {@link #close()}. Close stops the stack (DPR to the peers), then
 * shuts down every jdiameter executor, including the one jdiameter's own stop forgets, so no non-daemon thread
 * is left (docs/jdiameter-notes.md section 7). Sending before start or after close fails the future with
 * {@link CxNoConnectionException}.
 *
 * <p>Inbound requests are answered by one {@link CxRequestDispatcher} on jdiameter's peer threads: handlers must
 * not block long. Futures of sent requests complete on jdiameter threads too.
 */
public final class CxNode implements CxClient, CxPoolClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CxNode.class);
    private static final ApplicationId CX =
            ApplicationId.createByAuthAppId(CxApplication.VENDOR_ID_3GPP, CxApplication.CX_DX_APPLICATION_ID);
    /** Extra time after the request timeout before a request jdiameter never reported on is failed by us. */
    private static final long BACKSTOP_MILLIS = 1000;
    private static final long READY_POLL_MILLIS = 10;
    private static final int PROBE_CONNECT_MILLIS = 200;

    private enum State { NEW, RUNNING, CLOSED }

    private final CxNodeSettings settings;
    private final CxCodec codec;
    private final CxRequestDispatcher dispatcher;
    private final AtomicInteger poolCursor = new AtomicInteger();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private State state = State.NEW;
    private volatile StackImpl stack;
    private volatile SessionFactory sessions;

    /**
     * @param settings     the node's identity, addresses and timeouts
     * @param hssHandler   serves UAR/MAR/SAR/LIR (the HSS), or null
     * @param scscfHandler serves RTR/PPR (an S-CSCF), or null
     */
    public CxNode(CxNodeSettings settings, CxHssHandler hssHandler, CxScscfHandler scscfHandler) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.settings = settings;
        this.codec = new CxCodec(settings.originHost(), settings.realm());
        this.dispatcher = new CxRequestDispatcher(codec, hssHandler, scscfHandler);
    }

    /** An HSS node. */
    public static CxNode hss(CxNodeSettings settings, CxHssHandler handler) {
        return new CxNode(settings, requireHandler(handler), null);
    }

    /** An S-CSCF node. */
    public static CxNode scscf(CxNodeSettings settings, CxScscfHandler handler) {
        return new CxNode(settings, null, requireHandler(handler));
    }

    /** A node serving no Cx command (an I-CSCF): every inbound Cx request is answered 3001. */
    public static CxNode client(CxNodeSettings settings) {
        return new CxNode(settings, null, null);
    }

    public CxNodeSettings settings() {
        return settings;
    }

    /**
     * Starts the stack and waits, at most {@link CxNodeSettings#startTimeout()}, until it is ready: on a node
     * without peers to connect to (the HSS) until its socket accepts connections, on a CSCF until one of its
     * peers is OKAY. When the wait runs out the node stays up and keeps connecting (every reconnectInterval).
     *
     * @return whether the node was ready within the start timeout
     * @throws CxNodeException       when the stack cannot be configured or started (the node is then closed)
     * @throws IllegalStateException when called twice or after close
     */
    public boolean start() throws CxNodeException {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("node " + settings.originHost() + " was already started");
            }
            StackImpl created = new StackImpl();
            try {
                String xml = JdiameterServerConfiguration.xml(settings);
                SessionFactory factory = created.init(
                        new XMLConfiguration(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
                // before start, so that CER/CEA advertise the application (docs/jdiameter-notes.md section 3)
                created.unwrap(Network.class).addNetworkReqListener(dispatcher, CX);
                created.start();
                stack = created;
                sessions = factory;
                state = State.RUNNING;
            } catch (Exception e) {
                state = State.CLOSED;
                shutdown(created);
                throw new CxNodeException("could not start the Diameter stack of " + settings.originHost(), e);
            }
        }
        boolean ready = settings.hssPeers().isEmpty() ? awaitListening() : awaitPeer();
        LOG.info("Cx node {} started on {}:{} ({})", settings.originHost(), settings.bindAddress(), settings.port(),
                ready ? "ready" : "not ready yet, still trying");
        return ready;
    }

    public boolean isRunning() {
        synchronized (lifecycle) {
            return state == State.RUNNING;
        }
    }

    /** The peers in state OKAY that share the Cx application with this node (the HSS sees its CSCFs here). */
    public List<CxPeer> connectedPeers() {
        StackImpl current = stack;
        if (current == null) {
            return List.of();
        }
        List<CxPeer> connected = new ArrayList<>();
        try {
            for (Peer peer : current.unwrap(PeerTable.class).getPeerTable()) {
                if (peer.getState(PeerState.class) == PeerState.OKAY && peer.getCommonApplications().contains(CX)) {
                    connected.add(new CxPeer(peer.getUri().getFQDN(), peer.getRealmName()));
                }
            }
        } catch (Exception e) {
            LOG.debug("peer table of {} not readable", settings.originHost(), e);
            return List.of();
        }
        return connected;
    }

    @Override
    public <A extends CxAnswer> CompletableFuture<A> send(CxHssRequest<A> request) {
        return answerOf(exchange(request, null));
    }

    @Override
    public <A extends CxAnswer> CompletableFuture<A> send(CxHssRequest<A> request, String hssHost) {
        return answerOf(exchange(request, requireHost(hssHost)));
    }

    /** Sends an RTR or PPR to one S-CSCF, named by its Origin-Host (Destination-Host, mandatory for these). */
    public <A extends CxAnswer> CompletableFuture<A> send(CxScscfRequest<A> request, String scscfHost) {
        return answerOf(exchange(request, requireHost(scscfHost)));
    }

    @Override
    public <A extends CxAnswer> CompletableFuture<CxPoolAnswer<A>> sendToPool(String serverName,
                                                                             CxScscfRequest<A> request) {
        ScscfPool pool = ScscfPool.ofServerName(serverName);
        if (request == null) {
            throw new IllegalArgumentException("request is required");
        }
        List<CxPeer> replicas = new ArrayList<>();
        for (CxPeer peer : connectedPeers()) {
            if (pool.contains(peer.host())) {
                replicas.add(peer);
            }
        }
        CompletableFuture<CxPoolAnswer<A>> result = new CompletableFuture<>();
        if (replicas.isEmpty()) {
            result.completeExceptionally(new CxPoolUnavailableException(serverName, List.of()));
            return result;
        }
        // a stable order, rotated per call: successive requests start at successive replicas
        replicas.sort(Comparator.comparing(CxPeer::host));
        int first = Math.floorMod(poolCursor.getAndIncrement(), replicas.size());
        List<CxPeer> order = new ArrayList<>(replicas.subList(first, replicas.size()));
        order.addAll(replicas.subList(0, first));
        tryReplica(serverName, request, order, 0, new ArrayList<>(), result);
        return result;
    }

    private <A extends CxAnswer> void tryReplica(String serverName, CxScscfRequest<A> request, List<CxPeer> order,
                                                 int index, List<CxPoolUnavailableException.Attempt> attempts,
                                                 CompletableFuture<CxPoolAnswer<A>> result) {
        CxPeer replica = order.get(index);
        exchange(request, replica.realm(), replica.host()).whenComplete((decoded, failure) -> {
            String outcome;
            if (failure == null) {
                CxResult answered = decoded.message().result();
                if (!answered.is(DiameterResultCode.UNABLE_TO_DELIVER) && !answered.is(DiameterResultCode.TOO_BUSY)) {
                    result.complete(new CxPoolAnswer<>(replica.host(), decoded.message()));
                    return;
                }
                outcome = "answered " + answered.code();
            } else if (failure instanceof CxTimeoutException || failure instanceof CxNoConnectionException) {
                outcome = failure.getMessage();
            } else {
                result.completeExceptionally(failure);
                return;
            }
            attempts.add(new CxPoolUnavailableException.Attempt(replica.host(), outcome));
            LOG.debug("{} to pool {}: replica {} {}; {}", request.command().requestAbbreviation(), serverName,
                    replica.host(), outcome, index + 1 < order.size() ? "trying the next" : "none left");
            if (index + 1 < order.size()) {
                tryReplica(serverName, request, order, index + 1, attempts, result);
            } else {
                result.completeExceptionally(new CxPoolUnavailableException(serverName, attempts));
            }
        });
    }

    /**
     * Stops the stack: DPR to the peers (waiting at most stopTimeout), then every jdiameter executor; fails the
     * requests still waiting for answers. Idempotent.
     */
    @Override
    public void close() {
        StackImpl stopping;
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            stopping = stack;
            stack = null;
            sessions = null;
        }
        if (stopping != null) {
            shutdown(stopping);
        }
        for (CompletableFuture<?> waiting : pending) {
            waiting.completeExceptionally(
                    new CxNoConnectionException("node " + settings.originHost() + " was closed", null));
        }
        LOG.info("Cx node {} stopped", settings.originHost());
    }

    // ---- sending ----

    private <A extends CxAnswer> CompletableFuture<CxDecoded<A>> exchange(CxRequest<A> request,
                                                                         String destinationHost) {
        return exchange(request, settings.realm(), destinationHost);
    }

    private <A extends CxAnswer> CompletableFuture<CxDecoded<A>> exchange(CxRequest<A> request,
                                                                         String destinationRealm,
                                                                         String destinationHost) {
        if (request == null) {
            throw new IllegalArgumentException("request is required");
        }
        CompletableFuture<CxDecoded<A>> decoded = new CompletableFuture<>();
        exchange(request.command().code(), destinationRealm, destinationHost,
                target -> codec.encodeRequest(request, target)).whenComplete((answer, failure) -> {
                    if (failure instanceof TimeoutException) {
                        decoded.completeExceptionally(new CxTimeoutException("no answer to "
                                + request.command().requestAbbreviation() + " (no report from the stack)"));
                        return;
                    }
                    if (failure != null) {
                        decoded.completeExceptionally(failure);
                        return;
                    }
                    try {
                        CxDecoded<A> received = codec.decodeAnswer(request, answer);
                        LOG.debug("Session-Id {}: {} answered {} by {}", received.envelope().sessionId(),
                                request.command().requestAbbreviation(), received.message().result(),
                                received.envelope().originHost());
                        decoded.complete(received);
                    } catch (CxDecodeException | RuntimeException e) {
                        decoded.completeExceptionally(e);
                    }
                });
        return decoded;
    }

    /**
     * Sends a request jdiameter creates (Session-Id, Vendor-Specific-Application-Id, Origin and Destination AVPs)
     * and {@code filler} completes; the answer as received. Fails with CxTimeoutException, CxNoConnectionException,
     * CxSendException, or a java.util.concurrent.TimeoutException from the backstop. Package-private: tests send
     * malformed requests with it.
     */
    CompletableFuture<Answer> exchange(int commandCode, String destinationRealm, String destinationHost,
                                       Consumer<Request> filler) {
        CompletableFuture<Answer> future = new CompletableFuture<>();
        SessionFactory factory = sessions;
        if (factory == null || !isRunning()) {
            future.completeExceptionally(
                    new CxNoConnectionException("node " + settings.originHost() + " is not running", null));
            return future;
        }
        String target = destinationHost == null ? "realm " + destinationRealm : destinationHost;
        long timeoutMillis = settings.requestTimeout().toMillis();
        Session session;
        try {
            session = factory.getNewSession();
        } catch (Exception e) {
            future.completeExceptionally(new CxSendException("no Diameter session for a request to " + target, e));
            return future;
        }
        pending.add(future);
        future.whenComplete((answer, failure) -> {
            pending.remove(future);
            try {
                session.release();
            } catch (RuntimeException e) {
                LOG.debug("session release on {}: {}", settings.originHost(), e.toString());
            }
        });
        try {
            Request request = destinationHost == null
                    ? session.createRequest(commandCode, CX, destinationRealm)
                    : session.createRequest(commandCode, CX, destinationRealm, destinationHost);
            filler.accept(request);
            session.send(request, new EventListener<Request, Answer>() {
                @Override
                public void receivedSuccessMessage(Request sent, Answer answer) {
                    future.complete(answer);
                }

                @Override
                public void timeoutExpired(Request sent) {
                    future.completeExceptionally(new CxTimeoutException(
                            "no answer from " + target + " within " + timeoutMillis + " ms"));
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RouteException e) {
            future.completeExceptionally(new CxNoConnectionException("no connection to " + target, e));
            return future;
        } catch (Exception e) {
            future.completeExceptionally(new CxSendException("could not send to " + target, e));
            return future;
        }
        // should jdiameter never report (its timer gone with a stopping stack), the request still ends; the
        // backstop timer is cancelled when the future completes first
        return future.orTimeout(timeoutMillis + BACKSTOP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static <A extends CxAnswer> CompletableFuture<A> answerOf(CompletableFuture<CxDecoded<A>> decoded) {
        return decoded.thenApply(CxDecoded::message);
    }

    // ---- life cycle ----

    private boolean awaitListening() {
        String address = settings.bindAddress();
        if ("0.0.0.0".equals(address) || "::".equals(address) || "0:0:0:0:0:0:0:0".equals(address)) {
            address = "127.0.0.1";
        }
        InetSocketAddress listener = new InetSocketAddress(address, settings.port());
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        do {
            // jdiameter binds its socket after start() returned (docs/jdiameter-notes.md section 6)
            try (Socket probe = new Socket()) {
                probe.connect(listener, PROBE_CONNECT_MILLIS);
                return true;
            } catch (IOException notYet) {
                if (!pause()) {
                    return false;
                }
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private boolean awaitPeer() {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        do {
            for (CxPeer peer : connectedPeers()) {
                for (CxPeerAddress configured : settings.hssPeers()) {
                    if (configured.host().equalsIgnoreCase(peer.host())) {
                        return true;
                    }
                }
            }
            if (!pause()) {
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static boolean pause() {
        try {
            Thread.sleep(READY_POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void shutdown(StackImpl stopping) {
        try {
            stopping.stop(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS, DisconnectCause.REBOOTING);
        } catch (Exception e) {
            // a peer that did not answer DPR in time: carry on, destroy closes the connections anyway
            LOG.debug("stop of {}: {}", settings.originHost(), e.toString());
        }
        try {
            // jdiameter's stop/destroy leave the ApplicationSession executor running (non-daemon threads)
            if (stopping.getConcurrentFactory() != null) {
                stopping.getConcurrentFactory().shutdownAllNow();
            }
        } catch (RuntimeException e) {
            LOG.debug("executor shutdown of {}: {}", settings.originHost(), e.toString());
        }
        try {
            stopping.destroy();
        } catch (RuntimeException e) {
            LOG.debug("destroy of {}: {}", settings.originHost(), e.toString());
        }
    }

    private static <T> T requireHandler(T handler) {
        if (handler == null) {
            throw new IllegalArgumentException("handler is required");
        }
        return handler;
    }

    private static String requireHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("destination host is required");
        }
        return host;
    }
}
