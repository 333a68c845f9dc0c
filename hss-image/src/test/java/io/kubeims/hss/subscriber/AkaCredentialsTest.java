package io.kubeims.hss.subscriber;

import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.aka.MalformedHexException;
import io.kubeims.protocol.aka.ParameterLengthException;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AKA credentials: OPc derived from OP at provisioning (TS 35.206 4.1), checked against TS 35.208 4.3. */
class AkaCredentialsTest {

    // TS 35.208 section 4.3, test sets 1 and 3: K, OP, OPc, AMF.
    private static final String K1 = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OP1 = "cdc202d5123e20f62b6d676ac72cb318";
    private static final String OPC1 = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final String AMF1 = "b9b9";
    private static final String K3 = "fec86ba6eb707ed08905757b1bb44b8f";
    private static final String OP3 = "dbc59adcb6f9a0ef735477b7fadf8374";
    private static final String OPC3 = "1006020f0a478bf6b699f15c062e42b3";

    @Test
    void opIsTurnedIntoThePublishedOpcAndNotKept() {
        AkaCredentials set1 = AkaCredentials.fromOpHex(K1, OP1, AMF1);
        assertEquals(OPC1, HexKey.format(set1.keys().opc()));
        assertEquals(K1, HexKey.format(set1.keys().k()));
        assertEquals(AMF1, HexKey.format(set1.amf()));
        assertEquals(OPC3, HexKey.format(AkaCredentials.fromOpHex(K3, OP3, "725c").keys().opc()));
        // The record has no component that could hold OP.
        assertEquals(2, AkaCredentials.class.getRecordComponents().length);
    }

    @Test
    void fromOpAndFromOpcAreTheSameCredentials() {
        assertEquals(AkaCredentials.fromOpcHex(K1, OPC1, AMF1), AkaCredentials.fromOpHex(K1, OP1, AMF1));
        assertNotEquals(AkaCredentials.fromOpcHex(K1, OPC1, AMF1), AkaCredentials.fromOpcHex(K1, OPC1, "8000"));
        assertEquals(SipAuthenticationScheme.DIGEST_AKA_V1_MD5, AkaCredentials.fromOpcHex(K1, OPC1, AMF1).scheme());
    }

    @Test
    void amfIsCopiedInAndOut() {
        byte[] amf = {(byte) 0x80, 0x00};
        AkaCredentials credentials = new AkaCredentials(
                AkaCredentials.fromOpcHex(K1, OPC1, AMF1).keys(), amf);
        amf[0] = 0;
        credentials.amf()[1] = 7;
        assertArrayEquals(new byte[] {(byte) 0x80, 0x00}, credentials.amf());
    }

    @Test
    void badParametersRaiseImsProtocolErrorsNamingTheParameterOnly() {
        ParameterLengthException amf = assertThrows(ParameterLengthException.class,
                () -> AkaCredentials.fromOpcHex(K1, OPC1, "b9b9b9"));
        assertEquals("AMF", amf.parameter());
        ParameterLengthException k = assertThrows(ParameterLengthException.class,
                () -> AkaCredentials.fromOpcHex(K1.substring(2), OPC1, AMF1));
        assertEquals("K", k.parameter());
        MalformedHexException opc = assertThrows(MalformedHexException.class,
                () -> AkaCredentials.fromOpcHex(K1, "zz" + OPC1.substring(2), AMF1));
        assertEquals("OPc", opc.parameter());
        assertFalse(k.getMessage().contains(K1.substring(2)));
        assertThrows(InvalidCredentialsException.class, () -> new AkaCredentials(null, new byte[2]));
    }

    @Test
    void toStringRedactsTheKeys() {
        String text = AkaCredentials.fromOpHex(K1, OP1, AMF1).toString();
        assertFalse(text.contains(K1), text);
        assertFalse(text.contains(OPC1), text);
        assertFalse(text.contains(OP1), text);
        assertEquals("AkaCredentials[K=<redacted>, OPc=<redacted>, AMF=b9b9]", text);
    }
}
