package io.kubeims.protocol.enumdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ENUM lookups over real UDP against {@link ZoneDnsServer} serving the zone-file fixture: every
 * ENUM example of the reference note (seeds/001), plus NXDOMAIN, no-data and server failures.
 */
class EnumResolverTest {

    private static ZoneDnsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new ZoneDnsServer(EnumTestZone.load());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static EnumResolverSettings settings() {
        return EnumResolverSettings.forServer("127.0.0.1:" + server.port())
                .withTimeout(Duration.ofSeconds(2))
                .withRetries(0);
    }

    private static EnumResolver resolver(long seed) {
        return new EnumResolver(settings(), new EnumRouteSelector(new SplittableRandom(seed)));
    }

    private static List<String> resolveUris(String number) throws EnumLookupException {
        return resolver(1).resolve(E164Number.parse(number)).stream().map(EnumCandidate::sipUri).toList();
    }

    @Test
    void resolvesASingleRecord() throws Exception {
        // dig -t naptr 1.1.9.0.0.5.5.5.3.1.6.e164.arpa: one record, one URI.
        assertEquals(List.of(new EnumCandidate("sip:61355500911@192.0.2.98", 10, 100)),
                resolver(1).resolve(E164Number.parse("+61355500911")));
    }

    @Test
    void sharesLoadFiftyFifty() throws Exception {
        Map<String, Integer> firstPicks = firstPicks("+61355500912", 400);
        // Reference note: 100/200 each. 400 lookups: one standard deviation is 0.025.
        assertShare(0.5, firstPicks, "sip:61355500912@server1.enum.example.net", 0.08);
        assertShare(0.5, firstPicks, "sip:61355500912@server2.enum.example.net", 0.08);
    }

    @Test
    void sharesLoadTwentyFiveTwentyFiveFifty() throws Exception {
        Map<String, Integer> firstPicks = firstPicks("+61355500913", 400);
        assertShare(0.25, firstPicks, "sip:61355500913@server1.enum.example.net", 0.08);
        assertShare(0.25, firstPicks, "sip:61355500913@server2.enum.example.net", 0.08);
        assertShare(0.50, firstPicks, "sip:61355500913@server3.enum.example.net", 0.08);
        assertEquals(3, resolveUris("+61355500913").size());
    }

    @Test
    void failsOverFromOrderTenToOrderTwenty() throws Exception {
        assertEquals(List.of("sip:61355500914@firstchoice.enum.example.net",
                        "sip:61355500914@secondchoice.enum.example.net"),
                resolveUris("+61355500914"));
    }

    @Test
    void resolvesAnyNumberOfAWildcardBlock() throws Exception {
        // The note queries 4.3.2.1.0.5.5.5.2.1.6 (it writes the number as +6125501234, a digit
        // short); the wildcard *.1.0.5.5.5.2.1.6 covers +61255501xxx.
        assertEquals(List.of("sip:61255501_numbers@enum.example.net"), resolveUris("+61255501234"));
        assertEquals(List.of("sip:61255501_numbers@enum.example.net"), resolveUris("+61255501000"));
    }

    @Test
    void fillsTheDialledNumberIntoAWildcardBackReference() throws Exception {
        assertEquals(List.of("sip:61255502000@regex.enum.example.net"), resolveUris("+61255502000"));
        // Reference note: the wildcard matches any length below it, +612555021 as well as longer
        // numbers (up to the 15 digits E.164 allows).
        assertEquals(List.of("sip:612555021@regex.enum.example.net"), resolveUris("+612555021"));
        assertEquals(List.of("sip:612555029999999@regex.enum.example.net"), resolveUris("+612555029999999"));
    }

    @Test
    void letsAMoreSpecificRecordOverrideTheWildcard() throws Exception {
        // The wildcard is not even in the answer: DNS only synthesises from it when the name
        // does not exist (RFC 4592 2.2.1), so the order 50 vs 100 of the note plays no part.
        assertEquals(List.of(new EnumCandidate("sip:61255502345@ported.example.org", 50, 100)),
                resolver(1).resolve(E164Number.parse("+61255502345")));
    }

