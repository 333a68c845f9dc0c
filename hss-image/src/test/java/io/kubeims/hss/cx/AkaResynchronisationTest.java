package io.kubeims.hss.cx;

import static io.kubeims.hss.cx.HssTestBed.SCSCF_POOL;
import static io.kubeims.hss.cx.HssTestBed.call;
import static io.kubeims.hss.cx.HssTestSubscribers.uniqueName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * IMS AKA end to end over Cx: vectors from MAA checked by a USIM with the same K/OPc (TS 33.102 6.3.3), and
 * resynchronisation with a real AUTS from a USIM that is ahead of the HSS (TS 33.102 6.3.5, TS 29.228 6.3.1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AkaResynchronisationTest {

    /** SEQ of the vectors another network issued to the USIM: far ahead of this HSS. */
    private static final long FOREIGN_SEQ = 5000;

    private Path dataDirectory;
    private HssCore core;
    private CxNode scscf;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("hss-aka-");
        core = HssTestBed.embeddedCore("hss.ims.example.com", dataDirectory);
        scscf = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, core, new RecordingScscfHandler());
    }

    @AfterAll
    void stop() throws Exception {
        if (scscf != null) {
            scscf.close();
        }
        if (core != null) {
            core.close();
        }
        HssTestBed.deleteTree(dataDirectory);
    }

    private Subscriber provision() {
        Subscriber subscriber = HssTestSubscribers.aka(uniqueName("aka"));
        core.storage().subscribers().put(subscriber);
        return subscriber;
    }

    private MultimediaAuthAnswer mar(Subscriber s, SipAuthDataItem item) throws Exception {
        return call(scscf, new MultimediaAuthRequest(s.privateIdentity(), s.defaultPublicIdentity().identity(),
                SCSCF_POOL, 1, item));
    }

    private static byte[] rand(SipAuthDataItem vector) {
        return Arrays.copyOfRange(vector.sipAuthenticate(), 0, 16);
    }

    private static byte[] autn(SipAuthDataItem vector) {
        return Arrays.copyOfRange(vector.sipAuthenticate(), 16, 32);
    }

    /**
     * A USIM that accepted, in every one of its 32 IND slots, a SEQ far above anything this HSS issued (as if
     * another HE had authenticated it): any vector of this HSS is then stale (TS 33.102 C.2.2).
     */
    private static Usim usimAhead() {
        Usim usim = new Usim(HssTestSubscribers.KEYS);
        AuthenticationVectorGenerator foreignHe = new AuthenticationVectorGenerator(new SecureRandom());
        for (int ind = 0; ind < Sqn.IND_COUNT; ind++) {
            AuthenticationVector vector = foreignHe.generate(HssTestSubscribers.KEYS, Sqn.of(FOREIGN_SEQ + ind, ind),
                    HssTestSubscribers.akaCredentials().amf());
            assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(vector.rand(), vector.autn()));
        }
        return usim;
    }

    @Test
    void vectorIsAcceptedByTheUsimWithTheSameResponseAndKeys() throws Exception {
        Subscriber s = provision();
        MultimediaAuthAnswer answer = mar(s, SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5));
        assertTrue(answer.result().is(DiameterResultCode.SUCCESS), answer.result().toString());
        SipAuthDataItem vector = answer.authDataItems().get(0);
        UsimResult result = new Usim(HssTestSubscribers.KEYS).authenticate(rand(vector), autn(vector));
        UsimResult.Authenticated ue = assertInstanceOf(UsimResult.Authenticated.class, result);
        assertArrayEquals(ue.res(), vector.sipAuthorization(), "RES == XRES");
        assertArrayEquals(ue.ck(), vector.confidentialityKey());
        assertArrayEquals(ue.ik(), vector.integrityKey());
        assertEquals(core.storage().dynamicState().lastSqn(s.privateIdentity()), ue.sqn());
    }

    @Test
    void resynchronisationWithARealAutsGivesAVectorAboveSqnMs() throws Exception {
        Subscriber s = provision();
        Usim usim = usimAhead();
        Sqn sqnMs = usim.highestAcceptedSqn();

        SipAuthDataItem stale = mar(s, SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5))
                .authDataItems().get(0);
        UsimResult.SynchronisationFailure failure = assertInstanceOf(UsimResult.SynchronisationFailure.class,
                usim.authenticate(rand(stale), autn(stale)));
        byte[] randAuts = ByteBuffer.allocate(30).put(rand(stale)).put(failure.auts().toOctets()).array();

        MultimediaAuthAnswer answer = mar(s, SipAuthDataItem.resynchronisation(randAuts));
        assertTrue(answer.result().is(DiameterResultCode.SUCCESS), answer.result() + " " + answer.errorMessage());
        assertEquals(1, answer.authDataItems().size());
        SipAuthDataItem fresh = answer.authDataItems().get(0);
        UsimResult.Authenticated ue = assertInstanceOf(UsimResult.Authenticated.class,
                usim.authenticate(rand(fresh), autn(fresh)));
        assertTrue(ue.sqn().seq() > sqnMs.seq(), ue.sqn() + " must be above SQN_MS " + sqnMs);
        assertArrayEquals(ue.res(), fresh.sipAuthorization());
        assertTrue(core.storage().dynamicState().lastSqn(s.privateIdentity()).compareTo(sqnMs) > 0);
    }

    @Test
    void resynchronisationNeverMovesTheSqnBackwards() throws Exception {
        Subscriber s = provision();
        // the HSS issues several vectors; the USIM has seen only the first
        MultimediaAuthAnswer first = call(scscf, new MultimediaAuthRequest(s.privateIdentity(),
                s.defaultPublicIdentity().identity(), SCSCF_POOL, 3,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5)));
        Usim usim = new Usim(HssTestSubscribers.KEYS);
        SipAuthDataItem seen = first.authDataItems().get(0);
        assertInstanceOf(UsimResult.Authenticated.class, usim.authenticate(rand(seen), autn(seen)));
        Sqn before = core.storage().dynamicState().lastSqn(s.privateIdentity());
        // a replayed challenge makes the USIM report its (lower) SQN_MS
        UsimResult.SynchronisationFailure replay = assertInstanceOf(UsimResult.SynchronisationFailure.class,
                usim.authenticate(rand(seen), autn(seen)));
        byte[] randAuts = ByteBuffer.allocate(30).put(rand(seen)).put(replay.auts().toOctets()).array();
        MultimediaAuthAnswer answer = mar(s, SipAuthDataItem.resynchronisation(randAuts));
        assertTrue(answer.result().is(DiameterResultCode.SUCCESS));
        SipAuthDataItem next = answer.authDataItems().get(0);
        UsimResult.Authenticated ue = assertInstanceOf(UsimResult.Authenticated.class,
                usim.authenticate(rand(next), autn(next)));
        assertTrue(ue.sqn().compareTo(before) > 0, ue.sqn() + " above " + before);
    }

    @Test
    void forgedAutsIsInvalidAvpValueWithTheSipAuthorizationAsFailedAvp() throws Exception {
        Subscriber s = provision();
        Usim usim = usimAhead();
        SipAuthDataItem stale = mar(s, SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5))
                .authDataItems().get(0);
        UsimResult.SynchronisationFailure failure = (UsimResult.SynchronisationFailure) usim.authenticate(
                rand(stale), autn(stale));
        byte[] forged = ByteBuffer.allocate(30).put(rand(stale)).put(failure.auts().toOctets()).array();
        forged[29] ^= 0x01; // last octet of MAC-S
        Sqn before = core.storage().dynamicState().lastSqn(s.privateIdentity());

        MultimediaAuthAnswer answer = mar(s, SipAuthDataItem.resynchronisation(forged));
        assertInvalidAuts(answer, forged);
        assertEquals(before, core.storage().dynamicState().lastSqn(s.privateIdentity()), "no SQN consumed or moved");

        byte[] tooShort = Arrays.copyOf(forged, 29);
        assertInvalidAuts(mar(s, SipAuthDataItem.resynchronisation(tooShort)), tooShort);
        assertEquals(before, core.storage().dynamicState().lastSqn(s.privateIdentity()));
    }

    private static void assertInvalidAuts(MultimediaAuthAnswer answer, byte[] sent) {
        assertTrue(answer.result().is(DiameterResultCode.INVALID_AVP_VALUE), answer.result().toString());
        assertEquals(List.of(), answer.authDataItems());
        assertNotNull(answer.errorMessage());
        assertEquals(1, answer.failedAvps().size());
        RawAvp item = answer.failedAvps().get(0);
        assertEquals(CxAvp.SIP_AUTH_DATA_ITEM.code(), item.code());
        assertEquals(10415, item.vendorId());
        RawAvp inner = new RawAvp(CxAvp.SIP_AUTHORIZATION.code(), 10415, true, sent);
        assertArrayEquals(inner.wireBytes(), item.data(), "Failed-AVP holds the SIP-Authorization as sent");
    }
}
