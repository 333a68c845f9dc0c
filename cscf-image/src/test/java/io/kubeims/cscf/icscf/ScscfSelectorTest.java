package io.kubeims.cscf.icscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cx.message.ServerCapabilities;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** S-CSCF selection of TS 24.229 5.3.1.2 from Server-Capabilities (TS 29.229 6.3.4). */
class ScscfSelectorTest {

    private static final String A = "sip:scscf-a.home1.net:6060";
    private static final String B = "sip:scscf-b.home1.net:6060";
    private static final String C = "sip:scscf-c.home1.net:6060";
    /** A offers 1, B offers 1 and 2, C offers 2 and 3 but not 1. */
    private static final List<ScscfCandidate> POOL = List.of(ScscfCandidate.of(A, 1L), ScscfCandidate.of(B, 1L, 2L),
            ScscfCandidate.of(C, 2L, 3L));

    private static ServerCapabilities capabilities(List<Long> mandatory, List<Long> optional, List<String> names) {
        return new ServerCapabilities(mandatory, optional, names);
    }

    @Test
    void everyMandatoryCapabilityThenTheMostOptionalOnes() {
        ScscfSelector selector = new ScscfSelector(POOL);
        // C offers more optional capabilities but lacks mandatory 1; B beats A on optional 2
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of(B), selector.select(capabilities(List.of(1L), List.of(2L, 3L), List.of())));
        }
    }

    @Test
    void noCandidateWithTheMandatoryCapabilities() {
        assertEquals(Optional.empty(), new ScscfSelector(POOL).select(capabilities(List.of(1L, 3L), List.of(),
                List.of())));
    }

    @Test
    void aServerNameListedByTheHssQualifiesAndComesFirst() {
        ScscfSelector selector = new ScscfSelector(POOL);
        // C lacks mandatory 1 but the HSS names it (compared ignoring case)
        assertEquals(Optional.of(C), selector.select(capabilities(List.of(1L), List.of(2L),
                List.of("SIP:SCSCF-C.HOME1.NET:6060"))));
        // a name outside the pool does not make anyone qualify
        assertEquals(Optional.empty(), selector.select(capabilities(List.of(7L), List.of(),
                List.of("sip:elsewhere.home1.net"))));
    }

    @Test
    void equalCandidatesTakeTurns() {
        ScscfSelector selector = new ScscfSelector(POOL);
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            chosen.add(selector.select(capabilities(List.of(1L), List.of(), List.of())).orElseThrow());
        }
        assertEquals(Set.of(A, B), chosen);
    }

    @Test
    void absentCapabilitiesConstrainNothing() {
        Optional<String> chosen = new ScscfSelector(POOL).select(null);
        assertTrue(chosen.isPresent() && List.of(A, B, C).contains(chosen.get()), chosen.toString());
    }

    @Test
    void anEmptyPoolFollowsTheHssNames() {
        ScscfSelector selector = new ScscfSelector(List.of());
        assertEquals(Optional.of(B), selector.select(capabilities(List.of(1L), List.of(), List.of(B, A))));
        assertEquals(Optional.empty(), selector.select(capabilities(List.of(1L), List.of(), List.of())));
    }

    @Test
    void settingsAreValidated() {
        InvalidIcscfSettingsException notSip = assertThrows(InvalidIcscfSettingsException.class,
                () -> ScscfCandidate.of("scscf.home1.net", 1L));
        assertEquals("scscfPool.serverName", notSip.setting());
        assertEquals("scscfPool.capabilities", assertThrows(InvalidIcscfSettingsException.class,
                () -> ScscfCandidate.of(A, -1L)).setting());
        assertEquals("scscfPool.capabilities", assertThrows(InvalidIcscfSettingsException.class,
                () -> ScscfCandidate.of(A, 0x1_0000_0000L)).setting());
        assertEquals("scscfPool", assertThrows(InvalidIcscfSettingsException.class,
                () -> IcscfSettings.of("home1.net", List.of(ScscfCandidate.of(A), ScscfCandidate.of(A.toUpperCase()))))
                .setting());
        assertEquals("homeDomain", assertThrows(InvalidIcscfSettingsException.class,
                () -> IcscfSettings.of("home1.net;x", POOL)).setting());
        assertEquals("retryAfter", assertThrows(InvalidIcscfSettingsException.class,
                () -> new IcscfSettings("home1.net", POOL, Duration.ZERO)).setting());
    }
}
