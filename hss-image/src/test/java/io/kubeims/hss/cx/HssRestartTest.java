package io.kubeims.hss.cx;

import static io.kubeims.hss.cx.HssTestBed.SCSCF_POOL;
import static io.kubeims.hss.cx.HssTestBed.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.cx.node.CxNode;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.protocol.aka.Usim;
import io.kubeims.protocol.aka.UsimResult;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole HSS core closed and started again on the same data directory keeps what Cx made of it: the assigned
 * S-CSCF (LIR, UAR) and the SQN (the next vector is above every one issued before, TS 33.102 C.3.2).
 */
class HssRestartTest {

    @Test
    void assignmentAndSqnSurviveARestartOfTheWholeCore() throws Exception {
        Path dataDirectory = Files.createTempDirectory("hss-restart-");
        Subscriber s = HssTestSubscribers.aka(HssTestSubscribers.uniqueName("restart"));
        Usim usim = new Usim(HssTestSubscribers.KEYS);
        Sqn highestIssued = Sqn.ZERO;
        try {
            try (HssCore first = HssTestBed.embeddedCore("hss.ims.example.com", dataDirectory);
                 CxNode scscf = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, first, new RecordingScscfHandler())) {
                first.storage().subscribers().put(s);
                for (int round = 0; round < 3; round++) {
                    MultimediaAuthAnswer maa = call(scscf, akaMar(s, 2));
                    assertTrue(maa.result().is(DiameterResultCode.SUCCESS));
                    for (SipAuthDataItem vector : maa.authDataItems()) {
                        highestIssued = max(highestIssued, acceptedSqn(usim, vector));
                    }
                }
                assertTrue(call(scscf, new ServerAssignmentRequest(s.privateIdentity(),
                        List.of(s.defaultPublicIdentity().identity()), SCSCF_POOL, ServerAssignmentType.REGISTRATION,
                        UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE)).result().is(DiameterResultCode.SUCCESS));
            }

            try (HssCore second = HssTestBed.embeddedCore("hss.ims.example.com", dataDirectory);
                 CxNode icscf = HssTestBed.icscf("icscf.ims.example.com", second);
                 CxNode scscf = HssTestBed.scscf(HssTestBed.SCSCF_REPLICA_0, second, new RecordingScscfHandler())) {
                LocationInfoAnswer lia = call(icscf, new LocationInfoRequest(s.defaultPublicIdentity().identity()));
                assertTrue(lia.result().is(DiameterResultCode.SUCCESS), lia.result().toString());
                assertEquals(SCSCF_POOL, lia.serverName());

                MultimediaAuthAnswer maa = call(scscf, akaMar(s, 1));
                Sqn next = acceptedSqn(usim, maa.authDataItems().get(0));
                assertTrue(next.compareTo(highestIssued) > 0, next + " above " + highestIssued);

                UserAuthorizationAnswer uaa = call(icscf, new UserAuthorizationRequest(s.privateIdentity(),
                        s.defaultPublicIdentity().identity(), HssTestBed.REALM));
                assertTrue(uaa.result().is(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION), uaa.result().toString());
                assertEquals(SCSCF_POOL, uaa.serverName());
            }
        } finally {
            HssTestBed.deleteTree(dataDirectory);
        }
    }

    private static MultimediaAuthRequest akaMar(Subscriber s, long items) {
        return new MultimediaAuthRequest(s.privateIdentity(), s.defaultPublicIdentity().identity(), SCSCF_POOL, items,
                SipAuthDataItem.request(SipAuthenticationScheme.DIGEST_AKA_V1_MD5));
    }

    /** The USIM accepts the vector (fresh SQN, right MAC) and reports its SQN. */
    private static Sqn acceptedSqn(Usim usim, SipAuthDataItem vector) {
        byte[] randAutn = vector.sipAuthenticate();
        UsimResult result = usim.authenticate(Arrays.copyOfRange(randAutn, 0, 16), Arrays.copyOfRange(randAutn, 16, 32));
        return assertInstanceOf(UsimResult.Authenticated.class, result).sqn();
    }

    private static Sqn max(Sqn a, Sqn b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
