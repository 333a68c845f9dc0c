package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import org.junit.jupiter.api.Test;

import static io.kubeims.hss.provisioning.ApiFixtures.AMF;
import static io.kubeims.hss.provisioning.ApiFixtures.K;
import static io.kubeims.hss.provisioning.ApiFixtures.OP;
import static io.kubeims.hss.provisioning.ApiFixtures.OPC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Credentials bodies into the subscriber model: OP and OPc give the same keys (TS 35.208 test set 1). */
class CredentialsRequestTest {

    @Test
    void opAndItsOpcGiveEqualCredentials() {
        AkaCredentials fromOp = (AkaCredentials) new CredentialsRequest(AuthScheme.AKAV1_MD5, K, OP, null, AMF, null)
                .toCredentials("");
        AkaCredentials fromOpc = (AkaCredentials) new CredentialsRequest(AuthScheme.AKAV1_MD5, K, null, OPC, AMF,
                null).toCredentials("");
        assertEquals(fromOpc, fromOp);
    }

    @Test
    void digestPasswordIsKept() {
        assertEquals(new SipDigestCredentials("pw"),
                new CredentialsRequest(AuthScheme.SIP_DIGEST, null, null, null, null, "pw").toCredentials(""));
    }

    @Test
    void errorsCarryThePrefixAndTheProblemButNoValue() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> new CredentialsRequest(AuthScheme.AKAV1_MD5, K, null, OPC.substring(2), AMF, null)
                        .toCredentials("auth."));
        assertEquals("auth.opc", e.field());
        assertEquals("auth.opc: must be 16 octets, got 15", e.getMessage());
    }

    @Test
    void toStringRedactsEverySecret() {
        String text = new CredentialsRequest(AuthScheme.AKAV1_MD5, K, OP, OPC, AMF, "hunter2").toString();
        for (String secret : new String[] {K, OP, OPC, "hunter2"}) {
            assertFalse(text.contains(secret), text);
        }
    }
}
