package io.kubeims.hss.cx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.EmbeddedHssStorage;
import io.kubeims.hss.store.RegistrationChange;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import io.kubeims.store.StoreContentionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A failing dynamic-state store never escapes a handler: lost compare-and-set races become DIAMETER_TOO_BUSY
 * (3004), any other store error DIAMETER_UNABLE_TO_COMPLY (5012). The subscribers are real (embedded storage). The
 * 5012 case uses a real storage that has been closed; for 3004 the dynamic state is a store whose every operation
 * reports exhausted compare-and-set retries, which a real cache cannot be made to do on demand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreFailureAnswersTest {

    private static final CxEnvelope ENVELOPE = new CxEnvelope("scscf.ims.example.com;1;2", "scscf.ims.example.com",
            "ims.example.com", "hss.ims.example.com", "ims.example.com");

    private Path dataDirectory;
    private EmbeddedHssStorage storage;
    private Subscriber subscriber;

    @BeforeAll
    void open() throws Exception {
        dataDirectory = Files.createTempDirectory("hss-failing-");
        storage = new EmbeddedHssStorage(dataDirectory);
        subscriber = HssTestSubscribers.aka("failing");
        storage.subscribers().put(subscriber);
    }

    @AfterAll
    void close() throws Exception {
        if (storage != null) {
            storage.close();
        }
        HssTestBed.deleteTree(dataDirectory);
    }

    /** Every operation throws what {@code failure} supplies. */
    private static DynamicStateStore failing(Supplier<RuntimeException> failure) {
        return new DynamicStateStore() {
            @Override
            public Sqn nextSqn(String privateIdentity) {
                throw failure.get();
            }

            @Override
            public Sqn resync(String privateIdentity, Sqn sqnMs) {
                throw failure.get();
            }

            @Override
            public Sqn lastSqn(String privateIdentity) {
                throw failure.get();
            }

            @Override
            public RegistrationRecord registration(String privateIdentity) {
                throw failure.get();
            }

            @Override
            public RegistrationChange updateRegistration(String privateIdentity,
                                                         UnaryOperator<RegistrationRecord> change) {
                throw failure.get();
            }
        };
    }

    private List<CxAnswer> everyCommand(DynamicStateStore state) {
        HssCxProcedures procedures = new HssCxProcedures(HssTestBed.cxSettings(), storage.subscribers(), state,
                new AuthenticationVectorGenerator(new SecureRandom()), new CxUserDataWriter());
        String impi = subscriber.privateIdentity();
        String impu = subscriber.defaultPublicIdentity().identity();
        return List.of(
                procedures.userAuthorization(ENVELOPE, new UserAuthorizationRequest(impi, impu, "ims.example.com")),
                procedures.multimediaAuth(ENVELOPE, new MultimediaAuthRequest(impi, impu, HssTestBed.SCSCF_POOL, 1,
                        SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5))),
                procedures.serverAssignment(ENVELOPE, new ServerAssignmentRequest(impi, List.of(impu),
                        HssTestBed.SCSCF_POOL, ServerAssignmentType.REGISTRATION,
                        UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)),
                procedures.locationInfo(ENVELOPE, new LocationInfoRequest(impu)));
    }

    @Test
    void contentionIsTooBusy() {
        List<CxAnswer> answers = everyCommand(failing(() -> new StoreContentionException("hss-registrations",
                subscriber.privateIdentity(), 16)));
        assertEquals(4, answers.size());
        for (CxAnswer answer : answers) {
            assertTrue(answer.result().is(DiameterResultCode.TOO_BUSY), answer.command() + ": " + answer.result());
        }
    }

    @Test
    void aStoreThatIsGoneIsUnableToComply() throws Exception {
        // A real failure: the dynamic state of an embedded storage whose cache manager has been stopped.
        Path goneDirectory = Files.createTempDirectory("hss-gone-");
        try {
            EmbeddedHssStorage gone = new EmbeddedHssStorage(goneDirectory);
            DynamicStateStore state = gone.dynamicState();
            gone.close();
            List<CxAnswer> answers = everyCommand(state);
            assertEquals(4, answers.size());
            for (CxAnswer answer : answers) {
                assertTrue(answer.result().is(DiameterResultCode.UNABLE_TO_COMPLY), answer.command() + ": "
                        + answer.result());
            }
        } finally {
            HssTestBed.deleteTree(goneDirectory);
        }
    }
}
