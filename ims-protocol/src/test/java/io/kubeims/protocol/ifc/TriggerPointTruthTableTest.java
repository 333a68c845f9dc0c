package io.kubeims.protocol.ifc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CNF/DNF evaluation (TS 29.228 Annex C) against boolean formulas written out by hand, for every truth
 * assignment of the SPT conditions. SPT k tests the presence of header X-Spt-k, so an assignment is a set of
 * headers; formulas name the raw conditions a, b, c, d (before ConditionNegated).
 */
class TriggerPointTruthTableTest {

    /** An SPT on the presence of header X-Spt-{index}. */
    private static ServicePointTrigger spt(int index, boolean negated, Integer... groups) {
        return new ServicePointTrigger(negated, List.of(groups), new SipHeaderCondition("X-Spt-" + index, (String) null));
    }

    private static TriggerPoint cnf(ServicePointTrigger... spts) {
        return new TriggerPoint(true, List.of(spts));
    }

    private static TriggerPoint dnf(ServicePointTrigger... spts) {
        return new TriggerPoint(false, List.of(spts));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // one group
                Arguments.of("CNF, one group", 3, cnf(spt(0, false, 0), spt(1, false, 0), spt(2, false, 0)),
                        (Predicate<boolean[]>) v -> v[0] || v[1] || v[2]),
                Arguments.of("DNF, one group", 3, dnf(spt(0, false, 0), spt(1, false, 0), spt(2, false, 0)),
                        (Predicate<boolean[]>) v -> v[0] && v[1] && v[2]),
                // one SPT per group: CNF is AND, DNF is OR
                Arguments.of("CNF, distinct groups", 3, cnf(spt(0, false, 0), spt(1, false, 1), spt(2, false, 2)),
                        (Predicate<boolean[]>) v -> v[0] && v[1] && v[2]),
                Arguments.of("DNF, distinct groups", 3, dnf(spt(0, false, 0), spt(1, false, 1), spt(2, false, 2)),
                        (Predicate<boolean[]>) v -> v[0] || v[1] || v[2]),
                // two groups
                Arguments.of("CNF, two groups", 3, cnf(spt(0, false, 0), spt(1, false, 0), spt(2, false, 1)),
                        (Predicate<boolean[]>) v -> (v[0] || v[1]) && v[2]),
                Arguments.of("DNF, two groups", 3, dnf(spt(0, false, 0), spt(1, false, 0), spt(2, false, 1)),
                        (Predicate<boolean[]>) v -> (v[0] && v[1]) || v[2]),
                // three groups, group numbers are labels only (not contiguous, any order)
                Arguments.of("CNF, three groups", 4,
                        cnf(spt(0, false, 7), spt(1, false, 42), spt(2, false, 42), spt(3, false, 3)),
                        (Predicate<boolean[]>) v -> v[0] && (v[1] || v[2]) && v[3]),
                Arguments.of("DNF, three groups", 4,
                        dnf(spt(0, false, 7), spt(1, false, 42), spt(2, false, 42), spt(3, false, 3)),
                        (Predicate<boolean[]>) v -> v[0] || (v[1] && v[2]) || v[3]),
                // negation
                Arguments.of("CNF, negation", 3, cnf(spt(0, false, 0), spt(1, true, 0), spt(2, false, 1)),
                        (Predicate<boolean[]>) v -> (v[0] || !v[1]) && v[2]),
                Arguments.of("DNF, negation", 3, dnf(spt(0, false, 0), spt(1, true, 0), spt(2, false, 1)),
                        (Predicate<boolean[]>) v -> (v[0] && !v[1]) || v[2]),
                Arguments.of("CNF, single negated SPT", 1, cnf(spt(0, true, 0)),
                        (Predicate<boolean[]>) v -> !v[0]),
                Arguments.of("DNF, single negated SPT", 1, dnf(spt(0, true, 0)),
                        (Predicate<boolean[]>) v -> !v[0]),
                // an SPT in several groups
                Arguments.of("CNF, SPT in two groups", 3, cnf(spt(0, false, 0, 1), spt(1, false, 0), spt(2, false, 1)),
                        (Predicate<boolean[]>) v -> (v[0] || v[1]) && (v[0] || v[2])),
                Arguments.of("DNF, SPT in two groups", 3, dnf(spt(0, false, 0, 1), spt(1, false, 0), spt(2, false, 1)),
                        (Predicate<boolean[]>) v -> (v[0] && v[1]) || (v[0] && v[2])),
                Arguments.of("CNF, negated SPT in two of three groups", 4,
                        cnf(spt(0, true, 0, 2), spt(1, false, 0), spt(2, false, 1), spt(3, false, 2)),
                        (Predicate<boolean[]>) v -> (!v[0] || v[1]) && v[2] && (!v[0] || v[3])),
                Arguments.of("DNF, negated SPT in two of three groups", 4,
                        dnf(spt(0, true, 0, 2), spt(1, false, 0), spt(2, false, 1), spt(3, false, 2)),
                        (Predicate<boolean[]>) v -> (!v[0] && v[1]) || v[2] || (!v[0] && v[3])),
                Arguments.of("CNF, every SPT in every group", 2, cnf(spt(0, false, 0, 1), spt(1, true, 0, 1)),
                        (Predicate<boolean[]>) v -> (v[0] || !v[1]) && (v[0] || !v[1])),
                Arguments.of("DNF, every SPT in every group", 2, dnf(spt(0, false, 0, 1), spt(1, true, 0, 1)),
                        (Predicate<boolean[]>) v -> (v[0] && !v[1]) || (v[0] && !v[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheFormulaOnEveryAssignment(String name, int conditions, TriggerPoint trigger,
            Predicate<boolean[]> formula) {
        List<Boolean> outcomes = new ArrayList<>();
        for (int bits = 0; bits < (1 << conditions); bits++) {
            boolean[] v = new boolean[conditions];
            Map<String, List<String>> headers = new HashMap<>();
            for (int k = 0; k < conditions; k++) {
                v[k] = (bits & (1 << k)) != 0;
                if (v[k]) {
                    headers.put("X-Spt-" + k, List.of(""));
                }
            }
            IfcRequest request = new IfcRequest("INVITE", "sip:bob@example.org", headers, "",
                    SessionCase.ORIGINATING_REGISTERED, null, true);
            boolean expected = formula.test(v);
            assertEquals(expected, trigger.matches(request), name + ", assignment " + bitsToString(v));
            outcomes.add(expected);
        }
        // Guard against a degenerate table: every case must be able to both match and not match.
        assertTrue(outcomes.contains(true) && outcomes.contains(false), name + " is constant");
    }

    private static String bitsToString(boolean[] v) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            s.append((char) ('a' + k)).append('=').append(v[k] ? 1 : 0).append(' ');
        }
        return s.toString().trim();
    }
}
