package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.scscf.auth.ChallengeIssuer;
import io.kubeims.cscf.scscf.auth.CredentialVerifier;
import io.kubeims.cscf.scscf.auth.IssuedChallenge;
import io.kubeims.cscf.scscf.auth.UnusableHssAnswerException;
import io.kubeims.cscf.scscf.auth.Verification;
import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.RejectResponse;
import io.kubeims.cscf.sip.SipRequestHandler;
import io.kubeims.cscf.sip.SipSendException;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.store.AuthChallengeStore;
import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.InvalidCscfStateException;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.cx.client.CxClient;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.digest.AkaDigest;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.store.StoreContentionException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The S-CSCF registrar: the REGISTER handler of TS 24.229 5.4.1 with IMS AKA or SIP Digest authentication
 * (TS 33.203, RFC 3310, RFC 2617), Path (RFC 3327), Service-Route (RFC 3608), the implicit registration set in
 * P-Associated-URI, RFC 5626 flows as distinct bindings and the binding rules of RFC 3261 10.3. All state is in the
 * shared stores: any replica may send the 401 and another verify the answer.
 *
 * <p>For each REGISTER, in order:
 * <ol>
 * <li>a REGISTER not through a trusted P-CSCF (topmost Path host not in {@link ScscfSettings#trustedPcscfs()}) when
 * {@link ScscfSettings#pcscfRequired()}: 403 "Registration Must Come Through The P-CSCF" (our decision for a UE that
 * sends straight to the Service-Route address, seed 000: without it, no P-CSCF would hold its flow, security
 * associations or asserted identities);</li>
 * <li>{@code Contact: *} with other contacts or without {@code Expires: 0}: 400 (RFC 3261 10.3 step 6); a non-zero
 * expiry below {@link ScscfSettings#minExpires()}: 423 with Min-Expires (step 7), before any Cx work;</li>
 * <li>authentication. Without a challenge response (no Authorization, {@code nonce=""}, {@code response=""}): MAR
 * and 401. The only exception is TS 24.229 5.4.1.2.2: an Authorization marked {@code integrity-protected} (yes,
 * tls-yes, ip-assoc-yes, tls-connected) by a trusted P-CSCF that is the topmost Path, for a subscriber whose every
 * binding named in the REGISTER (any binding for a query or {@code Contact: *}) exists and came through that same
 * P-CSCF: accepted without a new challenge. A response is checked by {@link CredentialVerifier}: right and first
 * used: go on; unknown or expired nonce: 401 {@code stale=true}; replayed nonce count: 401; {@code auts}: MAR with
 * RAND||AUTS and 401; wrong: 401 until {@link ScscfSettings#maxAuthAttempts()} wrong answers, then SAR
 * AUTHENTICATION_FAILURE and 403 (a registered subscriber is then removed too: SAR ADMINISTRATIVE_DEREGISTRATION,
 * observer NETWORK_DEREGISTERED); a retransmission of an answer already accepted: 200 with the bindings as they
 * are;</li>
 * <li>the binding change (RFC 3261 10.3 step 7): a binding last written by the same Call-ID with a CSeq not below
 * this one fails with 500; bindings left: SAR REGISTRATION (User-Data asked) for a new registration, else
 * RE_REGISTRATION (User-Data already available), then the store update; none left: the store update, then SAR
 * USER_DEREGISTRATION;</li>
 * <li>200 with every current binding in Contact with its remaining {@code expires}, Service-Route, P-Associated-URI
 * (the implicit set without barred identities, the default identity first), the Path echoed and Date; then the
 * {@link RegistrationObserver}.</li>
 * </ol>
 * HSS refusals answer 403, no answer 480 with a Reason, a busy HSS 503 (as the I-CSCF, see {@link HssFailures});
 * store failures 500 with Retry-After.
 *
 * <p>Threading: on the jain-sip thread only the server transaction is created (it absorbs retransmissions during
 * the Cx round trips); everything else runs on {@code executor}. Each REGISTER is logged once with its Call-ID when
 * answered: DEBUG, WARN for infrastructure failures. No credential, nonce or key is logged.
 *
 * <pre>{@code
 * CxNode cx = CxNode.scscf(CxNodeSettings.cscf(podName + ".scscf.ims.example.com", realm, podIp, 3868, hssPeer)
 *         .build(), rtrPprHandler);                       // the S-CSCF flavour: it also serves RTR/PPR
 * cx.start();
 * CscfStorage storage = ...;                              // EmbeddedCscfStorage or HotRodCscfStorage
 * ScscfRegistrar registrar = new ScscfRegistrar(cx, storage.registrations(), storage.challenges(), observer,
 *         settings, Clock.systemUTC(), executor, meterRegistry);
 * node.start(RequestDispatcher.builder().on(Request.REGISTER, registrar).build());
 * }</pre>
 */
public final class ScscfRegistrar implements SipRequestHandler {

    private static final Logger LOG = Logger.getLogger(ScscfRegistrar.class);
    private static final byte[] NO_BODY = new byte[0];

    private final CxClient cx;
    private final RegistrationStore registrations;
    private final RegistrationObserver observer;
    private final ScscfSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final RegistrarMetrics metrics;
    private final ServerAssignment assignments;
    private final ChallengeIssuer issuer;
    private final CredentialVerifier verifier;
    private final CxUserDataReader userDataReader = new CxUserDataReader();
    private final int retryAfterSeconds;

    /**
     * @param cx            the Cx client towards the HSS (the S-CSCF's CxNode)
     * @param registrations the shared registration store
     * @param challenges    the shared challenge store
     * @param observer      told of every committed change (reg event, third-party registration)
     * @param settings      the registrar settings
     * @param clock         this replica's clock (expiries, challenge ages, Date)
     * @param executor      runs all work off the jain-sip threads: store access, Cx answers, observers
     * @param meters        where the registrar's meters go
     */
    public ScscfRegistrar(CxClient cx, RegistrationStore registrations, AuthChallengeStore challenges,
            RegistrationObserver observer, ScscfSettings settings, Clock clock, Executor executor,
            MeterRegistry meters) {
        if (cx == null || registrations == null || challenges == null || observer == null || settings == null
                || clock == null || executor == null || meters == null) {
            throw new IllegalArgumentException("cx, registrations, challenges, observer, settings, clock, executor "
                    + "and meters are required");
        }
        this.metrics = new RegistrarMetrics(meters);
        this.cx = metrics.timed(cx);
        this.registrations = registrations;
        this.observer = observer;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.issuer = new ChallengeIssuer(this.cx, challenges, settings.serverName(), settings.homeDomain(), clock,
                executor);
        this.assignments = new ServerAssignment(this.cx, settings.serverName());
        this.verifier = new CredentialVerifier(challenges, clock, settings.challengeLifetime());
        this.retryAfterSeconds = (int) settings.retryAfter().toSeconds();
    }

    /** The settings this registrar runs with. */
    public ScscfSettings settings() {
        return settings;
    }

    @Override
    public void handle(InboundRequest inbound) throws SipSendException {
        if (!Request.REGISTER.equals(inbound.method())) {
            throw new IllegalArgumentException("the S-CSCF registrar serves REGISTER, got " + inbound.method());
        }
        // before any store or Cx work: the transaction absorbs retransmissions meanwhile (jain-sip-notes 2)
        inbound.serverTransaction();
        Exchange exchange = new Exchange(inbound, clock.instant());
        try {
            executor.execute(() -> guarded(exchange, () -> process(exchange)));
        } catch (RejectedExecutionException e) {
            reject(exchange, new RegisterReject(Response.SERVICE_UNAVAILABLE, "S-CSCF Overloaded",
                    RegisterOutcome.OVERLOADED, "no worker free for the REGISTER", "S-CSCF overloaded",
                    OptionalInt.of(retryAfterSeconds)));
        }
    }

    // ---- the steps ----

    private void process(Exchange x) {
        RegisterRequest register = RegisterRequest.read(x.inbound, settings.homeDomain());
        x.register = register;
        if (settings.pcscfRequired() && !register.topPathHost().map(settings::trusts).orElse(false)) {
            reject(x, RegisterReject.of(Response.FORBIDDEN, "Registration Must Come Through The P-CSCF",
                    RegisterOutcome.NOT_VIA_PCSCF, register.path().isEmpty() ? "no Path"
                            : "topmost Path " + register.topPathHost().orElse("?") + " is not a trusted P-CSCF"));
            return;
        }
        if (register.wildcard() && (!register.contacts().isEmpty() || register.expiresHeader().orElse(-1) != 0)) {
            reject(x, RegisterReject.of(Response.BAD_REQUEST, "Invalid Wildcard Contact", RegisterOutcome.BAD_REQUEST,
                    "Contact: * needs Expires: 0 and no other Contact (RFC 3261 10.3 step 6)"));
            return;
        }
        OptionalInt tooBrief = BindingUpdate.tooBrief(register, settings);
        if (tooBrief.isPresent()) {
            intervalTooBrief(x, tooBrief.getAsInt());
            return;
        }
        try {
            x.plan = BindingUpdate.of(register, settings, x.now);
        } catch (InvalidCscfStateException e) {
            reject(x, RegisterReject.of(Response.BAD_REQUEST, "Malformed Contact", RegisterOutcome.BAD_REQUEST,
                    "Contact unusable: " + e.getMessage()));
            return;
        }
        Optional<Registration> current = registrations.get(register.impi());
        Optional<String> protectedBy = trustedProtectedFlow(x, current);
        if (protectedBy.isPresent()) {
            authenticated(x, current, "integrity-protected through " + protectedBy.get());
            return;
        }
        if (!register.answersChallenge()) {
            challenge(x, scheme(register), 0, false, RegisterOutcome.CHALLENGED, "no challenge response");
            return;
        }
        Verification verification = verifier.verify(register.credentials().orElseThrow(), register.impu(),
                Request.REGISTER, body(x), register.viaBranch());
        if (verification instanceof Verification.Authenticated ok) {
            authenticated(x, current, ok.reusedNonce() ? "authenticated (nonce reused)" : "authenticated");
        } else if (verification instanceof Verification.Retransmission) {
            // The same REGISTER (Via branch, nonce, nc) was accepted before, here or at another replica. If that
            // processing committed, answer as it did; if it stopped before its commit (its replica died, its SAR
            // failed) this retransmission is the request's remaining chance and is applied now: answering 200 with
            // the bindings as they are would tell the UE it is registered while no binding was ever written.
            if (register.isQuery() || x.plan.isAppliedIn(current.map(Registration::contacts).orElse(List.of()))) {
                answer(x, current, RegisterOutcome.RETRANSMISSION, "answer accepted before; bindings unchanged",
                        null, false);
            } else {
                authenticated(x, current, "retransmission of an answer accepted before, not applied yet");
            }
        } else if (verification instanceof Verification.Stale) {
            challenge(x, scheme(register), 0, true, RegisterOutcome.CHALLENGED_STALE, "nonce unknown or expired");
        } else if (verification instanceof Verification.Replay replay) {
            challenge(x, replay.challenge().scheme(), 0, false, RegisterOutcome.REPLAY_CHALLENGED,
                    "nonce count not above the highest accepted (replay)");
        } else if (verification instanceof Verification.WrongResponse wrong) {
            if (wrong.failedAttempts() >= settings.maxAuthAttempts()) {
                authenticationFailed(x, wrong.failedAttempts());
            } else {
                challenge(x, wrong.challenge().scheme(), wrong.failedAttempts(), false,
                        RegisterOutcome.WRONG_RESPONSE, "wrong response, attempt " + wrong.failedAttempts() + " of "
                                + settings.maxAuthAttempts());
            }
        } else if (verification instanceof Verification.Resynchronisation resync) {
            issuer.resynchronise(resync.challenge(), resync.auts()).whenCompleteAsync((issued, failure) ->
                    guarded(x, () -> challenged(x, issued, failure, RegisterOutcome.RESYNCHRONISED,
                            "AKA synchronisation failure reported to the HSS")), executor);
        } else if (verification instanceof Verification.Mismatch mismatch) {
            reject(x, RegisterReject.of(Response.FORBIDDEN, "Credentials Do Not Match The Challenge",
                    RegisterOutcome.FORBIDDEN, mismatch.detail()));
        } else if (verification instanceof Verification.Malformed malformed) {
            reject(x, RegisterReject.of(Response.BAD_REQUEST, "Malformed Authorization header",
                    RegisterOutcome.BAD_REQUEST, malformed.detail()));
        }
    }

    /**
     * The P-CSCF whose integrity-protected REGISTER is accepted without a new challenge (TS 24.229 5.4.1.2.2), if
     * this is one: marked protected, the topmost Path a trusted P-CSCF, the IMPU in the stored implicit set, and
     * every binding the REGISTER names (any binding for a query or {@code Contact: *}) stored and registered
     * through that same P-CSCF.
     */
    private Optional<String> trustedProtectedFlow(Exchange x, Optional<Registration> current) {
        RegisterRequest register = x.register;
        Optional<String> pcscf = register.topPathHost();
        if (!register.integrityProtected() || pcscf.isEmpty() || !settings.trusts(pcscf.get())
                || current.isEmpty() || !current.get().implicitSet().contains(register.impu())) {
            return Optional.empty();
        }
        List<Contact> active = current.get().activeContacts(x.now);
        Predicate<Contact> sameFlow = contact -> !contact.path().isEmpty()
                && pathHost(x, contact.path().get(0)).filter(pcscf.get()::equals).isPresent();
        Set<String> named = x.plan.namedKeys();
        boolean known = named.isEmpty() ? active.stream().anyMatch(sameFlow)
                : named.stream().allMatch(key -> BindingUpdate.find(active, key).filter(sameFlow).isPresent());
        return known ? pcscf : Optional.empty();
    }

    private void challenge(Exchange x, SipAuthenticationScheme scheme, int failedAttempts, boolean stale,
            RegisterOutcome outcome, String why) {
        issuer.challenge(x.register.impi(), x.register.impu(), scheme, failedAttempts, stale)
                .whenCompleteAsync((issued, failure) -> guarded(x, () -> challenged(x, issued, failure, outcome,
                        why)), executor);
    }

    private void challenged(Exchange x, IssuedChallenge issued, Throwable failure, RegisterOutcome outcome,
            String why) {
        if (failure != null) {
            reject(x, rejectFor(x, HssFailures.unwrap(failure)));
            return;
        }
        Response response = x.inbound.createResponse(Response.UNAUTHORIZED);
        AuthHeader.WWW_AUTHENTICATE.add(response, issued.header(), x.inbound.node().headers());
        send(x, response, outcome, why + ": " + issued.algorithm() + " challenge"
                + (issued.challenge().stale() ? " stale=true" : ""), false);
    }

    /** The user is authenticated (or trusted): apply the REGISTER's binding change. */
    private void authenticated(Exchange x, Optional<Registration> current, String how) {
        RegisterRequest register = x.register;
        if (register.isQuery()) {
            answer(x, current, RegisterOutcome.QUERIED, how + "; bindings listed", null, false);
            return;
        }
        List<Contact> planned = x.plan.applyTo(current.map(Registration::contacts).orElse(List.of()));
        if (planned.isEmpty()) {
            commit(x, null, how);
            return;
        }
        boolean first = current.isEmpty();
        // TS 29.228 6.1.2: REGISTRATION asks for the profile; RE_REGISTRATION has it already (User-Data only when
        // needed)
        assignments.send(register.impi(), register.impu(), first ? ServerAssignmentType.REGISTRATION
                : ServerAssignmentType.RE_REGISTRATION, first ? UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE
                : UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE)
                .whenCompleteAsync((saa, failure) -> guarded(x, () -> {
                    if (failure != null) {
                        reject(x, rejectFor(x, HssFailures.unwrap(failure)));
                        return;
                    }
                    Profile profile;
                    if (first) {
                        byte[] userData = saa.userData();
                        if (userData == null) {
                            throw new UnusableHssAnswerException(CxCommand.SERVER_ASSIGNMENT,
                                    "no User-Data in the SAA of a REGISTRATION");
                        }
                        String document = new String(userData, StandardCharsets.UTF_8);
                        ImplicitRegistrationSet set = ImplicitRegistrationSet.read(userDataReader, document,
                                register.impu());
                        profile = new Profile(set.identities(), document);
                    } else {
                        profile = new Profile(current.get().implicitSet(), current.get().serviceProfile());
                    }
                    commit(x, profile, how);
                }), executor);
    }

    /**
     * Writes the binding change in one compare-and-set; when it removed the last binding, tells the HSS (SAR
     * USER_DEREGISTRATION, TS 24.229 5.4.1.4) before answering.
     *
     * @param profile the implicit set and profile for a registration created now, null when only removing
     */
    private void commit(Exchange x, Profile profile, String how) {
        String impi = x.register.impi();
        var change = registrations.update(impi, stored -> {
            List<Contact> contacts = x.plan.applyTo(stored.map(Registration::contacts).orElse(List.of()));
            if (contacts.isEmpty()) {
                return Optional.empty();
            }
            if (stored.isPresent()) {
                return Optional.of(stored.get().withContacts(contacts));
            }
            if (profile == null) {
                throw new IllegalStateException("bindings to create for " + impi + " without a profile");
            }
            return Optional.of(Registration.of(impi, profile.implicitSet(), profile.serviceProfile(),
                    settings.serverName()).withContacts(contacts));
        });
        Optional<Registration> before = change.previous();
        Optional<Registration> after = change.current();
        if (before.isPresent() && after.isEmpty()) {
            assignments.send(impi, x.register.impu(), ServerAssignmentType.USER_DEREGISTRATION,
                    UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE).whenCompleteAsync((saa, failure) ->
                    guarded(x, () -> answer(x, after, RegisterOutcome.DEREGISTERED, how + "; last binding removed"
                            + (failure == null ? ", SAR USER_DEREGISTRATION"
                            : "; the HSS was not told: " + HssFailures.unwrap(failure).getMessage()),
                            new Committed(before, after), failure != null)), executor);
            return;
        }
        RegisterOutcome outcome = after.isEmpty() ? RegisterOutcome.DEREGISTERED
                : before.isEmpty() ? RegisterOutcome.REGISTERED
                : x.plan.written().isEmpty() ? RegisterOutcome.DEREGISTERED : RegisterOutcome.REFRESHED;
        answer(x, after, outcome, how, change.changed() ? new Committed(before, after) : null, false);
    }

    /**
     * The last allowed attempt failed (TS 24.229 5.4.1.2.3): SAR AUTHENTICATION_FAILURE (TS 29.228 6.1.2, the HSS
     * forgets the S-CSCF the MAR left pending); a registered subscriber is removed and de-registered at the HSS
     * (ADMINISTRATIVE_DEREGISTRATION); then 403.
     */
    private void authenticationFailed(Exchange x, int failedAttempts) {
        String impi = x.register.impi();
        String impu = x.register.impu();
        String why = failedAttempts + " wrong responses";
        assignments.send(impi, impu, ServerAssignmentType.AUTHENTICATION_FAILURE,
                UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE).whenCompleteAsync((saa, failure) ->
                guarded(x, () -> {
                    String hss = failure == null ? ", SAR AUTHENTICATION_FAILURE"
                            : "; SAR AUTHENTICATION_FAILURE failed: " + HssFailures.unwrap(failure).getMessage();
                    var removal = registrations.update(impi, stored -> Optional.empty());
                    if (removal.previous().isEmpty()) {
                        forbidAfterFailures(x, why + hss, null, failure != null);
                        return;
                    }
                    assignments.send(impi, impu, ServerAssignmentType.ADMINISTRATIVE_DEREGISTRATION,
                            UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE).whenCompleteAsync((saa2, failure2) ->
                            guarded(x, () -> forbidAfterFailures(x, why + hss + "; bindings removed"
                                    + (failure2 == null ? ", SAR ADMINISTRATIVE_DEREGISTRATION"
                                    : "; the HSS was not told: " + HssFailures.unwrap(failure2).getMessage()),
                                    removal.previous().get(), failure != null || failure2 != null)), executor);
                }), executor);
    }

    private void forbidAfterFailures(Exchange x, String detail, Registration removed, boolean warn) {
        Response response = x.inbound.createResponse(Response.FORBIDDEN, "Authentication Failed");
        send(x, response, RegisterOutcome.AUTHENTICATION_FAILED, detail, warn);
        if (removed != null) {
            tell(new RegistrationChange(RegistrationChange.Cause.NETWORK_DEREGISTERED, removed.impi(), removed, null,
                    null, null, "authentication failed " + settings.maxAuthAttempts() + " times", clock.instant()));
        }
    }

    /**
     * 200 with the bindings of {@code registration} (RFC 3261 10.3 step 8), Service-Route and P-Associated-URI
     * while registered, the Path echoed (RFC 3327 5.3) and Date; then the observer if something was committed.
     */
    private void answer(Exchange x, Optional<Registration> registration, RegisterOutcome outcome, String detail,
            Committed committed, boolean warn) {
        Response ok = x.inbound.createResponse(Response.OK);
        HeaderFactory headers = x.inbound.node().headers();
        AddressFactory addresses = x.inbound.node().addresses();
        List<Contact> active = registration.map(r -> r.activeContacts(x.now)).orElse(List.of());
        try {
            for (Contact contact : active) {
                ok.addLast(contactHeader(contact, x.now, addresses, headers));
            }
            if (!active.isEmpty()) {
                AddressListHeader.SERVICE_ROUTE.write(ok,
                        List.of(addresses.createAddress(settings.serviceRoute())), headers);
                List<Address> associated = new ArrayList<>();
                for (String uri : associatedUris(registration.get())) {
                    associated.add(addresses.createAddress(addresses.createURI(uri)));
                }
                AddressListHeader.P_ASSOCIATED_URI.write(ok, associated, headers);
            }
            AddressListHeader.PATH.write(ok, x.register.path(), headers);
            Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            date.setTimeInMillis(clock.millis());
            ok.addHeader(headers.createDateHeader(date));
        } catch (ParseException | javax.sip.SipException e) {
            throw new IllegalStateException("cannot build the 200 to REGISTER: " + e.getMessage(), e);
        }
        send(x, ok, outcome, detail + "; " + active.size() + " binding(s)", warn);
        if (committed != null) {
            RegistrationChange.Cause cause = committed.before().isEmpty() ? RegistrationChange.Cause.REGISTERED
                    : committed.after().isEmpty() || x.plan.written().isEmpty()
                    ? RegistrationChange.Cause.UE_DEREGISTERED : RegistrationChange.Cause.REFRESHED;
            tell(new RegistrationChange(cause, x.register.impi(), committed.before().orElse(null),
                    committed.after().orElse(null), x.inbound.request(), ok, null, clock.instant()));
        }
    }

    /** The P-Associated-URI values: the stored implicit set without its barred identities (profile unreadable: all). */
    private List<String> associatedUris(Registration registration) {
        try {
            return ImplicitRegistrationSet.read(userDataReader, registration.serviceProfile(),
                    registration.implicitSet().get(0)).associatedUris();
        } catch (UnusableHssAnswerException e) {
            LOG.debugf("stored profile of %s unreadable (%s): P-Associated-URI lists the whole implicit set",
                    registration.impi(), e.getMessage());
            return registration.implicitSet();
        }
    }

    private static javax.sip.header.ContactHeader contactHeader(Contact contact, Instant now,
            AddressFactory addresses, HeaderFactory headers) throws ParseException {
        long remaining = Math.max(0, Duration.between(now, contact.expiresAt()).toSeconds());
        Map<String, String> others = contact.q() == null ? Map.of() : Map.of("q", contact.q());
        ContactBinding binding = new ContactBinding(addresses.createAddress(addresses.createURI(contact.uri())),
                OptionalInt.of((int) Math.min(remaining, Integer.MAX_VALUE)),
                Optional.ofNullable(contact.instanceId()), contact.regId() == null ? OptionalInt.empty()
                        : OptionalInt.of(contact.regId()), others);
        return binding.toHeader(headers);
    }

    private void intervalTooBrief(Exchange x, int asked) {
        Response response = x.inbound.createResponse(Response.INTERVAL_TOO_BRIEF, "Interval Too Brief");
        try {
            response.addHeader(x.inbound.node().headers()
                    .createMinExpiresHeader((int) settings.minExpires().toSeconds()));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("Min-Expires refused", e);
        }
        send(x, response, RegisterOutcome.INTERVAL_TOO_BRIEF, "expiry " + asked + " s below Min-Expires "
                + settings.minExpires().toSeconds() + " s", false);
    }

    // ---- Cx ----

    /** The scheme a MAR asks for: the one the UE's algorithm names (RFC 3310 3.1), else the configured default. */
    private SipAuthenticationScheme scheme(RegisterRequest register) {
        Optional<String> algorithm = register.algorithmHint();
        if (algorithm.isPresent() && algorithm.get().equalsIgnoreCase(AkaDigest.ALGORITHM)) {
            return SipAuthenticationScheme.DIGEST_AKA_V1_MD5;
        }
        if (algorithm.isPresent() && algorithm.get().equalsIgnoreCase("MD5")) {
            return SipAuthenticationScheme.SIP_DIGEST;
        }
        return settings.defaultAuthScheme();
    }

    // ---- answering, logging, failures ----

    private void reject(Exchange x, RegisterReject reject) {
        send(x, RejectResponse.create(x.inbound, reject.status(), reject.reasonPhrase(), reject.reasonText(),
                reject.retryAfter()), reject.outcome(), reject.detail(), false);
    }

    /**
     * Writes the one log line of this REGISTER, counts it, and sends the final response (logged first, so that the
     * line is there once the UE has its answer; a response that cannot be sent adds a DEBUG line).
     */
    private void send(Exchange x, Response response, RegisterOutcome outcome, String detail, boolean warn) {
        metrics.register(outcome);
        String who = x.register == null ? "" : " " + x.register;
        if (outcome.infrastructure() || warn) {
            LOG.warnf("REGISTER (Call-ID %s)%s: %d %s, %s", x.inbound.callId(), who, response.getStatusCode(),
                    response.getReasonPhrase(), detail);
        } else {
            LOG.debugf("REGISTER (Call-ID %s)%s: %d %s, %s", x.inbound.callId(), who, response.getStatusCode(),
                    response.getReasonPhrase(), detail);
        }
        try {
            x.inbound.respond(response);
        } catch (SipSendException e) {
            LOG.debugf("REGISTER (Call-ID %s): the %d was not sent: %s", x.inbound.callId(),
                    response.getStatusCode(), e.getMessage());
        }
    }

    private void tell(RegistrationChange change) {
        try {
            observer.onChange(change);
        } catch (RuntimeException e) {
            LOG.errorf(e, "registration observer failed for %s (%s)", change.impi(), change.cause());
        }
    }

    /** Runs one step; whatever it throws becomes the REGISTER's answer, so that every REGISTER is answered once. */
    private void guarded(Exchange x, Step step) {
        try {
            step.run();
        } catch (Exception | Error e) {
            Throwable cause = HssFailures.unwrap(e);
            if (x.inbound.finalResponseSent()) {
                LOG.errorf(e, "REGISTER (Call-ID %s): failure after the final response: %s", x.inbound.callId(), e);
                return;
            }
            try {
                reject(x, rejectFor(x, cause));
            } catch (RuntimeException | Error again) {
                LOG.errorf(again, "REGISTER (Call-ID %s): cannot answer: %s", x.inbound.callId(), again);
            }
        }
    }

    /** The answer to a REGISTER whose processing failed with {@code cause} (a Cx, store or request failure, or a bug). */
    private RegisterReject rejectFor(Exchange x, Throwable cause) {
        if (isStoreFailure(cause)) {
            return new RegisterReject(Response.SERVER_INTERNAL_ERROR, "Registration Store Busy",
                    RegisterOutcome.STORE_FAILURE, "store: " + cause, "registration store busy or unreachable",
                    OptionalInt.of(retryAfterSeconds));
        }
        if (HssFailures.isCxFailure(cause)) {
            return HssFailures.reject(cause, retryAfterSeconds);
        }
        if (cause instanceof MalformedRegisterException malformed) {
            return RegisterReject.of(malformed.status(), malformed.reasonPhrase(),
                    malformed.status() == Response.FORBIDDEN ? RegisterOutcome.FORBIDDEN : RegisterOutcome.BAD_REQUEST,
                    malformed.getMessage());
        }
        if (cause instanceof OutOfOrderRegisterException outOfOrder) {
            // RFC 3261 10.3 step 7: "the update MUST be aborted and the request fails"
            return RegisterReject.of(Response.SERVER_INTERNAL_ERROR, "Out Of Order REGISTER",
                    RegisterOutcome.OUT_OF_ORDER, outOfOrder.getMessage());
        }
        LOG.errorf(cause, "REGISTER (Call-ID %s): registrar failed: %s", x.inbound.callId(), cause);
        return RegisterReject.of(Response.SERVER_INTERNAL_ERROR, "S-CSCF Error", RegisterOutcome.SERVER_ERROR,
                "see the error above");
    }

    /** Compare-and-set contention, or the Infinispan client/cache failing (server down, timeouts). */
    private static boolean isStoreFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StoreContentionException || t.getClass().getName().startsWith("org.infinispan.")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> pathHost(Exchange x, String path) {
        try {
            return RegisterRequest.host(x.inbound.node().addresses().createAddress(path));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static byte[] body(Exchange x) {
        byte[] raw = x.inbound.request().getRawContent();
        return raw == null ? NO_BODY : raw;
    }

    /** One REGISTER in progress: filled in as the steps go. */
    private static final class Exchange {
        final InboundRequest inbound;
        final Instant now;
        volatile RegisterRequest register;
        volatile BindingUpdate plan;

        Exchange(InboundRequest inbound, Instant now) {
            this.inbound = inbound;
            this.now = now;
        }
    }

    /** The implicit set and the profile of a registration being created. */
    private record Profile(List<String> implicitSet, String serviceProfile) {
    }

    /** The registration before and after a committed change. */
    private record Committed(Optional<Registration> before, Optional<Registration> after) {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