    @Test
    void losesTheWildcardBelowTheOverridesEmptyNonTerminals() throws Exception {
        // RFC 4592 2.2.2: 5.4.3.2.0.5.5.5.2.1.6 creates the empty non-terminals 4.3.2.0... and
        // 3.2.0..., which block *.2.0.5.5.5.2.1.6. An RFC server (BIND) answers NXDOMAIN for
        // +612555023xx except the ported number; the note does not warn about it.
        assertEquals(List.of(), resolveUris("+61255502346"));
        assertEquals(List.of(), resolveUris("+61255502300"));
        assertEquals(List.of("sip:61255502400@regex.enum.example.net"), resolveUris("+61255502400"));
    }

    @Test
    void keepsOnlyTheUsableRecordOfAMixedSet() throws Exception {
        assertEquals(List.of("sip:61355500915@upper.example.net"), resolveUris("+61355500915"));
    }

    @Test
    void returnsNothingForNxdomain() throws Exception {
        assertEquals(List.of(), resolveUris("+61355500999"));
        assertEquals(List.of(), resolveUris("+442079460148"));
    }

    @Test
    void returnsNothingForANameWithoutNaptr() throws Exception {
        assertEquals(List.of(), resolveUris("+61355500916"));
    }

    @Test
    void followsACname() throws Exception {
        // +61355500917 is an alias of +61355500911's domain; the regexp is applied to the
        // original number's AUS (here "^.*$", so the URI is the target's).
        assertEquals(List.of("sip:61355500911@192.0.2.98"), resolveUris("+61355500917"));
    }

    @Test
    void reportsACnameLoop() {
        EnumLookupException e = assertThrows(EnumLookupException.class, () -> resolveUris("+61355500918"));
        assertTrue(e.getMessage().contains("CNAME loop"), e.getMessage());
    }

    @Test
    void reportsARefusingServerAfterEachRetry() {
        // Our server refuses names outside e164.arpa, as an authoritative-only server does.
        EnumResolver resolver = new EnumResolver(
                settings().withSuffix(new EnumSuffix("e164.example.net")).withRetries(1),
                new EnumRouteSelector(new SplittableRandom(1)));
        int before = server.queriesReceived();
        EnumLookupException e = assertThrows(EnumLookupException.class,
                () -> resolver.resolve(E164Number.parse("+61355500911")));
        assertEquals("1.1.9.0.0.5.5.5.3.1.6.e164.example.net", e.domain());
        assertTrue(e.getMessage().contains("server answered REFUSED (2 attempts)"), e.getMessage());
        assertEquals(2, server.queriesReceived() - before);
    }

    @Test
    void reportsATimeoutDistinctlyFromNoAnswer() throws Exception {
        // A socket that receives queries and never answers.
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            EnumResolver resolver = new EnumResolver(
                    EnumResolverSettings.forServer("127.0.0.1:" + silent.getLocalPort())
                            .withTimeout(Duration.ofMillis(300))
                            .withRetries(2),
                    new EnumRouteSelector(new SplittableRandom(1)));
            EnumLookupException e = assertThrows(EnumLookupException.class,
                    () -> resolver.resolve(E164Number.parse("+61355500911")));
            assertTrue(e.getMessage().contains("timed out after 300 ms (3 attempts)"), e.getMessage());
            assertTrue(e.getMessage().contains("1.1.9.0.0.5.5.5.3.1.6.e164.arpa"), e.getMessage());
            assertEquals(3, datagramsWaiting(silent), "one query and two retries");
        }
    }

    private static int datagramsWaiting(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(200);
        int count = 0;
        byte[] buffer = new byte[512];
        try {
            while (true) {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                count++;
            }
        } catch (SocketTimeoutException drained) {
            return count;
        }
    }

    private static Map<String, Integer> firstPicks(String number, int lookups) throws EnumLookupException {
        EnumResolver resolver = resolver(Long.parseLong(number.substring(1)));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < lookups; i++) {
            counts.merge(resolver.resolve(E164Number.parse(number)).get(0).sipUri(), 1, Integer::sum);
        }
        return counts;
    }

    private static void assertShare(double expected, Map<String, Integer> counts, String uri, double tolerance) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        double share = counts.getOrDefault(uri, 0) / (double) total;
        assertEquals(expected, share, tolerance, uri + " got " + share + " of " + total + " picks");
    }
}
