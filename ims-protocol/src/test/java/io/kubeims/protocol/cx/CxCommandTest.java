package io.kubeims.protocol.cx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CxCommandTest {

    @Test
    void cxCommandCodes() {
        // TS 29.229 clause 6.1 (Command-Code values).
        assertCommand(CxCommand.USER_AUTHORIZATION, 300, "UAR", "UAA");
        assertCommand(CxCommand.SERVER_ASSIGNMENT, 301, "SAR", "SAA");
        assertCommand(CxCommand.LOCATION_INFO, 302, "LIR", "LIA");
        assertCommand(CxCommand.MULTIMEDIA_AUTH, 303, "MAR", "MAA");
        assertCommand(CxCommand.REGISTRATION_TERMINATION, 304, "RTR", "RTA");
        assertCommand(CxCommand.PUSH_PROFILE, 305, "PPR", "PPA");
    }

    @Test
    void basePeerCommandCodes() {
        // RFC 6733 sections 5.3.1, 5.5.1, 5.4.1.
        assertCommand(CxCommand.CAPABILITIES_EXCHANGE, 257, "CER", "CEA");
        assertCommand(CxCommand.DEVICE_WATCHDOG, 280, "DWR", "DWA");
        assertCommand(CxCommand.DISCONNECT_PEER, 282, "DPR", "DPA");
    }

    private static void assertCommand(CxCommand command, int code, String request, String answer) {
        assertEquals(code, command.code());
        assertEquals(request, command.requestAbbreviation());
        assertEquals(answer, command.answerAbbreviation());
        assertEquals(request, command.abbreviation(true));
        assertEquals(answer, command.abbreviation(false));
    }

    @Test
    void applicationIdAndProxiableBit() {
        // TS 29.229 6.1.1: "< Diameter Header: 300, REQ, PXY, 16777216 >".
        assertEquals(16777216L, CxCommand.USER_AUTHORIZATION.applicationId());
        assertTrue(CxCommand.USER_AUTHORIZATION.proxiable());
        assertEquals(16777216L, CxCommand.PUSH_PROFILE.applicationId());
        // RFC 6733 5.3.1: "< Diameter Header: 257, REQ >", application 0.
        assertEquals(0L, CxCommand.CAPABILITIES_EXCHANGE.applicationId());
        assertFalse(CxCommand.CAPABILITIES_EXCHANGE.proxiable());
        assertFalse(CxCommand.DEVICE_WATCHDOG.proxiable());
    }

    @ParameterizedTest
    @EnumSource(CxCommand.class)
    void fromCodeRoundTrips(CxCommand command) {
        assertEquals(command, CxCommand.fromCode(command.code()));
    }

    @Test
    void codesAreUnique() {
        Set<Integer> seen = new HashSet<>();
        for (CxCommand command : CxCommand.values()) {
            assertTrue(seen.add(command.code()), "duplicate " + command.code());
        }
    }

    @Test
    void unknownCommandCodeIsRejected() {
        // 306 is the Sh User-Data-Request (TS 29.329), not a Cx command.
        UnknownCommandCodeException e =
                assertThrows(UnknownCommandCodeException.class, () -> CxCommand.fromCode(306));
        assertEquals(306, e.code());
        assertEquals("unknown Diameter Command-Code 306 (not a Cx/Dx or base peer command)", e.getMessage());
    }
}
