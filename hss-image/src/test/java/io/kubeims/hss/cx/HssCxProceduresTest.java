package io.kubeims.hss.cx;

import static io.kubeims.hss.cx.HssTestBed.OTHER_POOL;
import static io.kubeims.hss.cx.HssTestBed.REALM;
import static io.kubeims.hss.cx.HssTestBed.ROAMING_PARTNER;
import static io.kubeims.hss.cx.HssTestBed.SCSCF_POOL;
import static io.kubeims.hss.cx.HssTestBed.call;
import static io.kubeims.hss.cx.HssTestSubscribers.impi;
import static io.kubeims.hss.cx.HssTestSubscribers.sipImpu;
import static io.kubeims.hss.cx.HssTestSubscribers.telImpu;
import static io.kubeims.hss.cx.HssTestSubscribers.uniqueName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.Autn;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserAuthorizationType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.digest.Ha1;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * UAR, MAR, SAR and LIR from real Cx client nodes (jdiameter on loopback) to an {@link HssCore} with embedded
 * storage: every result of TS 29.228 6.1.1.1, 6.1.2.1, 6.1.4.1 and 6.3.1 the HSS gives, and the state it leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HssCxProceduresTest {

    private static final String OTHER_VISITED = "elsewhere.example.org";

    private Path dataDirectory;
    private HssCore core;
    private CxNode icscf;
    private CxNode scscf;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("hss-cx-");
        core = HssTestBed.embeddedCore("hss.ims.example.com", dataDirectory);
        icscf = HssTestBed.icscf("icscf.ims.example.com", core);
        scscf = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, core, new RecordingScscfHandler());
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {scscf, icscf, core}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        HssTestBed.deleteTree(dataDirectory);
    }

    // ---- helpers ----

    private Subscriber provision(Subscriber subscriber) {
        core.storage().subscribers().put(subscriber);
        return subscriber;
    }

    private RegistrationRecord record(Subscriber subscriber) {
        return core.storage().dynamicState().registration(subscriber.privateIdentity());
    }

    private UserAuthorizationAnswer uar(String impi, String impu, String visited, UserAuthorizationType type,
                                        long flags) throws Exception {
        return call(icscf, new UserAuthorizationRequest(impi, impu, visited, type, flags));
    }

    private UserAuthorizationAnswer uar(Subscriber s, UserAuthorizationType type) throws Exception {
        return uar(s.privateIdentity(), s.defaultPublicIdentity().identity(), REALM, type, 0);
    }

    private MultimediaAuthAnswer mar(Subscriber s, String server, long items, SipAuthDataItem item)
            throws Exception {
        return call(scscf, new MultimediaAuthRequest(s.privateIdentity(), s.defaultPublicIdentity().identity(),
                server, items, item));
    }

    private MultimediaAuthAnswer akaMar(Subscriber s, String server, long items) throws Exception {
        return mar(s, server, items, SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5));
    }

    private ServerAssignmentAnswer sar(Subscriber s, String server, ServerAssignmentType type,
                                       UserDataAlreadyAvailable available) throws Exception {
        return call(scscf, new ServerAssignmentRequest(s.privateIdentity(),
                List.of(s.defaultPublicIdentity().identity()), server, type, available));
    }

    private ServerAssignmentAnswer sar(Subscriber s, String server, ServerAssignmentType type) throws Exception {
        return sar(s, server, type, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE);
    }

    private LocationInfoAnswer lir(String impu) throws Exception {
        return call(icscf, new LocationInfoRequest(impu));
    }

    private static void assertResult(CxExperimentalResultCode expected, CxAnswer answer) {
        assertTrue(answer.result().is(expected), "expected " + expected + ", got " + answer.result()
                + " (" + answer.errorMessage() + ")");
    }

    private static void assertResult(DiameterResultCode expected, CxAnswer answer) {
        assertTrue(answer.result().is(expected), "expected " + expected + ", got " + answer.result()
                + " (" + answer.errorMessage() + ")");
    }

    private static ServerCapabilities capabilities() {
        return HssTestBed.cxSettings().serverCapabilities();
    }

    private static ImsSubscription userData(ServerAssignmentAnswer answer) throws Exception {
        assertNotNull(answer.userData(), "User-Data expected");
        return new CxUserDataReader().read(answer.userData());
    }

    // ---- UAR (TS 29.228 6.1.1.1) ----


    @Test
    void uarUnknownPublicIdentityIsUserUnknown() throws Exception {
        assertResult(CxExperimentalResultCode.USER_UNKNOWN, uar("nobody@ims.example.com",
                "sip:nobody@ims.example.com", REALM, UserAuthorizationType.REGISTRATION, 0));
    }

    @Test
    void uarPrivateIdentityNotOwningThePublicOneIsIdentitiesDontMatch() throws Exception {
        Subscriber a = provision(HssTestSubscribers.aka(uniqueName("uara")));
        Subscriber b = provision(HssTestSubscribers.aka(uniqueName("uarb")));
        assertResult(CxExperimentalResultCode.IDENTITIES_DONT_MATCH, uar(b.privateIdentity(),
                a.defaultPublicIdentity().identity(), REALM, UserAuthorizationType.REGISTRATION, 0));
        assertResult(CxExperimentalResultCode.IDENTITIES_DONT_MATCH, uar("unknown@ims.example.com",
                a.defaultPublicIdentity().identity(), REALM, UserAuthorizationType.REGISTRATION, 0));
    }

    @Test
    void uarBarredSubscriptionIsAuthorizationRejected() throws Exception {
        Subscriber s = provision(HssTestSubscribers.barredSubscription(uniqueName("barred")));
        UserAuthorizationAnswer answer = uar(s, UserAuthorizationType.REGISTRATION);
        assertResult(DiameterResultCode.AUTHORIZATION_REJECTED, answer);
        assertNull(answer.serverCapabilities());
    }

    @Test
    void uarBarredIdentityIsRejectedOnlyWhenTheWholeImplicitSetIsBarred() throws Exception {
        Subscriber allBarred = provision(HssTestSubscribers.barredIdentity(uniqueName("allbarred"), true));
        assertResult(DiameterResultCode.AUTHORIZATION_REJECTED, uar(allBarred, UserAuthorizationType.REGISTRATION));
        Subscriber oneBarred = provision(HssTestSubscribers.barredIdentity(uniqueName("onebarred"), false));
        UserAuthorizationAnswer answer = uar(oneBarred, UserAuthorizationType.REGISTRATION);
        assertResult(CxExperimentalResultCode.FIRST_REGISTRATION, answer);
    }

    @Test
    void uarDeRegistrationAndEmergencyRegistrationAreNotRefusedForBarring() throws Exception {
        Subscriber s = provision(HssTestSubscribers.barredSubscription(uniqueName("barredemerg")));
        assertResult(CxExperimentalResultCode.FIRST_REGISTRATION, uar(s.privateIdentity(),
                s.defaultPublicIdentity().identity(), OTHER_VISITED, UserAuthorizationType.REGISTRATION, 1));
        assertResult(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED,
                uar(s, UserAuthorizationType.DE_REGISTRATION));
    }

    @Test
    void uarVisitedNetworkMustBeHomeOrAllowed() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("roamer")));
        String impu = s.defaultPublicIdentity().identity();
        assertResult(CxExperimentalResultCode.ROAMING_NOT_ALLOWED, uar(s.privateIdentity(), impu, OTHER_VISITED,
                UserAuthorizationType.REGISTRATION, 0));
        assertResult(CxExperimentalResultCode.FIRST_REGISTRATION, uar(s.privateIdentity(), impu,
                ROAMING_PARTNER.toUpperCase(), UserAuthorizationType.REGISTRATION, 0));
    }

    @Test
    void uarFirstRegistrationGivesCapabilitiesThenSubsequentGivesTheServerName() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("first")));
        UserAuthorizationAnswer first = uar(s, UserAuthorizationType.REGISTRATION);
        assertResult(CxExperimentalResultCode.FIRST_REGISTRATION, first);
        assertEquals(capabilities(), first.serverCapabilities());
        assertNull(first.serverName());

        assertResult(DiameterResultCode.SUCCESS, sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION));
        // every identity of the implicit set, not just the one registered
        UserAuthorizationAnswer subsequent = uar(s.privateIdentity(), telImpu(nameOf(s)), REALM,
                UserAuthorizationType.REGISTRATION, 0);
        assertResult(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION, subsequent);
        assertEquals(SCSCF_POOL, subsequent.serverName());
        assertNull(subsequent.serverCapabilities());
    }

    @Test
    void uarUnregisteredStateAndStoredNameAlsoGiveSubsequentRegistration() throws Exception {
        Subscriber unregistered = provision(HssTestSubscribers.aka(uniqueName("unreg")));
        assertResult(DiameterResultCode.SUCCESS, sar(unregistered, OTHER_POOL,
                ServerAssignmentType.UNREGISTERED_USER));
        UserAuthorizationAnswer answer = uar(unregistered, UserAuthorizationType.REGISTRATION);
        assertResult(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION, answer);
        assertEquals(OTHER_POOL, answer.serverName());

        Subscriber kept = provision(HssTestSubscribers.aka(uniqueName("kept")));
        sar(kept, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        assertResult(DiameterResultCode.SUCCESS, sar(kept, SCSCF_POOL,
                ServerAssignmentType.USER_DEREGISTRATION_STORE_SERVER_NAME));
        UserAuthorizationAnswer stored = uar(kept, UserAuthorizationType.REGISTRATION);
        assertResult(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION, stored);
        assertEquals(SCSCF_POOL, stored.serverName());
    }

    @Test
    void uarRegistrationAndCapabilitiesGivesCapabilitiesEvenWhenRegistered() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("caps")));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        UserAuthorizationAnswer answer = uar(s, UserAuthorizationType.REGISTRATION_AND_CAPABILITIES);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(capabilities(), answer.serverCapabilities());
        assertNull(answer.serverName());
    }

    @Test
    void uarDeRegistrationGivesTheAssignedServerOrIdentityNotRegistered() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("dereg")));
        assertResult(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED,
                uar(s, UserAuthorizationType.DE_REGISTRATION));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        UserAuthorizationAnswer answer = uar(s, UserAuthorizationType.DE_REGISTRATION);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(SCSCF_POOL, answer.serverName());
    }

    // ---- MAR (TS 29.228 6.3.1) ----


    @Test
    void marUnknownOrMismatchedIdentities() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("marid")));
        assertResult(CxExperimentalResultCode.USER_UNKNOWN, call(scscf, new MultimediaAuthRequest(
                s.privateIdentity(), "sip:ghost@ims.example.com", SCSCF_POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5))));
        assertResult(CxExperimentalResultCode.IDENTITIES_DONT_MATCH, call(scscf, new MultimediaAuthRequest(
                "other@ims.example.com", s.defaultPublicIdentity().identity(), SCSCF_POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5))));
    }

    @Test
    void marAkaVectorsEachWithItsOwnIncreasingSqnAndCapped() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("vectors")));
        MultimediaAuthAnswer answer = akaMar(s, SCSCF_POOL, 10);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(HssTestBed.MAX_AUTH_ITEMS, answer.authDataItems().size());
        assertEquals(Long.valueOf(HssTestBed.MAX_AUTH_ITEMS), answer.numberAuthItems());
        assertEquals(s.privateIdentity(), answer.userName());
        assertEquals(s.defaultPublicIdentity().identity(), answer.publicIdentity());
        // a USIM with the same keys accepts them in SIP-Item-Number order (strictly increasing SQN)
        Usim usim = new Usim(HssTestSubscribers.KEYS);
        Sqn previous = Sqn.ZERO;
        for (int i = 0; i < answer.authDataItems().size(); i++) {
            SipAuthDataItem item = answer.authDataItems().get(i);
            assertEquals(Long.valueOf(i + 1), item.itemNumber());
            assertEquals("Digest-AKAv1-MD5", item.authenticationScheme());
            byte[] randAutn = item.sipAuthenticate();
            assertEquals(32, randAutn.length);
            UsimResult.Authenticated ue = (UsimResult.Authenticated) usim.authenticate(
                    Arrays.copyOfRange(randAutn, 0, 16), Arrays.copyOfRange(randAutn, 16, 32));
            assertArrayEquals(ue.res(), item.sipAuthorization());
            assertArrayEquals(ue.ck(), item.confidentialityKey());
            assertArrayEquals(ue.ik(), item.integrityKey());
            assertTrue(ue.sqn().compareTo(previous) > 0, ue.sqn() + " after " + previous);
            previous = ue.sqn();
        }
        assertEquals(previous, core.storage().dynamicState().lastSqn(s.privateIdentity()));
        // the authenticating S-CSCF is recorded (pending until its SAR)
        assertEquals(new RegistrationRecord(RegistrationState.NOT_REGISTERED, null, SCSCF_POOL), record(s));
    }

    @Test
    void marZeroItemsAskedGivesOneVector() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("zero")));
        MultimediaAuthAnswer answer = akaMar(s, SCSCF_POOL, 0);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(1, answer.authDataItems().size());
    }

    @Test
    void marUnknownSchemeGivesTheSubscribersScheme() throws Exception {
        Subscriber aka = provision(HssTestSubscribers.aka(uniqueName("unkaka")));
        MultimediaAuthAnswer akaAnswer = mar(aka, SCSCF_POOL, 2,
                SipAuthDataItem.request(SipAuthenticationScheme.UNKNOWN));
        assertResult(DiameterResultCode.SUCCESS, akaAnswer);
        assertEquals(2, akaAnswer.authDataItems().size());
        assertEquals("Digest-AKAv1-MD5", akaAnswer.authDataItems().get(0).authenticationScheme());

        Subscriber digest = provision(HssTestSubscribers.digest(uniqueName("unkdigest"), "secret"));
        MultimediaAuthAnswer digestAnswer = mar(digest, SCSCF_POOL, 2,
                SipAuthDataItem.request(SipAuthenticationScheme.UNKNOWN));
        assertResult(DiameterResultCode.SUCCESS, digestAnswer);
        assertEquals(1, digestAnswer.authDataItems().size());
        assertEquals("SIP Digest", digestAnswer.authDataItems().get(0).authenticationScheme());
    }

    @Test
    void marSipDigestGivesRealmQopAndHa1() throws Exception {
        String name = uniqueName("digest");
        Subscriber s = provision(HssTestSubscribers.digest(name, "pa:ss wörd"));
        MultimediaAuthAnswer answer = mar(s, SCSCF_POOL, 3,
                SipAuthDataItem.request(SipAuthenticationScheme.SIP_DIGEST));
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(1, answer.authDataItems().size());
        assertEquals(Long.valueOf(1), answer.numberAuthItems());
        var digest = answer.authDataItems().get(0).digestAuthenticate();
        assertEquals(REALM, digest.digestRealm());
        assertEquals("auth", digest.digestQop());
        // RFC 2617 3.2.2.2: HA1 = MD5(username ":" realm ":" password), username being the IMPI
        assertEquals(Ha1.of(impi(name), REALM, "pa:ss wörd"), Ha1.parseHex(digest.digestHa1()));
    }

    @Test
    void marASchemeTheSubscriberDoesNotHaveOrNobodySupportsIsAuthSchemeNotSupported() throws Exception {
        Subscriber aka = provision(HssTestSubscribers.aka(uniqueName("wrongscheme")));
        assertResult(CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED, mar(aka, SCSCF_POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.SIP_DIGEST)));
        assertResult(CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED, mar(aka, SCSCF_POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.NASS_BUNDLED)));
        assertResult(CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED, mar(aka, SCSCF_POOL, 1,
                new SipAuthDataItem(null, "HTTP_DIGEST_MD5", null, null, null, null, null)));
        Subscriber digest = provision(HssTestSubscribers.digest(uniqueName("wrongdigest"), "pw"));
        assertResult(CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED, mar(digest, SCSCF_POOL, 1,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5)));
        assertEquals(Sqn.ZERO, core.storage().dynamicState().lastSqn(aka.privateIdentity()));
    }

    // ---- SAR (TS 29.228 6.1.2.1) ----


    @Test
    void sarUnknownOrMismatchedIdentities() throws Exception {
        Subscriber a = provision(HssTestSubscribers.aka(uniqueName("sarida")));
        Subscriber b = provision(HssTestSubscribers.aka(uniqueName("saridb")));
        assertResult(CxExperimentalResultCode.USER_UNKNOWN, call(scscf, new ServerAssignmentRequest(null,
                List.of("sip:ghost@ims.example.com"), SCSCF_POOL, ServerAssignmentType.REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)));
        assertResult(CxExperimentalResultCode.USER_UNKNOWN, call(scscf, new ServerAssignmentRequest(
                "ghost@ims.example.com", List.of(), SCSCF_POOL, ServerAssignmentType.TIMEOUT_DEREGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)));
        assertResult(CxExperimentalResultCode.IDENTITIES_DONT_MATCH, call(scscf, new ServerAssignmentRequest(
                b.privateIdentity(), List.of(a.defaultPublicIdentity().identity()), SCSCF_POOL,
                ServerAssignmentType.REGISTRATION, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)));
        assertResult(CxExperimentalResultCode.IDENTITIES_DONT_MATCH, call(scscf, new ServerAssignmentRequest(
                null, List.of(a.defaultPublicIdentity().identity(), b.defaultPublicIdentity().identity()),
                SCSCF_POOL, ServerAssignmentType.REGISTRATION, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)));
        assertEquals(RegistrationRecord.notRegistered(), record(a));
    }

    @Test
    void sarRegistrationAssignsAndCarriesTheUserProfile() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("reg")));
        akaMar(s, SCSCF_POOL, 1);
        ServerAssignmentAnswer answer = sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(s.privateIdentity(), answer.userName());
        ImsSubscription profile = userData(answer);
        assertEquals(s.privateIdentity(), profile.privateId());
        assertEquals(s.imsSubscription(), profile);
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, null), record(s));

        ServerAssignmentAnswer again = sar(s, SCSCF_POOL, ServerAssignmentType.RE_REGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE);
        assertResult(DiameterResultCode.SUCCESS, again);
        assertNull(again.userData(), "User-Data omitted when the S-CSCF has it");
        assertEquals(RegistrationState.REGISTERED, record(s).state());
    }

    @Test
    void sarAnotherScscfHoldingTheUserIsIdentityAlreadyRegistered() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("held")));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        assertResult(CxExperimentalResultCode.IDENTITY_ALREADY_REGISTERED,
                sar(s, OTHER_POOL, ServerAssignmentType.REGISTRATION));
        assertResult(CxExperimentalResultCode.IDENTITY_ALREADY_REGISTERED,
                sar(s, OTHER_POOL, ServerAssignmentType.UNREGISTERED_USER));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, null), record(s));
    }

    @Test
    void sarAnScscfThatAuthenticatedTheUserTakesOverTheAssignment() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("reassign")));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        assertResult(DiameterResultCode.SUCCESS, akaMar(s, OTHER_POOL, 1));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, OTHER_POOL), record(s));
        assertResult(DiameterResultCode.SUCCESS, sar(s, OTHER_POOL, ServerAssignmentType.REGISTRATION));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, OTHER_POOL, null), record(s));
    }

    @Test
    void sarUnregisteredUserAssignsForUnregisteredServicesButDoesNotDowngradeARegistration() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("unregsar")));
        ServerAssignmentAnswer answer = sar(s, SCSCF_POOL, ServerAssignmentType.UNREGISTERED_USER);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(s.imsSubscription(), userData(answer));
        assertEquals(new RegistrationRecord(RegistrationState.UNREGISTERED, SCSCF_POOL, null), record(s));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        assertResult(DiameterResultCode.SUCCESS, sar(s, SCSCF_POOL, ServerAssignmentType.UNREGISTERED_USER));
        assertEquals(RegistrationState.REGISTERED, record(s).state());
    }

    @Test
    void sarNoAssignmentDownloadsForTheAssignedScscfOnly() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("download")));
        assertResult(DiameterResultCode.UNABLE_TO_COMPLY, sar(s, SCSCF_POOL, ServerAssignmentType.NO_ASSIGNMENT));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        ServerAssignmentAnswer answer = sar(s, SCSCF_POOL, ServerAssignmentType.NO_ASSIGNMENT,
                UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(s.imsSubscription(), userData(answer));
        assertResult(DiameterResultCode.UNABLE_TO_COMPLY, sar(s, OTHER_POOL, ServerAssignmentType.NO_ASSIGNMENT));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, null), record(s));
    }

    @Test
    void sarDeregistrationTypesClearTheAssignment() throws Exception {
        for (ServerAssignmentType type : List.of(ServerAssignmentType.TIMEOUT_DEREGISTRATION,
                ServerAssignmentType.USER_DEREGISTRATION, ServerAssignmentType.ADMINISTRATIVE_DEREGISTRATION,
                ServerAssignmentType.DEREGISTRATION_TOO_MUCH_DATA)) {
            Subscriber s = provision(HssTestSubscribers.aka(uniqueName("dereg" + type.code() + "x")));
            sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
            ServerAssignmentAnswer answer = sar(s, SCSCF_POOL, type);
            assertResult(DiameterResultCode.SUCCESS, answer);
            assertNull(answer.userData(), type.toString());
            assertEquals(RegistrationRecord.notRegistered(), record(s), type.toString());
            assertResult(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED,
                    uar(s, UserAuthorizationType.DE_REGISTRATION));
        }
    }

    @Test
    void sarStoreServerNameTypesKeepTheName() throws Exception {
        for (ServerAssignmentType type : List.of(ServerAssignmentType.TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME,
                ServerAssignmentType.USER_DEREGISTRATION_STORE_SERVER_NAME)) {
            Subscriber s = provision(HssTestSubscribers.aka(uniqueName("store" + type.code() + "x")));
            sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
            assertResult(DiameterResultCode.SUCCESS, sar(s, SCSCF_POOL, type));
            RegistrationRecord after = record(s);
            assertEquals(RegistrationState.NOT_REGISTERED, after.state(), type.toString());
            assertEquals(SCSCF_POOL, StoredServerName.of(after), type.toString());
        }
    }

    @Test
    void sarDeregistrationFromAnScscfThatLostTheUserChangesNothing() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("stale")));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        assertResult(DiameterResultCode.SUCCESS, sar(s, OTHER_POOL, ServerAssignmentType.TIMEOUT_DEREGISTRATION));
        assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, null), record(s));
    }

    @Test
    void sarAuthenticationFailureOrTimeoutClearsOnlyThePendingName() throws Exception {
        for (ServerAssignmentType type : List.of(ServerAssignmentType.AUTHENTICATION_FAILURE,
                ServerAssignmentType.AUTHENTICATION_TIMEOUT)) {
            Subscriber s = provision(HssTestSubscribers.aka(uniqueName("authfail" + type.code() + "x")));
            sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
            akaMar(s, OTHER_POOL, 1);
            assertEquals(OTHER_POOL, record(s).pendingServerName());
            ServerAssignmentAnswer answer = sar(s, OTHER_POOL, type);
            assertResult(DiameterResultCode.SUCCESS, answer);
            assertNull(answer.userData());
            assertEquals(new RegistrationRecord(RegistrationState.REGISTERED, SCSCF_POOL, null), record(s),
                    type.toString());

            Subscriber fresh = provision(HssTestSubscribers.aka(uniqueName("authfresh" + type.code() + "x")));
            akaMar(fresh, SCSCF_POOL, 1);
            assertResult(DiameterResultCode.SUCCESS, sar(fresh, SCSCF_POOL, type));
            assertEquals(RegistrationRecord.notRegistered(), record(fresh), type.toString());
        }
    }

    @Test
    void sarSwxOnlyTypesAreInAssignmentType() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("swx")));
        assertResult(CxExperimentalResultCode.IN_ASSIGNMENT_TYPE,
                sar(s, SCSCF_POOL, ServerAssignmentType.AAA_USER_DATA_REQUEST));
        assertResult(CxExperimentalResultCode.IN_ASSIGNMENT_TYPE, sar(s, SCSCF_POOL, ServerAssignmentType.PGW_UPDATE));
        assertEquals(RegistrationRecord.notRegistered(), record(s));
    }

    @Test
    void sarRestorationMovesAnExistingAssignmentKeepingTheState() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("restore")));
        assertResult(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED,
                sar(s, OTHER_POOL, ServerAssignmentType.RESTORATION));
        sar(s, SCSCF_POOL, ServerAssignmentType.UNREGISTERED_USER);
        ServerAssignmentAnswer answer = sar(s, OTHER_POOL, ServerAssignmentType.RESTORATION);
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(s.imsSubscription(), userData(answer));
        assertEquals(new RegistrationRecord(RegistrationState.UNREGISTERED, OTHER_POOL, null), record(s));
    }

    @Test
    void sarByPrivateIdentityOnlyDeregistersTheWholeSet() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("byimpi")));
        sar(s, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        assertResult(DiameterResultCode.SUCCESS, call(scscf, new ServerAssignmentRequest(s.privateIdentity(),
                List.of(), SCSCF_POOL, ServerAssignmentType.USER_DEREGISTRATION,
                UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)));
        assertEquals(RegistrationRecord.notRegistered(), record(s));
    }

    // ---- LIR (TS 29.228 6.1.4.1) ----


    @Test
    void lirUnknownPublicIdentityIsUserUnknown() throws Exception {
        assertResult(CxExperimentalResultCode.USER_UNKNOWN, lir("sip:ghost@ims.example.com"));
    }

    @Test
    void lirRegisteredOrUnregisteredWithAnScscfGivesTheServerName() throws Exception {
        Subscriber registered = provision(HssTestSubscribers.aka(uniqueName("lirreg")));
        sar(registered, SCSCF_POOL, ServerAssignmentType.REGISTRATION);
        LocationInfoAnswer answer = lir(telImpu(nameOf(registered)));
        assertResult(DiameterResultCode.SUCCESS, answer);
        assertEquals(SCSCF_POOL, answer.serverName());
        assertNull(answer.serverCapabilities());

        Subscriber unregistered = provision(HssTestSubscribers.aka(uniqueName("lirunreg")));
        sar(unregistered, OTHER_POOL, ServerAssignmentType.UNREGISTERED_USER);
        LocationInfoAnswer unregisteredAnswer = lir(sipImpu(nameOf(unregistered)));
        assertResult(DiameterResultCode.SUCCESS, unregisteredAnswer);
        assertEquals(OTHER_POOL, unregisteredAnswer.serverName());
        // the I-CSCF re-selecting an S-CSCF gets capabilities instead
        LocationInfoAnswer reselect = call(icscf, new LocationInfoRequest(sipImpu(nameOf(unregistered)), false,
                UserAuthorizationType.REGISTRATION_AND_CAPABILITIES));
        assertResult(CxExperimentalResultCode.UNREGISTERED_SERVICE, reselect);
        assertEquals(capabilities(), reselect.serverCapabilities());
    }

    @Test
    void lirNotRegisteredWithUnregisteredServicesIsUnregisteredService() throws Exception {
        Subscriber s = provision(HssTestSubscribers.withIfcs(uniqueName("voicemail"),
                List.of(HssTestSubscribers.REGISTERED_TAS, HssTestSubscribers.UNREGISTERED_VOICEMAIL)));
        LocationInfoAnswer answer = lir(s.defaultPublicIdentity().identity());
        assertResult(CxExperimentalResultCode.UNREGISTERED_SERVICE, answer);
        assertEquals(capabilities(), answer.serverCapabilities());
        assertNull(answer.serverName());

        // with an S-CSCF name kept by a STORE_SERVER_NAME de-registration: that name
        sar(s, OTHER_POOL, ServerAssignmentType.REGISTRATION);
        sar(s, OTHER_POOL, ServerAssignmentType.TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME);
        LocationInfoAnswer stored = lir(s.defaultPublicIdentity().identity());
        assertResult(CxExperimentalResultCode.UNREGISTERED_SERVICE, stored);
        assertEquals(OTHER_POOL, stored.serverName());
        assertNull(stored.serverCapabilities());
    }

    @Test
    void lirNotRegisteredWithoutUnregisteredServicesIsIdentityNotRegistered() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("noservice")));
        assertResult(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED, lir(s.defaultPublicIdentity().identity()));
        // an AS originating on the user's behalf still gets an S-CSCF
        LocationInfoAnswer originating = call(icscf, new LocationInfoRequest(s.defaultPublicIdentity().identity(),
                true, null));
        assertResult(CxExperimentalResultCode.UNREGISTERED_SERVICE, originating);
        assertEquals(capabilities(), originating.serverCapabilities());
    }

    private static String nameOf(Subscriber s) {
        return s.privateIdentity().substring(0, s.privateIdentity().indexOf('@'));
    }

    @Test
    void marAutnCarriesTheSubscribersAmf() throws Exception {
        Subscriber s = provision(HssTestSubscribers.aka(uniqueName("amf")));
        byte[] randAutn = akaMar(s, SCSCF_POOL, 1).authDataItems().get(0).sipAuthenticate();
        assertArrayEquals(new byte[] {(byte) 0x80, 0x00}, Autn.fromOctets(Arrays.copyOfRange(randAutn, 16, 32)).amf());
    }

    @Test
    void oneDebugLinePerTransactionWithoutSecrets() throws Exception {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(HssCxProcedures.class.getName());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                String message = record.getMessage();
                if (record.getParameters() != null) {
                    message = org.slf4j.helpers.MessageFormatter.arrayFormat(message, record.getParameters())
                            .getMessage();
                }
                lines.add(message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = logger.getLevel();
        logger.setLevel(java.util.logging.Level.FINE);
        logger.addHandler(handler);
        try {
            Subscriber s = provision(HssTestSubscribers.digest(uniqueName("logged"), "hunter2"));
            MultimediaAuthAnswer answer = mar(s, SCSCF_POOL, 1,
                    SipAuthDataItem.request(SipAuthenticationScheme.SIP_DIGEST));
            assertResult(DiameterResultCode.SUCCESS, answer);
            String ha1 = answer.authDataItems().get(0).digestAuthenticate().digestHa1();
            List<String> marLines = lines.stream().filter(line -> line.contains("MAR")).toList();
            assertEquals(1, marLines.size(), lines.toString());
            String line = marLines.get(0);
            assertTrue(line.contains(s.privateIdentity()) && line.contains("Session-Id"), line);
            assertTrue(!line.contains("hunter2") && !line.contains(ha1), "no password or HA1 in " + line);
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(before);
        }
    }
}
