package io.kubeims.hss.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import io.kubeims.store.CorruptStoredValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored JSON form of subscribers: round trips, the Cx-User-Data inside, and refusal of corrupt values. */
class SubscriberJsonTest {

    private final SubscriberJson json = new SubscriberJson(new CxUserDataReader());
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void akaAndDigestSubscribersRoundTrip() {
        for (Subscriber subscriber : List.of(TestSubscribers.aka("alice", "tel:+15551230001"),
                TestSubscribers.digest("bob"))) {
            assertEquals(subscriber, json.decode("c", "k", json.encode(subscriber)));
        }
    }

    @Test
    void layoutHasHexKeysAndTheCxUserDataDocument() throws Exception {
        Subscriber alice = TestSubscribers.aka("alice", "tel:+15551230001");
        JsonNode root = mapper.readTree(json.encode(alice));
        assertEquals("alice@ims.example.com", root.get("privateIdentity").asText());
        assertEquals("Digest-AKAv1-MD5", root.get("credentials").get("scheme").asText());
        assertEquals(TestSubscribers.K, root.get("credentials").get("k").asText());
        assertEquals(TestSubscribers.OPC, root.get("credentials").get("opc").asText());
        assertEquals("8000", root.get("credentials").get("amf").asText());
        assertEquals("tel:+15551230001", root.get("publicIdentities").get(1).get("identity").asText());
        // Exactly what ims-protocol's writer makes of the subscription: an SAA can send it as stored.
        assertEquals(new CxUserDataWriter().write(alice.imsSubscription()), root.get("cxUserData").asText());
        assertEquals(List.of("sip:alice@ims.example.com", "tel:+15551230001"),
                json.publicIdentities("c", "k", json.encode(alice)));
    }

    @Test
    void notJsonIsCorruptWithoutQuotingTheValue() {
        String stored = json.encode(TestSubscribers.aka("alice"));
        String truncated = stored.substring(0, stored.indexOf(TestSubscribers.K) + 20);
        CorruptStoredValueException e = assertThrows(CorruptStoredValueException.class,
                () -> json.decode("hss-subscribers", "alice@ims.example.com", truncated));
        assertTrue(e.getMessage().startsWith("cache hss-subscribers, key alice@ims.example.com: not JSON"),
                e.getMessage());
        assertFalse(e.getMessage().contains(TestSubscribers.K.substring(0, 8)), e.getMessage());
    }

    @Test
    void missingOrMistypedFieldsAreNamed() throws Exception {
        ObjectNode root = (ObjectNode) mapper.readTree(json.encode(TestSubscribers.digest("bob")));
        root.remove("barred");
        assertEquals("cache c, key k: field 'barred' is missing or not a boolean",
                assertThrows(CorruptStoredValueException.class, () -> json.decode("c", "k", root.toString()))
                        .getMessage());
        root.put("barred", false);
        root.put("publicIdentities", "sip:bob@ims.example.com");
        assertEquals("cache c, key k: field 'publicIdentities' is missing or not an array",
                assertThrows(CorruptStoredValueException.class, () -> json.decode("c", "k", root.toString()))
                        .getMessage());
        assertEquals("cache c, key k: not a JSON object",
                assertThrows(CorruptStoredValueException.class, () -> json.decode("c", "k", "[1]")).getMessage());
    }

    @Test
    void badKeysAreCorruptNamingTheParameterOnly() throws Exception {
        ObjectNode root = (ObjectNode) mapper.readTree(json.encode(TestSubscribers.aka("alice")));
        ((ObjectNode) root.get("credentials")).put("opc", TestSubscribers.OPC.substring(2));
        CorruptStoredValueException e = assertThrows(CorruptStoredValueException.class,
                () -> json.decode("c", "k", root.toString()));
        assertTrue(e.getMessage().contains("OPc: must be 16 octets, got 15"), e.getMessage());
        assertFalse(e.getMessage().contains(TestSubscribers.OPC.substring(2, 12)), e.getMessage());
    }

    @Test
    void cxUserDataMustBeValidAndForTheSameSubscriber() throws Exception {
        ObjectNode root = (ObjectNode) mapper.readTree(json.encode(TestSubscribers.aka("alice")));
        root.put("cxUserData", new CxUserDataWriter().write(TestSubscribers.aka("bob").imsSubscription()));
        assertEquals("cache c, key k: cxUserData is for private identity bob@ims.example.com",
                assertThrows(CorruptStoredValueException.class, () -> json.decode("c", "k", root.toString()))
                        .getMessage());
        root.put("cxUserData", "<IMSSubscription><PrivateID>alice@ims.example.com</PrivateID></IMSSubscription>");
        CorruptStoredValueException invalid = assertThrows(CorruptStoredValueException.class,
                () -> json.decode("c", "k", root.toString()));
        assertTrue(invalid.getMessage().startsWith("cache c, key k: invalid cxUserData: Cx-User-Data line 1"),
                invalid.getMessage());
    }
}
