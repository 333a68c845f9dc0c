package io.kubeims.protocol.enumdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EnumResolver} against a real DNS server: BIND 9 ({@link BindEnumServer}) serving the
 * e164.arpa examples of the reference note seeds/001 as its zone file has them. Expected URIs come
 * from the zone file and RFC 3402/6116, never from running the resolver. Skipped without named,
 * failed under {@code -Dkubeims.require-tools=true}.
 */
class EnumResolverBindTest {

    @TempDir
    static Path directory;

    private static BindEnumServer named;

    @BeforeAll
    static void startNamed() throws Exception {
        named = BindEnumServer.startSeedZone(directory);
    }

    @AfterAll
    static void stopNamed() {
        if (named != null) {
            named.close();
        }
    }

    private static EnumResolver resolver(long seed) {
        return new EnumResolver(EnumResolverSettings.forServer(named.server()).withTimeout(Duration.ofSeconds(2))
                .withRetries(0), new EnumRouteSelector(new SplittableRandom(seed)));
    }

    private static List<String> uris(String number) throws EnumLookupException {
        return resolver(1).resolve(E164Number.parse(number)).stream().map(EnumCandidate::sipUri).toList();
    }

    @Test
    void resolvesTheNotesFirstExample() throws Exception {
        // dig -t naptr 1.1.9.0.0.5.5.5.3.1.6.e164.arpa: NAPTR 10 100 "u" "E2U+sip" "!^.*$!sip:...!" .
        assertEquals(List.of(new EnumCandidate("sip:61355500911@192.0.2.98", 10, 100)),
                resolver(1).resolve(E164Number.parse("+61355500911")), named::log);
    }

