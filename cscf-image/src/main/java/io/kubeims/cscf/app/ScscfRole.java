package io.kubeims.cscf.app;

import io.kubeims.cscf.scscf.hss.HssInitiatedProcedures;
import io.kubeims.cscf.scscf.regevent.RegEventNotifier;
import io.kubeims.cscf.scscf.regevent.RegEventSubscribeHandler;
import io.kubeims.cscf.scscf.regevent.ReginfoComposer;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationExpiryHandler;
import io.kubeims.cscf.scscf.registrar.RegistrationObserver;
import io.kubeims.cscf.scscf.registrar.ScscfRegistrar;
import io.kubeims.cscf.scscf.session.OdiCodec;
import io.kubeims.cscf.scscf.session.ScscfSessionHandler;
import io.kubeims.cscf.scscf.thirdparty.ThirdPartyRegistration;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.store.CscfStorage;
import io.kubeims.cscf.store.RegistrationExpirySweep;
import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.protocol.enumdns.EnumResolver;
import io.kubeims.protocol.enumdns.InvalidEnumSettingsException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.header.EventHeader;
import javax.sip.message.Request;

/**
 * The S-CSCF (TS 24.229 5.4): REGISTER to the {@link ScscfRegistrar}, SUBSCRIBE to the reg event package
 * ({@link RegEventSubscribeHandler}), RTR/PPR from the HSS to {@link HssInitiatedProcedures} (the Cx node is
 * {@code CxNode.scscf}), expired bindings swept by {@link RegistrationExpiryHandler} once per store expiry bucket.
 * Every change of a registration, whoever makes it (registrar, expiry, HSS, network de-registration), reaches the same
 * observers: the reg event notifier, then third-party registration, whose SESSION_TERMINATED failures de-register
 * the subscriber through {@link ScscfNetworkDeregistration}. Every other request (SUBSCRIBE to another event
 * package included) goes to the session routing, {@link ScscfSessionHandler} (TS 24.229 5.4.3), which also relays
 * stray responses.
 */
final class ScscfRole implements CscfRole {

    private static final Logger LOG = Logger.getLogger(ScscfRole.class);
    private static final String ODI_KEY = "kubeims.cscf.scscf.odi-key-file";
    private static final String ENUM_SERVER_KEY = "kubeims.cscf.scscf.enum.server";

    private final Clock clock = Clock.systemUTC();
    /** Remembers parsed profiles: every session request reads the served user's stored profile (JFR, bench-calls). */
    private final CxUserDataReader userData = CxUserDataReader.remembering(10_000);
    /**
     * The observers, set once the SIP node exists ({@link #handlers}); the HSS-initiated procedures are built earlier
     * with the Cx node and reach them through this.
     */
    private final DeferredObserver observers = new DeferredObserver();

    @Override
    public CxNode cxNode(CxNodeSettings nodeSettings, RoleResources resources) {
        return CxNode.scscf(nodeSettings, new HssInitiatedProcedures(resources.storage().registrations(), userData,
                observers, resources.workers(), resources.meters(), clock));
    }

