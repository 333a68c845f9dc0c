package io.kubeims.cscf.ue;

import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.SipNodeStartException;
import io.kubeims.cscf.sip.header.AuthHeader;
import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.FreshnessLimits;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.digest.AkaDigest;
import io.kubeims.protocol.digest.AkaNonce;
import io.kubeims.protocol.digest.DigestChallenge;
import io.kubeims.protocol.digest.DigestCredentials;
import io.kubeims.protocol.digest.Ha1;
import io.kubeims.protocol.digest.Qop;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A small IMS UE for tests: its own SIP stack on loopback (UDP and TCP), registering one public identity with IMS
 * AKA (a {@link Usim} computing RES or AUTS from K/OPc and its own SQN state, RFC 3310) or SIP Digest (RFC 2617,
 * qop=auth), as TS 24.229 5.1.1.2 describes: an initial REGISTER with {@code nonce=""} and {@code response=""}, the
 * answer to the 401 in the next REGISTER of the same Call-ID with a higher CSeq.
 *
 * <p>Flows: {@link #register()}, {@link #query()}, {@link #deregister()}, {@link #deregisterAll()},
 * {@link #refreshWithLastNonce}. Steps, for tests that misbehave on purpose: {@link #newRegister} and friends build a
 * REGISTER, {@link #authorizeInitially}, {@link #authorize} (rightly, or with {@link Answering#WRONG_SECRET}, or
 * with a chosen nonce count), {@link #withAuthorization} (replaying a value sent before),
 * {@link #markIntegrityProtected} (what a P-CSCF adds), {@link #send}; {@link #advanceSqn} drives the USIM's SQN
 * ahead of the HSS's so that the next challenge fails synchronisation. Reg event (TS 24.229 5.1.1.3, RFC 3680):
 * {@link #subscribeToReg} sends the SUBSCRIBE; every NOTIFY the UE receives is answered 200 and kept for
 * {@link #awaitNotify}. Every wait is bounded.
 */
public final class UserEquipment implements AutoCloseable {

    /** How long one REGISTER transaction may take. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    /** How {@link #authorize} answers a challenge. */
    public enum Answering {
        /** With the right RES or password. */
        CORRECTLY,
        /** With a wrong RES (AKA) or password (MD5). */
        WRONG_SECRET
    }

    /** The USIM's L (TS 33.102 C.2.2): a SQN this far below the highest accepted is refused (resync tests). */
    private static final long SQN_LIMIT = 1000;

    private final UeSettings settings;
    private final SipNode node;
    private final String callId = UUID.randomUUID() + "@ue";
    private final String fromTag = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong cseq = new AtomicLong();
    private final Usim usim;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, UsimResult> usimResults = new ConcurrentHashMap<>();
    private final Map<String, Long> nonceCounts = new ConcurrentHashMap<>();
    private final BlockingQueue<Request> notifies;
    private volatile String lastAuthorization;
    private volatile DigestChallenge lastChallenge;

    private UserEquipment(UeSettings settings, SipNode node, BlockingQueue<Request> notifies) {
        this.settings = settings;
        this.node = node;
        this.notifies = notifies;
        this.usim = settings.credentials() instanceof UeCredentials.Aka aka
                ? new Usim(aka.keys(), FreshnessLimits.DEFAULT.withLimit(SQN_LIMIT)) : null;
    }

    /** Starts the UE's SIP stack: it answers NOTIFY 200 (keeping it for {@link #awaitNotify}), anything else 405. */
    public static UserEquipment start(UeSettings settings) throws SipNodeStartException {
        BlockingQueue<Request> notifies = new LinkedBlockingQueue<>();
        SipNode node = new SipNode(SipNodeSettings.of(settings.name(), settings.host(), 0));
        node.start(RequestDispatcher.builder().on(Request.NOTIFY, inbound -> {
            notifies.add(inbound.request());
            inbound.respond(Response.OK);
        }).build());
        return new UserEquipment(settings, node, notifies);
    }

    public UeSettings settings() {
        return settings;
    }

    public SipNode node() {
        return node;
    }

    /** The Call-ID of all this UE's REGISTERs (RFC 3261 10.2: the same for refreshes). */
    public String callId() {
        return callId;
    }

    /** The CSeq of the last REGISTER built. */
    public long lastCseq() {
        return cseq.get();
    }

    /** The contact URI this UE registers: {@code sip:<name>@host:port}, with {@code transport=tcp} over TCP. */
    public String contactUri() {
        return "sip:" + settings.name() + "@" + settings.host() + ":" + node.port()
                + (NextHop.TCP.equals(settings.registrar().transport()) ? ";transport=tcp" : "");
    }

    /** What the USIM computed for the challenge with this nonce (RES, CK, IK, or AUTS), if it was asked. */
    public java.util.Optional<UsimResult> usimResult(String nonce) {
        return java.util.Optional.ofNullable(usimResults.get(nonce));
    }

    /** The last challenge this UE answered, if any. */
    public DigestChallenge lastChallenge() {
        return lastChallenge;
    }

    /** The Authorization value of the last answer this UE sent (to replay it). */
    public String lastAuthorization() {
        return lastAuthorization;
    }

    // ---- flows ----

    /** Registers for {@link UeSettings#expires()} seconds: initial REGISTER, 401, answer (resync if needed). */
    public Response register() throws Exception {
        return register(settings.expires());
    }

    /** Registers (or re-registers) for {@code expires} seconds, authenticating afresh. */
    public Response register(int expires) throws Exception {
        return authenticated(() -> newRegister(expires));
    }

    /** Asks for the current bindings (REGISTER without Contact, RFC 3261 10.2.3), authenticated. */
    public Response query() throws Exception {
        return authenticated(this::newQuery);
    }

    /** Removes this UE's binding (its Contact with expires=0), authenticated. */
    public Response deregister() throws Exception {
        return authenticated(() -> newRegister(0));
    }

    /** Removes every binding of the identity ({@code Contact: *}, {@code Expires: 0}), authenticated. */
    public Response deregisterAll() throws Exception {
        return authenticated(this::newWildcardRemoval);
    }

    /**
     * Refreshes by answering the last challenge again with the next nonce count (RFC 2617 3.2.2 nonce reuse),
     * without a new 401.
     */
    public Response refreshWithLastNonce(int expires) throws Exception {
        if (lastChallenge == null) {
            throw new IllegalStateException("no challenge answered yet");
        }
        Request register = newRegister(expires);
        authorize(register, lastChallenge, Answering.CORRECTLY);
        return send(register);
    }

    private Response authenticated(Supplier<Request> next) throws Exception {
        Request first = next.get();
        authorizeInitially(first);
        Response response = send(first);
        // a resynchronisation costs one more round (RFC 3310 3.4); bounded in any case
        for (int round = 0; round < 3 && response.getStatusCode() == Response.UNAUTHORIZED; round++) {
            Request answer = next.get();
            boolean resynchronising = authorize(answer, challengeOf(response), Answering.CORRECTLY);
            response = send(answer);
            if (!resynchronising) {
                break;
            }
        }
        return response;
    }

    /**
     * Subscribes to the registration state of its public identity (TS 24.229 5.1.1.3): SUBSCRIBE with Request-URI,
     * From and To the IMPU, {@code Event: reg}, {@code Accept: application/reginfo+xml}, its contact, the given
     * Expires, and {@code routeSet} as preloaded Route (e.g. the P-CSCF, then the Service-Route of the 200 to
     * REGISTER), sent to the settings' registrar (the P-CSCF); waits for the final response. The NOTIFYs come to
     * {@link #awaitNotify}.
     */
    public Response subscribeToReg(List<String> routeSet, int expires) throws Exception {
        AddressFactory addresses = node.addresses();
        HeaderFactory headers = node.headers();
        Address aor = addresses.createAddress(addresses.createURI(settings.impu()));
        Request subscribe = node.messages().createRequest(addresses.createURI(settings.impu()), Request.SUBSCRIBE,
                headers.createCallIdHeader(UUID.randomUUID() + "@ue"), headers.createCSeqHeader(1L,
                        Request.SUBSCRIBE), headers.createFromHeader(aor, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(aor, null), new ArrayList<>(), headers.createMaxForwardsHeader(70));
        for (String route : routeSet) {
            header(subscribe, "Route", route);
        }
        header(subscribe, "Event", "reg");
        header(subscribe, "Accept", "application/reginfo+xml");
        header(subscribe, "Contact", "<" + contactUri() + ">");
        header(subscribe, "Expires", Integer.toString(expires));
        return send(subscribe);
    }

    /** The next NOTIFY received (in arrival order), waiting at most {@code timeout}; null when none came. */
    public Request awaitNotify(Duration timeout) throws InterruptedException {
        return notifies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- steps ----

    /** A REGISTER of this UE's contact with {@code expires} (0 removes it), next CSeq, no Authorization. */
    public Request newRegister(int expires) {
        Request register = base();
        String contact = "<" + contactUri() + ">;expires=" + expires
                + (settings.instanceId() == null ? "" : ";+sip.instance=\"" + settings.instanceId() + "\"")
                + (settings.regId() == null ? "" : ";reg-id=" + settings.regId());
        header(register, "Contact", contact);
        return register;
    }

    /** A REGISTER without Contact (a query), next CSeq, no Authorization. */
    public Request newQuery() {
        return base();
    }

    /** A REGISTER with {@code Contact: *} and {@code Expires: 0}, next CSeq, no Authorization. */
    public Request newWildcardRemoval() {
        Request register = base();
        header(register, "Contact", "*");
        header(register, "Expires", "0");
        return register;
    }

    /** A REGISTER like {@link #newRegister} with an explicit CSeq (out-of-order tests). */
    public Request newRegister(int expires, long explicitCseq) throws Exception {
        Request register = newRegister(expires);
        ((javax.sip.header.CSeqHeader) register.getHeader("CSeq")).setSeqNumber(explicitCseq);
        return register;
    }

    /** Adds the Authorization of an initial REGISTER (TS 24.229 5.1.1.2.1): username, realm, empty nonce/response. */
    public void authorizeInitially(Request register) {
        withAuthorization(register, DigestCredentials.builder(settings.impi(), settings.homeDomain(), "",
                "sip:" + settings.homeDomain()).build("").format());
    }

    /**
     * Answers {@code challenge} in {@code register} with the next nonce count of that nonce.
     *
     * @return true when the USIM refused the challenge's SQN and the answer reports a synchronisation failure
     *         ({@code auts}) instead
     */
    public boolean authorize(Request register, DigestChallenge challenge, Answering answering) {
        long nc = nonceCounts.merge(challenge.nonce(), 1L, Long::sum);
        return authorize(register, challenge, answering, nc);
    }

    /** Answers {@code challenge} with the given nonce count (e.g. one used before: a replay). */
    public boolean authorize(Request register, DigestChallenge challenge, Answering answering, long nc) {
        lastChallenge = challenge;
        String uri = "sip:" + settings.homeDomain();
        byte[] cnonceOctets = new byte[8];
        random.nextBytes(cnonceOctets);
        DigestCredentials.Builder builder = DigestCredentials.builder(settings.impi(), challenge.realm(),
                challenge.nonce(), uri).opaque(challenge.opaque()).qop(Qop.AUTH, nc,
                HexFormat.of().formatHex(cnonceOctets));
        challenge.algorithm().ifPresent(builder::algorithm);
        Ha1 ha1;
        boolean resynchronising = false;
        if (settings.credentials() instanceof UeCredentials.Password password) {
            ha1 = Ha1.of(settings.impi(), challenge.realm(), answering == Answering.CORRECTLY ? password.password()
                    : password.password() + "-wrong");
        } else {
            AkaNonce nonce = AkaNonce.decode(challenge.nonce());
            UsimResult result = usimResults.computeIfAbsent(challenge.nonce(),
                    n -> usim.authenticate(nonce.rand(), nonce.autn()));
            if (result instanceof UsimResult.Authenticated authenticated) {
                byte[] res = authenticated.res();
                if (answering == Answering.WRONG_SECRET) {
                    res[0] ^= 0x01;
                }
                ha1 = AkaDigest.ha1(settings.impi(), challenge.realm(), res);
            } else if (result instanceof UsimResult.SynchronisationFailure failure) {
                // RFC 3310 3.4: auts, and a response computed with an empty password
                builder.auts(AkaDigest.encodeAuts(failure.auts()));
                ha1 = AkaDigest.synchronisationFailureHa1(settings.impi(), challenge.realm());
                resynchronising = true;
            } else {
                throw new IllegalStateException("the USIM refused the network: MAC-A does not verify");
            }
        }
        withAuthorization(register, builder.computeResponse(ha1, Request.REGISTER, new byte[0]).format());
        return resynchronising;
    }

    /** Puts exactly this Authorization value into {@code register} (replacing any), remembering it. */
    public void withAuthorization(Request register, String value) {
        register.removeHeader("Authorization");
        header(register, "Authorization", value);
        if (value.contains("response=\"") && !value.contains("response=\"\"")) {
            lastAuthorization = value;
        }
    }

    /** Marks the Authorization {@code integrity-protected="yes"}, as a P-CSCF does for a REGISTER over its SA. */
    public void markIntegrityProtected(Request register) {
        AuthHeader.AUTHORIZATION.rewrite(register, value -> value + ", integrity-protected=\"yes\"",
                node.headers());
    }

    /** Sends {@code register} (or any request) to the settings' registrar and waits for the final response. */
    public Response send(Request register) throws Exception {
        return send(register, settings.registrar());
    }

    /** Sends {@code register} to {@code registrar} (e.g. another replica) and waits for the final response. */
    public Response send(Request register, NextHop registrar) throws Exception {
        return node.request(register, registrar, WAIT).get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /**
     * Drives the USIM's SQN to {@code seq} by accepting a vector of its own (as if another network had
     * authenticated it), so that the HSS's next, lower SQN fails the freshness check: the next challenge is
     * answered with {@code auts} (TS 33.102 6.3.3, C.2.2).
     */
    public void advanceSqn(long seq) {
        if (!(settings.credentials() instanceof UeCredentials.Aka aka)) {
            throw new IllegalStateException("only an AKA UE has a SQN");
        }
        AuthenticationVector vector = new AuthenticationVectorGenerator(random).generate(aka.keys(),
                Sqn.of(seq, 0), aka.amf());
        if (!(usim.authenticate(vector.rand(), vector.autn()) instanceof UsimResult.Authenticated)) {
            throw new IllegalStateException("the USIM refused SQN " + seq);
        }
    }

    /** The Digest challenge of a 401. */
    public static DigestChallenge challengeOf(Response unauthorized) {
        WWWAuthenticateHeader header = (WWWAuthenticateHeader) unauthorized.getHeader(WWWAuthenticateHeader.NAME);
        if (header == null) {
            throw new IllegalStateException(unauthorized.getStatusCode() + " without WWW-Authenticate");
        }
        return DigestChallenge.parse(AuthHeader.WWW_AUTHENTICATE.first(unauthorized).orElseThrow());
    }

    private Request base() {
        try {
            AddressFactory addresses = node.addresses();
            HeaderFactory headers = node.headers();
            Address aor = addresses.createAddress(addresses.createURI(settings.impu()));
            Request register = node.messages().createRequest(addresses.createURI("sip:" + settings.homeDomain()),
                    Request.REGISTER, headers.createCallIdHeader(callId),
                    headers.createCSeqHeader(cseq.incrementAndGet(), Request.REGISTER),
                    headers.createFromHeader(aor, fromTag), headers.createToHeader(aor, null), new ArrayList<>(),
                    headers.createMaxForwardsHeader(70));
            header(register, "Supported", "path");
            for (String entry : settings.path()) {
                header(register, "Path", entry);
            }
            return register;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a REGISTER: " + e.getMessage(), e);
        }
    }

    private void header(Request register, String name, String value) {
        try {
            register.addLast(node.headers().createHeader(name, value));
        } catch (Exception e) {
            throw new IllegalStateException("cannot add " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the UE's SIP stack (about 1 s). */
    @Override
    public void close() {
        node.close();
    }

    /** The UEs' stacks stopped in parallel. */
    public static void closeAll(List<UserEquipment> ues) {
        List<SipNode> nodes = new ArrayList<>();
        for (UserEquipment ue : ues) {
            if (ue != null) {
                nodes.add(ue.node);
            }
        }
        SipNode.closeAll(nodes);
    }

    @Override
    public String toString() {
        return "UserEquipment[" + settings.impu() + " (IMPI " + settings.impi() + ") on " + node + "]";
    }
}
