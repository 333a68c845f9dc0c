package io.kubeims.cscf.pcscf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.cscf.store.TransportFlow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowTokenTest {

    private final FlowToken token = new FlowToken("replicas-share-this-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void aFlowComesBackFromItsToken() {
        for (TransportFlow flow : new TransportFlow[] {new TransportFlow("UDP", "192.0.2.10", 5060),
                new TransportFlow("TCP", "198.51.100.7", 65535), new TransportFlow("WSS", "2001:db8:0:0:0:0:0:1", 1)}) {
            String encoded = token.encode(flow);
            assertTrue(encoded.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + encoded);
            assertEquals(Optional.of(flow), token.decode(encoded));
            // any replica with the same key reads it
            assertEquals(Optional.of(flow), new FlowToken("replicas-share-this-key".getBytes(StandardCharsets.UTF_8))
                    .decode(encoded));
        }
    }

    @Test
    void thePathUserPartCarriesTheTermPrefix() {
        TransportFlow flow = new TransportFlow("UDP", "192.0.2.10", 5060);
        String user = token.pathUser(flow);
        assertTrue(user.startsWith(FlowToken.PATH_USER_PREFIX), user);
        assertEquals(Optional.of(flow), token.fromPathUser(user));
        assertEquals(Optional.empty(), token.fromPathUser(user.substring(FlowToken.PATH_USER_PREFIX.length())));
        assertEquals(Optional.empty(), token.fromPathUser("orig"));
        assertEquals(Optional.empty(), token.fromPathUser(null));
    }

    @Test
    void anAlteredOrForeignTokenIsRefused() {
        TransportFlow flow = new TransportFlow("UDP", "192.0.2.10", 5060);
        byte[] bytes = Base64.getUrlDecoder().decode(token.encode(flow));
        // point it at another port: the MAC no longer matches
        bytes[6] ^= 0x01;
        assertEquals(Optional.empty(), token.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        FlowToken other = new FlowToken("another-key-of-16b".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), other.decode(token.encode(flow)));
        assertEquals(Optional.empty(), token.decode("not*base64"));
        assertEquals(Optional.empty(), token.decode(""));
        assertEquals(Optional.empty(), token.decode("AAAA"));
    }

    @Test
    void onlyIpLiteralsAndKnownTransportsAreEncoded() {
        FlowTokenException name = assertThrows(FlowTokenException.class,
                () -> token.encode(new TransportFlow("UDP", "ue.example.com", 5060)));
        assertTrue(name.getMessage().contains("ue.example.com"), name.getMessage());
        assertThrows(FlowTokenException.class, () -> token.encode(new TransportFlow("UDP", "300.1.1.1", 5060)));
        assertThrows(FlowTokenException.class, () -> token.encode(new TransportFlow("DCCP", "192.0.2.1", 5060)));
    }

    @Test
    void aShortKeyIsRefusedWithoutShowingIt() {
        InvalidPcscfSettingsException e = assertThrows(InvalidPcscfSettingsException.class,
                () -> new FlowToken("short-secret".getBytes(StandardCharsets.UTF_8)));
        assertEquals("flowTokenKey", e.setting());
        assertFalse(e.getMessage().contains("short-secret"));
        assertFalse(token.toString().contains("replicas"));
    }
}