    @Override
    public RoleHandlers handlers(SipNode node, Optional<CxNode> cx, RoleResources resources) {
        CscfSettings settings = resources.settings();
        CscfSettings.Scscf scscf = settings.scscf()
                .orElseThrow(() -> new IllegalStateException("the S-CSCF needs its settings"));
        CxNode cxNode = cx.orElseThrow(() -> new IllegalStateException("the S-CSCF needs its Cx node"));
        CscfStorage storage = resources.storage();
        ReginfoComposer composer = new ReginfoComposer(userData);
        RegEventNotifier notifier = new RegEventNotifier(node, storage.regEventSubscriptions(), composer,
                scscf.regEvent(), resources.meters(), clock);
        ScscfNetworkDeregistration networkDeregistration = new ScscfNetworkDeregistration(cxNode,
                storage.registrations(), scscf.registrar().serverName(), observers, clock, resources.workers(),
                resources.meters());
        ThirdPartyRegistration thirdParty = new ThirdPartyRegistration(node, userData, scscf.thirdParty(),
                networkDeregistration, resources.meters());
        RegistrationObserver all = RegistrationObserver.all(List.of(notifier, thirdParty));
        observers.set(all);
        ScscfRegistrar registrar = new ScscfRegistrar(cxNode, storage.registrations(), storage.challenges(), all,
                scscf.registrar(), clock, resources.workers(), resources.meters());
        RegEventSubscribeHandler subscribe = new RegEventSubscribeHandler(storage.registrations(),
                storage.regEventSubscriptions(), notifier, composer, scscf.regEvent(), null, resources.workers(),
                resources.meters(), clock);
        // the claimant names this replica in expiry claims: its Origin-Host is unique in the pool
        String replica = settings.diameter().orElseThrow().originHost();
        RegistrationExpiryHandler expiry = new RegistrationExpiryHandler(new RegistrationExpirySweep(
                storage.registrations(), clock, replica, settings.store().tuning().expiryRetention()),
                storage.registrations(), cxNode, scscf.registrar(), all, clock, resources.workers(),
                resources.meters());
        ScheduledExecutorService sessionTimer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cscf-scscf-as-timer");
            thread.setDaemon(true);
            return thread;
        });
        ScscfSessionHandler sessions = new ScscfSessionHandler(node, scscf.session(), storage.registrations(), cxNode,
                userData, new OdiCodec(odiKey(scscf.odiKeyFile()), clock), enumResolver(scscf), resources.workers(),
                sessionTimer, resources.meters(), clock);
        RequestDispatcher dispatcher = RequestDispatcher.builder()
                .on(Request.REGISTER, registrar)
                // RFC 3680: SUBSCRIBE to the reg event package is ours; any other package is an ordinary request
                .on(Request.SUBSCRIBE, inbound -> (isRegEvent(inbound.request()) ? subscribe : sessions)
                        .handle(inbound))
                .otherwise(sessions)
                .build();
        return new RoleHandlers(dispatcher, sessions,
                new ExpirySweeps(expiry, settings.store().tuning().expiryBucket(), sessionTimer));
    }

    private static boolean isRegEvent(Request request) {
        return request.getHeader(EventHeader.NAME) instanceof EventHeader event
                && "reg".equalsIgnoreCase(event.getEventType());
    }

    private static Optional<EnumResolver> enumResolver(CscfSettings.Scscf scscf) {
        try {
            return scscf.enumLookup().map(EnumResolver::new);
        } catch (InvalidEnumSettingsException e) {
            throw new InvalidCscfConfigException(ENUM_SERVER_KEY, e.getMessage());
        }
    }

    /**
     * The pool's ODI key from its file (base64, a trailing line break ignored), or a random one for this replica
     * alone when no file is configured (then an AS's request only resumes on the replica that sent it).
     *
     * @throws InvalidCscfConfigException naming the key file setting when the file cannot be read or is not base64 of
     *                                    at least 32 bytes
     */
    static byte[] odiKey(Optional<Path> file) {
        if (file.isEmpty()) {
            LOG.warnf("%s not set: a random ODI key for this replica; an AS's request must come back to it",
                    ODI_KEY);
            byte[] key = new byte[OdiCodec.MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            return key;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file.get()).strip());
        } catch (IOException e) {
            throw new InvalidCscfConfigException(ODI_KEY, "'" + file.get() + "' cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidCscfConfigException(ODI_KEY, "'" + file.get() + "' does not hold base64 text");
        }
        if (key.length < OdiCodec.MIN_KEY_BYTES) {
            throw new InvalidCscfConfigException(ODI_KEY, "'" + file.get() + "' holds " + key.length
                    + " bytes; at least " + OdiCodec.MIN_KEY_BYTES);
        }
        return key;
    }

    /** The expiry sweeps on a scheduler thread of their own, every expiry bucket. */
    private static final class ExpirySweeps implements RoleTasks {

        private final RegistrationExpiryHandler expiry;
        private final Duration interval;
        private final ScheduledExecutorService sessionTimer;
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cscf-scscf-expiry");
            thread.setDaemon(true);
            return thread;
        });

        ExpirySweeps(RegistrationExpiryHandler expiry, Duration interval, ScheduledExecutorService sessionTimer) {
            this.expiry = expiry;
            this.interval = interval;
            this.sessionTimer = sessionTimer;
        }

        @Override
        public void start() {
            expiry.start(scheduler, interval);
        }

        @Override
        public void stop() {
            expiry.stop();
            scheduler.shutdownNow();
            sessionTimer.shutdownNow();
        }
    }

    /** Forwards to the observers once they exist; a change before that (an RTR during start) is only logged. */
    private static final class DeferredObserver implements RegistrationObserver {

        private volatile RegistrationObserver target;

        void set(RegistrationObserver observer) {
            this.target = observer;
        }

        @Override
        public void onChange(RegistrationChange change) {
            RegistrationObserver current = target;
            if (current == null) {
                LOG.warnf("%s of %s before the S-CSCF's SIP node was ready: subscribers and ASes not told",
                        change.cause(), change.impi());
                return;
            }
            current.onChange(change);
        }
    }
}
