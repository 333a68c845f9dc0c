package io.kubeims.protocol.enumdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/** Selection on NAPTR records parsed from the zone-file fixture, without DNS traffic. */
class EnumRouteSelectorTest {

    private static final int DRAWS = 10_000;
    /** About four standard deviations of a share near 0.5 over 10,000 draws (0.005). */
    private static final double TOLERANCE = 0.02;

    private static Zone zone;

    @BeforeAll
    static void loadFixture() {
        zone = EnumTestZone.load();
    }

    private static EnumRouteSelector seeded(long seed) {
        return new EnumRouteSelector(new SplittableRandom(seed));
    }

    private static List<String> uris(List<EnumCandidate> candidates) {
        return candidates.stream().map(EnumCandidate::sipUri).toList();
    }

    @Test
    void usesASingleRecord() {
        List<EnumCandidate> candidates = seeded(1).select(E164Number.parse("+61355500911"),
                EnumTestZone.naptrAt(zone, "1.1.9.0.0.5.5.5.3.1.6"));
        assertEquals(List.of(new EnumCandidate("sip:61355500911@192.0.2.98", 10, 100)), candidates);
    }

    @Test
    void splitsEqualPreferencesFiftyFifty() {
        E164Number number = E164Number.parse("+61355500912");
        List<NAPTRRecord> records = EnumTestZone.naptrAt(zone, "2.1.9.0.0.5.5.5.3.1.6");
        EnumRouteSelector selector = seeded(912);
        Map<String, Integer> firstPicks = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            List<String> uris = uris(selector.select(number, records));
            // Both servers are always offered; the second is the failover for the first.
            assertEquals(2, uris.size());
            assertTrue(uris.containsAll(List.of(
                    "sip:61355500912@server1.enum.example.net", "sip:61355500912@server2.enum.example.net")));
            firstPicks.merge(uris.get(0), 1, Integer::sum);
        }
        // Reference note: preference 100 of a total 200 -> half the traffic each.
        assertShare(0.5, firstPicks, "sip:61355500912@server1.enum.example.net");
        assertShare(0.5, firstPicks, "sip:61355500912@server2.enum.example.net");
    }

    @Test
    void splitsTwentyFiveTwentyFiveFifty() {
        E164Number number = E164Number.parse("+61355500913");
        List<NAPTRRecord> records = EnumTestZone.naptrAt(zone, "3.1.9.0.0.5.5.5.3.1.6");
        EnumRouteSelector selector = seeded(913);
        Map<String, Integer> firstPicks = new HashMap<>();
        Map<String, Integer> secondAfterServer1 = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            List<String> uris = uris(selector.select(number, records));
            assertEquals(3, uris.size());
            firstPicks.merge(uris.get(0), 1, Integer::sum);
            if (uris.get(0).contains("server1")) {
                secondAfterServer1.merge(uris.get(1), 1, Integer::sum);
            }
        }
        // Reference note: 100/400, 100/400 and 200/400 of the traffic.
        assertShare(0.25, firstPicks, "sip:61355500913@server1.enum.example.net");
        assertShare(0.25, firstPicks, "sip:61355500913@server2.enum.example.net");
        assertShare(0.50, firstPicks, "sip:61355500913@server3.enum.example.net");
        // The rest of the order is drawn by the same weights: after server1, server3 has 200 of
        // the 300 left. Fewer draws (~2,500) here, hence the wider tolerance.
        int n = secondAfterServer1.values().stream().mapToInt(Integer::intValue).sum();
        double share = secondAfterServer1.getOrDefault("sip:61355500913@server3.enum.example.net", 0) / (double) n;
        assertEquals(2.0 / 3.0, share, 0.04);
    }

    @Test
    void putsTheHigherOrderLastForFailover() {
        E164Number number = E164Number.parse("+61355500914");
        List<NAPTRRecord> records = EnumTestZone.naptrAt(zone, "4.1.9.0.0.5.5.5.3.1.6");
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(List.of(
                    new EnumCandidate("sip:61355500914@firstchoice.enum.example.net", 10, 100),
                    new EnumCandidate("sip:61355500914@secondchoice.enum.example.net", 20, 100)),
                    seeded(seed).select(number, records));
        }
    }

    @Test
    void appliesTheWildcardRecordToAnyNumberOfTheBlock() {
        List<NAPTRRecord> records = EnumTestZone.naptrAt(zone, "*.1.0.5.5.5.2.1.6");
        for (String number : List.of("+61255501234", "+61255501000", "+61255501999")) {
            assertEquals(List.of("sip:61255501_numbers@enum.example.net"),
                    uris(seeded(1).select(E164Number.parse(number), records)));
        }
    }

    @Test
    void fillsTheDialledNumberIntoTheWildcardBackReference() {
        List<NAPTRRecord> records = EnumTestZone.naptrAt(zone, "*.2.0.5.5.5.2.1.6");
        assertEquals(List.of(new EnumCandidate("sip:61255502000@regex.enum.example.net", 100, 100)),
                seeded(1).select(E164Number.parse("+61255502000"), records));
        assertEquals(List.of("sip:61255502999@regex.enum.example.net"),
                uris(seeded(1).select(E164Number.parse("+61255502999"), records)));
    }

    @Test
    void usesThePortedNumbersOwnRecord() {
        assertEquals(List.of(new EnumCandidate("sip:61255502345@ported.example.org", 50, 100)),
                seeded(1).select(E164Number.parse("+61255502345"), EnumTestZone.naptrAt(zone, "5.4.3.2.0.5.5.5.2.1.6")));
    }

    @Test
    void keepsOnlyTerminalE2uSipRecordsThatYieldASipUri() {
        // Ignored: E2U+email:mailto, E2U+h323, the non-terminal "" record, the malformed regexp,
        // the regexp for +44 only, and the E2U+sip record that produces a mailto: URI.
        // Used: flags "U" and service "E2U+SIP" (both compared without case).
        List<NAPTRRecord> records = EnumTestZone.naptrAt(zone, "5.1.9.0.0.5.5.5.3.1.6");
        assertEquals(7, records.size());
        assertEquals(List.of(new EnumCandidate("sip:61355500915@upper.example.net", 10, 100)),
                seeded(1).select(E164Number.parse("+61355500915"), records));
    }

    @Test
    void returnsNothingForNoRecords() {
        assertEquals(List.of(), seeded(1).select(E164Number.parse("+61355500911"), List.of()));
    }

    @Test
    void acceptsCompoundEnumservicesThatIncludeSip() {
        // RFC 6116 3.4.3: "E2U" 1*("+" enumservice); a record may offer several.
        List<NAPTRRecord> records = List.of(
                naptr("10 100 \"u\" \"E2U+voice:tel+sip\" \"!^.*$!sip:compound@example.net!\" ."),
                naptr("10 100 \"u\" \"E2U+sip:x\" \"!^.*$!sip:subtyped@example.net!\" ."),
                naptr("10 100 \"u\" \"sip+E2U\" \"!^.*$!sip:rfc2916@example.net!\" ."));
        assertEquals(List.of("sip:compound@example.net"), uris(seeded(1).select(E164Number.parse("+1"), records)));
    }

    @Test
    void triesPreferenceZeroOnlyAfterPositiveOnes() {
        List<NAPTRRecord> records = List.of(
                naptr("10 0 \"u\" \"E2U+sip\" \"!^.*$!sip:zero@example.net!\" ."),
                naptr("10 1 \"u\" \"E2U+sip\" \"!^.*$!sip:one@example.net!\" ."));
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(List.of("sip:one@example.net", "sip:zero@example.net"),
                    uris(seeded(seed).select(E164Number.parse("+1"), records)));
        }
    }

    @Test
    void sharesEquallyWhenAllPreferencesAreZero() {
        List<NAPTRRecord> records = List.of(
                naptr("10 0 \"u\" \"E2U+sip\" \"!^.*$!sip:a@example.net!\" ."),
                naptr("10 0 \"u\" \"E2U+sip\" \"!^.*$!sip:b@example.net!\" ."));
        EnumRouteSelector selector = seeded(0);
        Map<String, Integer> firstPicks = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            firstPicks.merge(selector.select(E164Number.parse("+1"), records).get(0).sipUri(), 1, Integer::sum);
        }
        assertShare(0.5, firstPicks, "sip:a@example.net");
    }

    @Test
    void offersAUriFromTwoRecordsOnceAtItsBestPlace() {
        List<NAPTRRecord> records = List.of(
                naptr("20 100 \"u\" \"E2U+sip\" \"!^.*$!sip:a@example.net!\" ."),
                naptr("10 100 \"u\" \"E2U+sip\" \"!^.*$!sip:a@example.net!\" ."),
                naptr("20 100 \"u\" \"E2U+sip\" \"!^.*$!sip:b@example.net!\" ."));
        assertEquals(List.of(new EnumCandidate("sip:a@example.net", 10, 100), new EnumCandidate("sip:b@example.net", 20, 100)),
                seeded(3).select(E164Number.parse("+1"), records));
    }

    @Test
    void doesNotDependOnTheOrderTheServerSentTheRecordsIn() {
        List<NAPTRRecord> records = new ArrayList<>(EnumTestZone.naptrAt(zone, "3.1.9.0.0.5.5.5.3.1.6"));
        E164Number number = E164Number.parse("+61355500913");
        List<EnumCandidate> asSent = seeded(42).select(number, records);
        java.util.Collections.reverse(records);
        assertEquals(asSent, seeded(42).select(number, records));
    }

    private static void assertShare(double expected, Map<String, Integer> counts, String uri) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        double share = counts.getOrDefault(uri, 0) / (double) total;
        assertEquals(expected, share, TOLERANCE, uri + " got " + share + " of " + total + " picks");
    }

    private static NAPTRRecord naptr(String rdata) {
        try {
            return (NAPTRRecord) Record.fromString(Name.fromConstantString("1.e164.arpa."), Type.NAPTR, DClass.IN,
                    3600, rdata, Name.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
