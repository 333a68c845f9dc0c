package io.kubeims.protocol.cx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnumeratedAvpValueTest {

    /** Every Enumerated value type with its lookup, and the AVP it must belong to. */
    static Stream<Arguments> enumerations() {
        return Stream.of(
                Arguments.of(ServerAssignmentType.values(), (IntFunction<EnumeratedAvpValue>) ServerAssignmentType::fromCode,
                        CxAvp.SERVER_ASSIGNMENT_TYPE),
                Arguments.of(UserAuthorizationType.values(),
                        (IntFunction<EnumeratedAvpValue>) UserAuthorizationType::fromCode,
                        CxAvp.USER_AUTHORIZATION_TYPE),
                Arguments.of(ReasonCode.values(), (IntFunction<EnumeratedAvpValue>) ReasonCode::fromCode,
                        CxAvp.REASON_CODE),
                Arguments.of(UserDataAlreadyAvailable.values(),
                        (IntFunction<EnumeratedAvpValue>) UserDataAlreadyAvailable::fromCode,
                        CxAvp.USER_DATA_ALREADY_AVAILABLE),
                Arguments.of(OriginatingRequest.values(), (IntFunction<EnumeratedAvpValue>) OriginatingRequest::fromCode,
                        CxAvp.ORIGINATING_REQUEST),
                Arguments.of(LooseRouteIndication.values(),
                        (IntFunction<EnumeratedAvpValue>) LooseRouteIndication::fromCode,
                        CxAvp.LOOSE_ROUTE_INDICATION),
                Arguments.of(MultipleRegistrationIndication.values(),
                        (IntFunction<EnumeratedAvpValue>) MultipleRegistrationIndication::fromCode,
                        CxAvp.MULTIPLE_REGISTRATION_INDICATION),
                Arguments.of(SessionPriority.values(), (IntFunction<EnumeratedAvpValue>) SessionPriority::fromCode,
                        CxAvp.SESSION_PRIORITY),
                Arguments.of(PriviledgedSenderIndication.values(),
                        (IntFunction<EnumeratedAvpValue>) PriviledgedSenderIndication::fromCode,
                        CxAvp.PRIVILEDGED_SENDER_INDICATION),
                Arguments.of(AuthSessionState.values(), (IntFunction<EnumeratedAvpValue>) AuthSessionState::fromCode,
                        CxAvp.AUTH_SESSION_STATE),
                Arguments.of(DisconnectCause.values(), (IntFunction<EnumeratedAvpValue>) DisconnectCause::fromCode,
                        CxAvp.DISCONNECT_CAUSE));
    }

    @ParameterizedTest
    @MethodSource("enumerations")
    void everyValueRoundTripsAndBelongsToItsEnumeratedAvp(EnumeratedAvpValue[] values,
                                                         IntFunction<EnumeratedAvpValue> fromCode, CxAvp avp) {
        assertEquals(AvpDataType.ENUMERATED, avp.dataType(), avp.toString());
        for (EnumeratedAvpValue value : values) {
            assertSame(value, fromCode.apply(value.code()));
            assertSame(avp, value.avp());
        }
    }

    @ParameterizedTest
    @MethodSource("enumerations")
    void valuesOutsideTheDefinedSetRaiseASpecificException(EnumeratedAvpValue[] values,
                                                          IntFunction<EnumeratedAvpValue> fromCode, CxAvp avp) {
        int pastLast = Arrays.stream(values).mapToInt(EnumeratedAvpValue::code).max().orElseThrow() + 1;
        for (int undefined : new int[] {pastLast, -1}) {
            UnknownEnumeratedValueException e =
                    assertThrows(UnknownEnumeratedValueException.class, () -> fromCode.apply(undefined));
            assertSame(avp, e.avp());
            assertEquals(undefined, e.value());
            assertEquals("value " + undefined + " is not defined for Enumerated AVP " + avp, e.getMessage());
        }
    }

    @Test
    void unknownServerAssignmentTypeMessage() {
        UnknownEnumeratedValueException e =
                assertThrows(UnknownEnumeratedValueException.class, () -> ServerAssignmentType.fromCode(15));
        assertEquals("value 15 is not defined for Enumerated AVP Server-Assignment-Type (614, vendor 10415)",
                e.getMessage());
    }

    @Test
    void serverAssignmentTypeValues() {
        // TS 29.229 6.3.15: all 15 values, 0..14.
        assertEquals(List.of(
                        ServerAssignmentType.NO_ASSIGNMENT,
                        ServerAssignmentType.REGISTRATION,
                        ServerAssignmentType.RE_REGISTRATION,
                        ServerAssignmentType.UNREGISTERED_USER,
                        ServerAssignmentType.TIMEOUT_DEREGISTRATION,
                        ServerAssignmentType.USER_DEREGISTRATION,
                        ServerAssignmentType.TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME,
                        ServerAssignmentType.USER_DEREGISTRATION_STORE_SERVER_NAME,
                        ServerAssignmentType.ADMINISTRATIVE_DEREGISTRATION,
                        ServerAssignmentType.AUTHENTICATION_FAILURE,
                        ServerAssignmentType.AUTHENTICATION_TIMEOUT,
                        ServerAssignmentType.DEREGISTRATION_TOO_MUCH_DATA,
                        ServerAssignmentType.AAA_USER_DATA_REQUEST,
                        ServerAssignmentType.PGW_UPDATE,
                        ServerAssignmentType.RESTORATION),
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14).stream()
                        .map(ServerAssignmentType::fromCode).toList());
        assertEquals(15, ServerAssignmentType.values().length);
    }

    @Test
    void cxEnumeratedValuesFromTs29229() {
        // 6.3.24 User-Authorization-Type.
        assertEquals(0, UserAuthorizationType.REGISTRATION.code());
        assertEquals(1, UserAuthorizationType.DE_REGISTRATION.code());
        assertEquals(2, UserAuthorizationType.REGISTRATION_AND_CAPABILITIES.code());
        // 6.3.17 Reason-Code.
        assertEquals(0, ReasonCode.PERMANENT_TERMINATION.code());
        assertEquals(1, ReasonCode.NEW_SERVER_ASSIGNED.code());
        assertEquals(2, ReasonCode.SERVER_CHANGE.code());
        assertEquals(3, ReasonCode.REMOVE_S_CSCF.code());
        // 6.3.26 User-Data-Already-Available.
        assertEquals(0, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE.code());
        assertEquals(1, UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE.code());
        // 6.3.34 Originating-Request: one value.
        assertEquals(0, OriginatingRequest.ORIGINATING.code());
        assertEquals(1, OriginatingRequest.values().length);
        // 6.3.45 Loose-Route-Indication.
        assertEquals(0, LooseRouteIndication.LOOSE_ROUTE_NOT_REQUIRED.code());
        assertEquals(1, LooseRouteIndication.LOOSE_ROUTE_REQUIRED.code());
        // 6.3.51 Multiple-Registration-Indication.
        assertEquals(0, MultipleRegistrationIndication.NOT_MULTIPLE_REGISTRATION.code());
        assertEquals(1, MultipleRegistrationIndication.MULTIPLE_REGISTRATION.code());
        // 6.3.56 Session-Priority: PRIORITY-0 .. PRIORITY-4.
        assertEquals(0, SessionPriority.PRIORITY_0.code());
        assertEquals(4, SessionPriority.PRIORITY_4.code());
        assertEquals(5, SessionPriority.values().length);
        // 6.3.58 Priviledged-Sender-Indication.
        assertEquals(0, PriviledgedSenderIndication.NOT_PRIVILEDGED_SENDER.code());
        assertEquals(1, PriviledgedSenderIndication.PRIVILEDGED_SENDER.code());
    }

    @Test
    void baseEnumeratedValuesFromRfc6733() {
        // RFC 6733 8.11 Auth-Session-State.
        assertEquals(0, AuthSessionState.STATE_MAINTAINED.code());
        assertEquals(1, AuthSessionState.NO_STATE_MAINTAINED.code());
        // RFC 6733 5.4.3 Disconnect-Cause.
        assertEquals(0, DisconnectCause.REBOOTING.code());
        assertEquals(1, DisconnectCause.BUSY.code());
        assertEquals(2, DisconnectCause.DO_NOT_WANT_TO_TALK_TO_YOU.code());
    }
}
