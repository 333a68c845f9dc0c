package io.kubeims.cx.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.ResultClass;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UnknownAuthenticationSchemeException;
import io.kubeims.protocol.cx.UnknownResultCodeException;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CxMessageRecordsTest {

    private static final HexFormat HEX = HexFormat.of();
    // 3GPP TS 35.208 test set 1 CK and IK, RES; RFC 2617 section 3.5 HA1
    private static final String CK = "b40ba9a3c58b2a05bbf0d987b21bf8cb";
    private static final String IK = "f769bcd751044604127672711c6d3441";
    private static final String XRES = "a54211d5e3ba50bf";
    private static final String HA1 = "939e7578ed9e3c518a452acee763bce9";

    @Test
    void authDataItemCopiesItsOctetStringsInAndOut() {
        byte[] ck = HEX.parseHex(CK);
        SipAuthDataItem item = SipAuthDataItem.akaVector(1, new byte[32], HEX.parseHex(XRES), ck, HEX.parseHex(IK));
        ck[0] = 0;
        assertEquals(CK, HEX.formatHex(item.confidentialityKey()), "changing the input changes nothing");
        item.integrityKey()[0] = 0;
        assertEquals(IK, HEX.formatHex(item.integrityKey()), "changing the output changes nothing");
        assertEquals(item, SipAuthDataItem.akaVector(1, new byte[32], HEX.parseHex(XRES), HEX.parseHex(CK),
                HEX.parseHex(IK)), "equality by content");
        assertNotEquals(item, SipAuthDataItem.akaVector(2, new byte[32], HEX.parseHex(XRES), HEX.parseHex(CK),
                HEX.parseHex(IK)));
    }

    @Test
    void secretsAreRedactedInToString() {
        SipAuthDataItem aka = SipAuthDataItem.akaVector(1, new byte[32], HEX.parseHex(XRES), HEX.parseHex(CK),
                HEX.parseHex(IK));
        MultimediaAuthAnswer maa = new MultimediaAuthAnswer(CxResult.of(DiameterResultCode.SUCCESS), "alice",
                "sip:alice@ims.example.com", 1L, List.of(aka, SipAuthDataItem.sipDigest(2,
                        new SipDigestAuthenticate("ims.example.com", "auth", HA1))));
        String text = maa.toString().toLowerCase();
        for (String secret : List.of(CK, IK, XRES, HA1)) {
            assertFalse(text.contains(secret), "toString must not show " + secret.substring(0, 4) + "...");
        }
        assertTrue(text.contains("redacted"));
        assertTrue(text.contains("digest-akav1-md5"));
    }

    @Test
    void userDataIsCopiedAndShownByLengthOnly() {
        byte[] xml = "<IMSSubscription/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PushProfileRequest ppr = new PushProfileRequest("alice@ims.example.com", xml, null);
        xml[0] = 'X';
        assertEquals('<', ppr.userData()[0]);
        assertTrue(ppr.toString().contains("18 bytes"));
        ServerAssignmentAnswer saa = new ServerAssignmentAnswer(CxResult.of(DiameterResultCode.SUCCESS), null,
                ppr.userData(), List.of(), null);
        assertEquals(saa, new ServerAssignmentAnswer(CxResult.of(DiameterResultCode.SUCCESS), null,
                ppr.userData(), List.of(), null));
    }

    @Test
    void listsAreCopied() {
        List<String> identities = new ArrayList<>(List.of("sip:alice@ims.example.com"));
        ServerAssignmentRequest sar = new ServerAssignmentRequest(null, identities, "sip:scscf.ims.example.com",
                ServerAssignmentType.UNREGISTERED_USER, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE);
        identities.add("sip:mallory@ims.example.com");
        assertEquals(List.of("sip:alice@ims.example.com"), sar.publicIdentities());
        assertThrows(UnsupportedOperationException.class, () -> sar.publicIdentities().add("x"));
    }

    @Test
    void mandatoryFieldsAreRequiredByName() {
        InvalidCxMessageException missing = assertThrows(InvalidCxMessageException.class,
                () -> new MultimediaAuthRequest("alice", null, "sip:scscf", 1,
                        SipAuthDataItem.request(SipAuthenticationScheme.UNKNOWN)));
        assertEquals("publicIdentity", missing.field());
        InvalidCxMessageException neither = assertThrows(InvalidCxMessageException.class,
                () -> new ServerAssignmentRequest(null, List.of(), "sip:scscf", ServerAssignmentType.REGISTRATION,
                        UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE));
        assertEquals("publicIdentities", neither.field());
        InvalidCxMessageException range = assertThrows(InvalidCxMessageException.class,
                () -> new MultimediaAuthRequest("alice", "sip:alice", "sip:scscf", 1L << 32,
                        SipAuthDataItem.request(SipAuthenticationScheme.UNKNOWN)));
        assertEquals("numberAuthItems", range.field());
        assertThrows(InvalidCxMessageException.class,
                () -> new RegistrationTerminationRequest("alice", List.of(), java.util.Arrays.asList("a", null),
                        new DeregistrationReason(io.kubeims.protocol.cx.ReasonCode.REMOVE_S_CSCF, null)));
    }

    @Test
    void undefinedSchemeTravelsAsTextAndFailsOnlyWhenParsed() {
        SipAuthDataItem item = new SipAuthDataItem(null, "Digest-MD5", null, null, null, null, null);
        assertEquals("Digest-MD5", item.authenticationScheme());
        assertThrows(UnknownAuthenticationSchemeException.class, item::scheme);
        assertEquals(SipAuthenticationScheme.SIP_DIGEST,
                SipAuthDataItem.request(SipAuthenticationScheme.SIP_DIGEST).scheme());
    }

    @Test
    void resultsAreClassifiedByTheirThousandsDigit() {
        CxResult.Base unableToDeliver = CxResult.of(DiameterResultCode.UNABLE_TO_DELIVER);
        assertTrue(unableToDeliver.isProtocolError());
        assertEquals(ResultClass.PROTOCOL_ERROR, unableToDeliver.resultClass());
        assertTrue(unableToDeliver.is(DiameterResultCode.UNABLE_TO_DELIVER));
        assertEquals(DiameterResultCode.UNABLE_TO_DELIVER, unableToDeliver.known().orElseThrow());

        CxResult.Experimental first = CxResult.of(CxExperimentalResultCode.FIRST_REGISTRATION);
        assertEquals(10415, first.vendorId());
        assertTrue(first.isSuccess());
        assertTrue(first.is(CxExperimentalResultCode.FIRST_REGISTRATION));
        // 2001 as base Result-Code (DIAMETER_SUCCESS) is not the experimental 2001
        assertFalse(CxResult.of(DiameterResultCode.SUCCESS).is(CxExperimentalResultCode.FIRST_REGISTRATION));
        assertFalse(first.is(DiameterResultCode.SUCCESS));
        assertTrue(new CxResult.Experimental(99, 5001).known().isEmpty(), "another vendor's 5001");
        assertThrows(UnknownResultCodeException.class, () -> new CxResult.Base(42));
    }

    @Test
    void rawAvpWireBytesFollowRfc6733Section41() {
        // Public-Identity "ab": code 601 (0x259), flags V|M, length 12 + 2, Vendor-Id 10415 (0x28AF), 2 octets padding
        RawAvp vendorSpecific = new RawAvp(601, 10415, true, new byte[] {'a', 'b'});
        assertArrayEquals(HEX.parseHex("00000259" + "C000000E" + "000028AF" + "6162" + "0000"),
                vendorSpecific.wireBytes());
        // User-Name "bob": code 1, flags M, length 8 + 3, 1 octet padding
        assertArrayEquals(HEX.parseHex("00000001" + "4000000B" + "626F62" + "00"),
                new RawAvp(1, 0, true, new byte[] {'b', 'o', 'b'}).wireBytes());
        assertFalse(new RawAvp(1, 0, true, new byte[] {'s', 'e', 'c'}).toString().contains("sec"));
    }
}