    @Test
    void drawsByPreferenceWithinOneOrder() throws Exception {
        // +61355500913: preferences 100, 100, 200 of one order: 25 %, 25 %, 50 % of first picks
        // (the note's reading). 400 lookups: one standard deviation is at most 0.025.
        EnumResolver resolver = resolver(61355500913L);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            List<EnumCandidate> candidates = resolver.resolve(E164Number.parse("+61355500913"));
            assertEquals(3, candidates.size(), candidates::toString);
            first.merge(candidates.get(0).sipUri(), 1, Integer::sum);
        }
        assertShare(0.25, first, "sip:61355500913@server1.enum.example.net");
        assertShare(0.25, first, "sip:61355500913@server2.enum.example.net");
        assertShare(0.50, first, "sip:61355500913@server3.enum.example.net");
    }

    @Test
    void listsTheNextOrderForFailover() throws Exception {
        // +61355500914: order 10 first; order 20 is where a caller fails over to.
        assertEquals(List.of(new EnumCandidate("sip:61355500914@firstchoice.enum.example.net", 10, 100),
                        new EnumCandidate("sip:61355500914@secondchoice.enum.example.net", 20, 100)),
                resolver(1).resolve(E164Number.parse("+61355500914")));
    }

    @Test
    void answersAWholeBlockFromAWildcard() throws Exception {
        // *.1.0.5.5.5.2.1.6: named synthesises the record for any +61255501... name (RFC 4592).
        assertEquals(List.of("sip:61255501_numbers@enum.example.net"), uris("+61255501234"));
        assertEquals(List.of("sip:61255501_numbers@enum.example.net"), uris("+61255501999"));
        assertEquals(List.of("sip:61255501_numbers@enum.example.net"), uris("+612555019"));
    }

    @Test
    void substitutesTheWholeNumberIntoTheNotesBackReference() throws Exception {
        // The note's regexp "!(^.*$)!sip:+1\1@...!": group 1 is the whole AUS, "+" included
        // (RFC 3402 3.2: the AUS is the E.164 number with its leading "+", RFC 6116 2.4), so
        // "+1" is prefixed to "+61255502000" - not the "sip:61255502000@" the note's comment says.
        assertEquals(List.of("sip:+1+61255502000@regex.enum.example.net"), uris("+61255502000"));
        assertEquals(List.of("sip:+1+61255502999@regex.enum.example.net"), uris("+61255502999"));
    }

    @Test
    void letsTheMoreSpecificNameOverrideTheWildcard() throws Exception {
        assertEquals(List.of(new EnumCandidate("sip:61255502345@ported.example.org", 50, 100)),
                resolver(1).resolve(E164Number.parse("+61255502345")));
    }

    @Test
    void blocksTheWildcardBelowTheOverridesEmptyNonTerminals() throws Exception {
        // RFC 4592 2.2.2, as BIND implements it: 5.4.3.2.0.5.5.5.2.1.6 makes 4.3.2.0... and
        // 3.2.0... exist (empty), so *.2.0.5.5.5.2.1.6 does not cover +612555023xx: NXDOMAIN.
        // (The in-process ZoneDnsServer claims to do as BIND does: this is the check.)
        assertEquals(List.of(), uris("+61255502346"));
        assertEquals(List.of(), uris("+61255502300"));
        assertEquals(List.of("sip:+1+61255502400@regex.enum.example.net"), uris("+61255502400"));
    }

    @Test
    void keepsOnlyTheTerminalSipRecordOfAMixedSet() throws Exception {
        // mailto service, a non-terminal rule, a regexp for +44 only: only "U" "E2U+SIP" is usable
        // (flags and services are case-insensitive, RFC 3403 4.1, RFC 6116 3.4.3).
        assertEquals(List.of("sip:61355500915@upper.example.net"), uris("+61355500915"));
    }

    @Test
    void returnsNothingForNxdomainOrNoNaptr() throws Exception {
        assertEquals(List.of(), uris("+61355500999"));   // no such name
        assertEquals(List.of(), uris("+442079460148"));  // another country, outside every record
        assertEquals(List.of(), uris("+61355500916"));   // the name has a TXT only
    }

    @Test
    void followsACnameToTheTargetsRecords() throws Exception {
        assertEquals(List.of("sip:61355500911@192.0.2.98"), uris("+61355500917"));
    }

    @Test
    void reportsAPortWithNothingBehindIt() throws Exception {
        // A loopback UDP port just closed: ICMP port unreachable or a timeout, either way a lookup error.
        int closed;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closed = probe.getLocalPort();
        }
        EnumResolver resolver = new EnumResolver(EnumResolverSettings.forServer("127.0.0.1:" + closed)
                .withTimeout(Duration.ofMillis(300)).withRetries(1), new EnumRouteSelector(new SplittableRandom(1)));
        EnumLookupException e = assertThrows(EnumLookupException.class,
                () -> resolver.resolve(E164Number.parse("+61355500911")));
        assertEquals("1.1.9.0.0.5.5.5.3.1.6.e164.arpa", e.domain());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closed), e.getMessage());
        assertTrue(e.getMessage().contains("(2 attempts)"), e.getMessage());
    }

    @Test
    void reportsATimeoutWhenTheServerNeverAnswers() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            EnumResolver resolver = new EnumResolver(EnumResolverSettings.forServer("127.0.0.1:" + silent.getLocalPort())
                    .withTimeout(Duration.ofMillis(300)).withRetries(1), new EnumRouteSelector(new SplittableRandom(1)));
            EnumLookupException e = assertThrows(EnumLookupException.class,
                    () -> resolver.resolve(E164Number.parse("+61355500914")));
            assertTrue(e.getMessage().contains("timed out after 300 ms (2 attempts)"), e.getMessage());
            silent.setSoTimeout(200);
            int received = 0;
            try {
                while (true) {
                    silent.receive(new DatagramPacket(new byte[512], 512));
                    received++;
                }
            } catch (SocketTimeoutException drained) {
                assertEquals(2, received, "one query and one retry");
            }
        }
    }

    @Test
    void refusesANumberThatIsNotE164BeforeAnyQuery() {
        // A national number has no ENUM domain (RFC 6116 2.4 needs the full E.164 number).
        InvalidE164NumberException local = assertThrows(InvalidE164NumberException.class,
                () -> E164Number.parse("0355500911"));
        assertEquals("0355500911", local.input());
        assertThrows(InvalidE164NumberException.class, () -> E164Number.parse("+6135550091112345"));  // 16 digits
        assertThrows(InvalidE164NumberException.class, () -> E164Number.fromTelUri("tel:5550100;phone-context=example.net"));
        assertThrows(InvalidE164NumberException.class, () -> E164Number.fromSipUri("sip:bob@ims.example.com"));
    }

    private static void assertShare(double expected, Map<String, Integer> counts, String uri) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        double share = counts.getOrDefault(uri, 0) / (double) total;
        assertEquals(expected, share, 0.08, uri + " got " + share + " of " + total + " first picks");
    }
}
