package io.kubeims.cscf.scscf.hss;

import io.kubeims.cscf.metrics.TaggedCounters;
import io.kubeims.cscf.scscf.registrar.ImplicitRegistrationSet;
import io.kubeims.cscf.scscf.registrar.RegistrationChange;
import io.kubeims.cscf.scscf.registrar.RegistrationObserver;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.server.CxScscfHandler;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.xml.CxUserDataException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.store.TypedCache.Change;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * The S-CSCF's side of the HSS-initiated Cx procedures, for {@code CxNode.scscf}: any replica of the pool may take
 * them, since all state is in the shared {@link RegistrationStore}.
 * <ul>
 * <li>RTR (TS 29.228 6.1.3): removes the registrations of the User-Name and of the Associated-Identities (when
 * Public-Identity AVPs are present, only registrations whose implicit set holds one of them: the set goes as a
 * whole, TS 29.228 6.5.2.2), tells the observer NETWORK_DEREGISTERED with {@link RtrReason#text()} as reason (so that
 * reg event subscribers learn "rejected" or "deactivated", and ASes get a de-registration), and answers
 * DIAMETER_SUCCESS, also when nothing was registered: the HSS's intent, no registration here, holds either way.
 * The Associated-Identities of the RTA list the further private identities that were de-registered.</li>
 * <li>PPR (TS 29.228 6.2.2): replaces the stored Cx-User-Data and the implicit set derived from it
 * ({@link ImplicitRegistrationSet}) of a registered private identity, keeps the bindings, tells the observer
 * PROFILE_UPDATED, answers DIAMETER_SUCCESS. An unknown private identity is
 * DIAMETER_ERROR_USER_UNKNOWN (5001, Experimental-Result); User-Data that cannot be read, names another
 * PrivateID or holds no IMPU is DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA (5009). A PPR without User-Data (only
 * SIP-Auth-Data-Item) changes nothing here and is answered success for a known user.</li>
 * </ul>
 * A store failure answers DIAMETER_UNABLE_TO_COMPLY (5012). Store work runs on the calling jdiameter thread (an
 * answer must say what happened); the observer runs on {@code observerExecutor}. Counted in {@value #CX_METER} by
 * {@code command} and {@code result_code}.
 */
public final class HssInitiatedProcedures implements CxScscfHandler {

    private static final Logger LOG = Logger.getLogger(HssInitiatedProcedures.class);
    /** Meter of RTR/PPR answered by the S-CSCF. */
    public static final String CX_METER = "kubeims.scscf.cx.requests";

    private final RegistrationStore registrations;
    private final CxUserDataReader userData;
    private final RegistrationObserver observer;
    private final Executor observerExecutor;
    private final TaggedCounters counted;
    private final Clock clock;

    /**
     * @param registrations    the shared registrations
     * @param userData         reads the User-Data of a PPR
     * @param observer         told of every de-registration and profile update (reg event, third-party REGISTER);
     *                         {@code RegistrationObserver.all(...)} of the same observers as the registrar's
     * @param observerExecutor runs the observer off the jdiameter threads
     * @param meters           where {@value #CX_METER} is counted
     * @param clock            the time of the changes
     */
    public HssInitiatedProcedures(RegistrationStore registrations, CxUserDataReader userData,
            RegistrationObserver observer, Executor observerExecutor, MeterRegistry meters, Clock clock) {
        if (registrations == null || userData == null || observer == null || observerExecutor == null
                || meters == null || clock == null) {
            throw new IllegalArgumentException("every argument is required");
        }
        this.registrations = registrations;
        this.userData = userData;
        this.observer = observer;
        this.observerExecutor = observerExecutor;
        this.counted = new TaggedCounters(meters, CX_METER,
                "RTR/PPR answered by the S-CSCF, by command and result", "command", "result_code", "result_type");
        this.clock = clock;
    }

    @Override
    public RegistrationTerminationAnswer registrationTermination(CxEnvelope envelope,
            RegistrationTerminationRequest request) {
        Set<String> impis = new LinkedHashSet<>();
        impis.add(request.userName());
        impis.addAll(request.associatedIdentities());
        RtrReason reason = new RtrReason(request.reason().reasonCode(), request.reason().reasonInfo());
        List<String> removedAssociated = new ArrayList<>();
        List<RegistrationChange> changes = new ArrayList<>();
        try {
            for (String impi : impis) {
                Change<Registration> result = registrations.update(impi, current -> current.isPresent()
                        && named(current.get(), request.publicIdentities()) ? Optional.empty() : current);
                if (result.previous().isPresent() && result.current().isEmpty()) {
                    changes.add(new RegistrationChange(RegistrationChange.Cause.NETWORK_DEREGISTERED, impi,
                            result.previous().get(), null, null, null, reason.text(), clock.instant()));
                    if (!impi.equals(request.userName())) {
                        removedAssociated.add(impi);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "RTR (Session-Id %s) for %s: store failure: %s", envelope.sessionId(), request.userName(), e);
            tell(changes);   // those already removed are gone: their subscribers and ASes must hear it
            return answer("RTR", new RegistrationTerminationAnswer(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY),
                    removedAssociated, "registration store unavailable", List.of()));
        }
        LOG.debugf("RTR (Session-Id %s) %s for %s: %d registration(s) removed", envelope.sessionId(), reason.text(),
                impis, changes.size());
        tell(changes);
        return answer("RTR", new RegistrationTerminationAnswer(CxResult.of(DiameterResultCode.SUCCESS),
                removedAssociated));
    }

    /** Whether an RTR naming {@code publicIdentities} (none: all) covers this registration. */
    private static boolean named(Registration registration, List<String> publicIdentities) {
        return publicIdentities.isEmpty() || publicIdentities.stream().anyMatch(registration.implicitSet()::contains);
    }

    @Override
    public PushProfileAnswer pushProfile(CxEnvelope envelope, PushProfileRequest request) {
        String impi = request.userName();
        byte[] document = request.userData();
        try {
            if (document == null) {
                boolean known = registrations.get(impi).isPresent();
                LOG.debugf("PPR (Session-Id %s) for %s without User-Data: %s", envelope.sessionId(), impi,
                        known ? "nothing to store" : "unknown user");
                return answer("PPR", known ? new PushProfileAnswer(CxResult.of(DiameterResultCode.SUCCESS))
                        : new PushProfileAnswer(CxResult.of(CxExperimentalResultCode.USER_UNKNOWN)));
            }
            ImsSubscription subscription;
            try {
                subscription = userData.read(document);
            } catch (CxUserDataException e) {
                return unsupported(envelope, impi, "User-Data unreadable: " + e.getMessage());
            }
            if (!subscription.privateId().equals(impi)) {
                return unsupported(envelope, impi, "User-Data of PrivateID " + subscription.privateId()
                        + " pushed for User-Name " + impi);
            }
            List<String> implicitSet = ImplicitRegistrationSet.of(subscription).identities();
            if (implicitSet.isEmpty()) {
                return unsupported(envelope, impi, "User-Data holds no public user identity");
            }
            String profile = new String(document, StandardCharsets.UTF_8);
            Change<Registration> result = registrations.update(impi,
                    current -> current.map(r -> r.withProfile(implicitSet, profile)));
            if (result.previous().isEmpty()) {
                LOG.debugf("PPR (Session-Id %s) for %s: not registered here", envelope.sessionId(), impi);
                return answer("PPR", new PushProfileAnswer(CxResult.of(CxExperimentalResultCode.USER_UNKNOWN)));
            }
            if (result.changed()) {
                tell(List.of(new RegistrationChange(RegistrationChange.Cause.PROFILE_UPDATED, impi,
                        result.previous().get(), result.current().orElseThrow(), null, null, null,
                        clock.instant())));
            }
            LOG.debugf("PPR (Session-Id %s) for %s: profile %s, implicit set %s", envelope.sessionId(), impi,
                    result.changed() ? "replaced" : "unchanged", implicitSet);
            return answer("PPR", new PushProfileAnswer(CxResult.of(DiameterResultCode.SUCCESS)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "PPR (Session-Id %s) for %s: store failure: %s", envelope.sessionId(), impi, e);
            return answer("PPR", new PushProfileAnswer(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY),
                    "registration store unavailable", List.of()));
        }
    }

    private PushProfileAnswer unsupported(CxEnvelope envelope, String impi, String why) {
        LOG.debugf("PPR (Session-Id %s) for %s refused: %s", envelope.sessionId(), impi, why);
        return answer("PPR", new PushProfileAnswer(CxResult.of(CxExperimentalResultCode.NOT_SUPPORTED_USER_DATA),
                why, List.of()));
    }

    /** Hands the changes to the observer, in order, on the observer executor. */
    private void tell(List<RegistrationChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<RegistrationChange> copy = List.copyOf(changes);
        try {
            observerExecutor.execute(() -> {
                for (RegistrationChange change : copy) {
                    try {
                        observer.onChange(change);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "observer failed on %s of %s: %s", change.cause(), change.impi(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.errorf("observer executor refused %d change(s) (first: %s of %s): subscribers not notified",
                    copy.size(), copy.get(0).cause(), copy.get(0).impi());
        }
    }

    private <A extends CxAnswer> A answer(String command, A answer) {
        CxResult result = answer.result();
        String code = Long.toString(result.code());
        String type = result instanceof CxResult.Experimental ? "experimental" : "base";
        counted.increment(command, code, type);
        return answer;
    }
}
