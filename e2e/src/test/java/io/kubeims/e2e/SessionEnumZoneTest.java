package io.kubeims.e2e;

import io.kubeims.protocol.enumdns.BindEnumServer;
import io.kubeims.protocol.enumdns.E164Number;
import io.kubeims.protocol.enumdns.EnumCandidate;
import io.kubeims.protocol.enumdns.EnumResolver;
import io.kubeims.protocol.enumdns.EnumResolverSettings;
import io.kubeims.protocol.enumdns.EnumRouteSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ENUM zone of the session tests as the S-CSCF will see it: BIND (the same fixture SessionCore starts) serving
 * {@code sessions/e164.arpa.zone}, asked by the protocol library's resolver. Needs no core, so it guards the zone
 * (owner names are the numbers' digits reversed, RFC 6116 2.4) while the session roles are not merged.
 */
class SessionEnumZoneTest {

    @TempDir
    Path temp;

    @Test
    void theTestSubscribersNumbersResolveToTheirSipUris() throws Exception {
        String zone = BindEnumServer.resource("/sessions/e164.arpa.zone");
        try (BindEnumServer named = BindEnumServer.start(temp, "e164.arpa", zone)) {
            EnumResolver resolver = new EnumResolver(EnumResolverSettings.forServer(named.server())
                    .withTimeout(Duration.ofSeconds(2)).withRetries(0), new EnumRouteSelector(new SplittableRandom(1)));
            assertEquals(List.of(new EnumCandidate("sip:ann@ims.example.com", 10, 100)),
                    resolver.resolve(E164Number.fromTelUri("tel:+12025550101")), named::log);
            assertEquals(List.of(new EnumCandidate("sip:ben@ims.example.com", 10, 100)),
                    resolver.resolve(E164Number.fromTelUri("tel:+12025550102")), named::log);
            assertEquals(List.of(new EnumCandidate("sip:cid@ims.example.com", 10, 100),
                            new EnumCandidate("sip:cid@unused.example.net", 20, 100)),
                    resolver.resolve(E164Number.fromTelUri("tel:+12025550103")), named::log);
            // dan's number is not in ENUM: no candidate (the S-CSCF without a breakout gateway answers 404)
            assertEquals(List.of(), resolver.resolve(E164Number.fromTelUri("tel:+12025550104")), named::log);
        }
    }
}
