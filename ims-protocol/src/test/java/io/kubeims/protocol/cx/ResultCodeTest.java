package io.kubeims.protocol.cx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultCodeTest {

    @ParameterizedTest
    @EnumSource(DiameterResultCode.class)
    void baseResultCodeRoundTrips(DiameterResultCode result) {
        assertSame(result, DiameterResultCode.fromCode(result.code()));
    }

    @ParameterizedTest
    @EnumSource(CxExperimentalResultCode.class)
    void experimentalResultCodeRoundTrips(CxExperimentalResultCode result) {
        assertSame(result, CxExperimentalResultCode.fromCode(result.code()));
        assertEquals(10415L, result.vendorId());
    }

    @Test
    void codesAndSpecNamesAreUnique() {
        Set<Integer> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (DiameterResultCode result : DiameterResultCode.values()) {
            assertTrue(codes.add(result.code()), result.specName());
            assertTrue(names.add(result.specName()), result.specName());
        }
        codes.clear();
        names.clear();
        for (CxExperimentalResultCode result : CxExperimentalResultCode.values()) {
            assertTrue(codes.add(result.code()), result.specName());
            assertTrue(names.add(result.specName()), result.specName());
        }
    }

    @Test
    void baseResultCodesFromRfc6733() {
        // RFC 6733 7.1.2.
        assertBase(2001, DiameterResultCode.SUCCESS, "DIAMETER_SUCCESS");
        // RFC 6733 7.1.3.
        assertBase(3001, DiameterResultCode.COMMAND_UNSUPPORTED, "DIAMETER_COMMAND_UNSUPPORTED");
        assertBase(3002, DiameterResultCode.UNABLE_TO_DELIVER, "DIAMETER_UNABLE_TO_DELIVER");
        assertBase(3007, DiameterResultCode.APPLICATION_UNSUPPORTED, "DIAMETER_APPLICATION_UNSUPPORTED");
        assertBase(3009, DiameterResultCode.INVALID_AVP_BITS, "DIAMETER_INVALID_AVP_BITS");
        // RFC 6733 7.1.4.
        assertBase(4001, DiameterResultCode.AUTHENTICATION_REJECTED, "DIAMETER_AUTHENTICATION_REJECTED");
        assertBase(4003, DiameterResultCode.ELECTION_LOST, "ELECTION_LOST");
        // RFC 6733 7.1.5: 5008 is AVP_NOT_ALLOWED, 5009 AVP_OCCURS_TOO_MANY_TIMES.
        assertBase(5004, DiameterResultCode.INVALID_AVP_VALUE, "DIAMETER_INVALID_AVP_VALUE");
        assertBase(5005, DiameterResultCode.MISSING_AVP, "DIAMETER_MISSING_AVP");
        assertBase(5008, DiameterResultCode.AVP_NOT_ALLOWED, "DIAMETER_AVP_NOT_ALLOWED");
        assertBase(5009, DiameterResultCode.AVP_OCCURS_TOO_MANY_TIMES, "DIAMETER_AVP_OCCURS_TOO_MANY_TIMES");
        assertBase(5012, DiameterResultCode.UNABLE_TO_COMPLY, "DIAMETER_UNABLE_TO_COMPLY");
        assertBase(5017, DiameterResultCode.NO_COMMON_SECURITY, "DIAMETER_NO_COMMON_SECURITY");
    }

    private static void assertBase(int code, DiameterResultCode expected, String specName) {
        assertSame(expected, DiameterResultCode.fromCode(code));
        assertEquals(specName, expected.specName());
    }

    @Test
    void cxExperimentalResultCodesFromTs29229() {
        // TS 29.229 6.2.1 (success) and 6.2.2 (permanent failures).
        assertExperimental(2001, CxExperimentalResultCode.FIRST_REGISTRATION, "DIAMETER_FIRST_REGISTRATION");
        assertExperimental(2002, CxExperimentalResultCode.SUBSEQUENT_REGISTRATION,
                "DIAMETER_SUBSEQUENT_REGISTRATION");
        assertExperimental(2003, CxExperimentalResultCode.UNREGISTERED_SERVICE, "DIAMETER_UNREGISTERED_SERVICE");
        assertExperimental(2004, CxExperimentalResultCode.SUCCESS_SERVER_NAME_NOT_STORED,
                "DIAMETER_SUCCESS_SERVER_NAME_NOT_STORED");
        assertExperimental(5001, CxExperimentalResultCode.USER_UNKNOWN, "DIAMETER_ERROR_USER_UNKNOWN");
        assertExperimental(5002, CxExperimentalResultCode.IDENTITIES_DONT_MATCH,
                "DIAMETER_ERROR_IDENTITIES_DONT_MATCH");
        assertExperimental(5003, CxExperimentalResultCode.IDENTITY_NOT_REGISTERED,
                "DIAMETER_ERROR_IDENTITY_NOT_REGISTERED");
        assertExperimental(5004, CxExperimentalResultCode.ROAMING_NOT_ALLOWED,
                "DIAMETER_ERROR_ROAMING_NOT_ALLOWED");
        assertExperimental(5005, CxExperimentalResultCode.IDENTITY_ALREADY_REGISTERED,
                "DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED");
        assertExperimental(5006, CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED,
                "DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED");
        assertExperimental(5007, CxExperimentalResultCode.IN_ASSIGNMENT_TYPE, "DIAMETER_ERROR_IN_ASSIGNMENT_TYPE");
        assertExperimental(5008, CxExperimentalResultCode.TOO_MUCH_DATA, "DIAMETER_ERROR_TOO_MUCH_DATA");
        assertExperimental(5009, CxExperimentalResultCode.NOT_SUPPORTED_USER_DATA,
                "DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA");
        assertExperimental(5011, CxExperimentalResultCode.FEATURE_UNSUPPORTED, "DIAMETER_ERROR_FEATURE_UNSUPPORTED");
        assertExperimental(5012, CxExperimentalResultCode.SERVING_NODE_FEATURE_UNSUPPORTED,
                "DIAMETER_ERROR_SERVING_NODE_FEATURE_UNSUPPORTED");
        assertEquals(15, CxExperimentalResultCode.values().length);
    }

    private static void assertExperimental(int code, CxExperimentalResultCode expected, String specName) {
        assertSame(expected, CxExperimentalResultCode.fromCode(code));
        assertEquals(specName, expected.specName());
    }

    @Test
    void deprecatedAndUndefinedExperimentalCodesAreRejected() {
        // 2005 (DIAMETER_SERVER_SELECTION) is deprecated, TS 29.230 table 8.1.2; 5010 is not defined for Cx.
        UnknownResultCodeException e =
                assertThrows(UnknownResultCodeException.class, () -> CxExperimentalResultCode.fromCode(2005));
        assertEquals(CxAvp.EXPERIMENTAL_RESULT_CODE, e.avp());
        assertEquals(2005L, e.code());
        assertEquals("unknown Experimental-Result-Code value 2005 for Vendor-Id 10415", e.getMessage());
        assertThrows(UnknownResultCodeException.class, () -> CxExperimentalResultCode.fromCode(5010));
    }

    @Test
    void unknownBaseResultCodeIsRejected() {
        UnknownResultCodeException e =
                assertThrows(UnknownResultCodeException.class, () -> DiameterResultCode.fromCode(5030));
        assertEquals(CxAvp.RESULT_CODE, e.avp());
        assertEquals(5030L, e.code());
        assertEquals("unknown Result-Code value 5030", e.getMessage());
        // An Unsigned32 above Integer.MAX_VALUE is reported as received, not wrapped.
        UnknownResultCodeException large =
                assertThrows(UnknownResultCodeException.class, () -> DiameterResultCode.fromCode(4294967295L));
        assertEquals(4294967295L, large.code());
    }

    @Test
    void resultClassHelpers() {
        assertTrue(DiameterResultCode.SUCCESS.isSuccess());
        assertTrue(DiameterResultCode.LIMITED_SUCCESS.isSuccess());
        assertFalse(DiameterResultCode.UNABLE_TO_COMPLY.isSuccess());
        assertTrue(DiameterResultCode.UNABLE_TO_DELIVER.isProtocolError());
        assertFalse(DiameterResultCode.MISSING_AVP.isProtocolError());
        assertEquals(ResultClass.INFORMATIONAL, DiameterResultCode.MULTI_ROUND_AUTH.resultClass());
        assertEquals(ResultClass.TRANSIENT_FAILURE, DiameterResultCode.AUTHENTICATION_REJECTED.resultClass());
        assertEquals(ResultClass.PERMANENT_FAILURE, DiameterResultCode.INVALID_AVP_VALUE.resultClass());

        assertTrue(CxExperimentalResultCode.FIRST_REGISTRATION.isSuccess());
        assertTrue(CxExperimentalResultCode.SUCCESS_SERVER_NAME_NOT_STORED.isSuccess());
        assertFalse(CxExperimentalResultCode.USER_UNKNOWN.isSuccess());
        assertEquals(ResultClass.PERMANENT_FAILURE, CxExperimentalResultCode.IDENTITIES_DONT_MATCH.resultClass());
    }

    @Test
    void resultClassOfCodesOutsideTheRanges() {
        assertEquals(ResultClass.PROTOCOL_ERROR, ResultClass.of(3999));
        assertEquals(ResultClass.TRANSIENT_FAILURE, ResultClass.of(4000));
        assertThrows(UnknownResultCodeException.class, () -> ResultClass.of(999));
        assertThrows(UnknownResultCodeException.class, () -> ResultClass.of(6000));
    }
}
