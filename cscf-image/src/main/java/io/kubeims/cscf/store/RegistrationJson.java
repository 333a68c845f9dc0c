package io.kubeims.cscf.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.store.JsonFields;
import io.kubeims.store.ValueCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link Registration}:
 * <pre>
 * {"impi": "alice@ims.example.com", "implicitSet": ["sip:alice@ims.example.com", "tel:+15551230001"],
 *  "serviceProfile": "&lt;?xml ...", "scscfPool": "scscf.ims.svc",
 *  "contacts": [{"uri": "sip:alice@192.0.2.1:5060", "expiresAt": epochMillis, "path": ["&lt;sip:pcscf;lr&gt;"],
 *                "instanceId": "&lt;urn:uuid:...&gt;", "regId": 1, "callId": "...", "cseq": 2,
 *                "received": {"transport": "UDP", "address": "192.0.2.1", "port": 5060}, "q": "0.5"}],
 *  "expiryClaim": {"claimant": "scscf-0", "token": "...", "claimedAt": epochMillis, "leaseUntil": epochMillis}}
 * </pre>
 * with absent optional fields omitted.
 */
final class RegistrationJson implements ValueCodec<Registration> {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String encode(Registration registration) {
        ObjectNode root = JsonFields.newObject();
        root.put("impi", registration.impi());
        JsonFields.putTextList(root, "implicitSet", registration.implicitSet());
        root.put("serviceProfile", registration.serviceProfile());
        root.put("scscfPool", registration.scscfPool());
        ArrayNode contacts = root.putArray("contacts");
        for (Contact contact : registration.contacts()) {
            ObjectNode node = contacts.addObject();
            node.put("uri", contact.uri());
            node.put("expiresAt", contact.expiresAt().toEpochMilli());
            JsonFields.putTextList(node, "path", contact.path());
            if (contact.instanceId() != null) {
                node.put("instanceId", contact.instanceId());
            }
            if (contact.regId() != null) {
                node.put("regId", contact.regId());
            }
            node.put("callId", contact.callId());
            node.put("cseq", contact.cseq());
            putFlow(node.putObject("received"), contact.receivedFrom());
            if (contact.q() != null) {
                node.put("q", contact.q());
            }
        }
        ExpiryClaim claim = registration.expiryClaim();
        if (claim != null) {
            ObjectNode node = root.putObject("expiryClaim");
            node.put("claimant", claim.claimant());
            node.put("token", claim.token());
            node.put("claimedAt", claim.claimedAt().toEpochMilli());
            node.put("leaseUntil", claim.leaseUntil().toEpochMilli());
        }
        return JsonFields.write(root);
    }

    @Override
    public Registration decode(String cache, String key, String stored) {
        JsonFields fields = new JsonFields(mapper, cache, key);
        ObjectNode root = fields.parseObject(stored);
        try {
            List<Contact> contacts = new ArrayList<>();
            for (JsonNode node : fields.array(root, "contacts")) {
                Long regId = fields.optionalInteger(node, "regId");
                if (regId != null && regId > Integer.MAX_VALUE) {
                    throw fields.corrupt("regId " + regId + " is out of range", null);
                }
                contacts.add(new Contact(fields.text(node, "uri"), fields.instant(node, "expiresAt"),
                        fields.textList(node, "path"), fields.optionalText(node, "instanceId"),
                        regId == null ? null : regId.intValue(), fields.text(node, "callId"),
                        fields.integer(node, "cseq"), flow(fields, fields.object(node, "received")),
                        fields.optionalText(node, "q")));
            }
            ObjectNode claimNode = fields.optionalObject(root, "expiryClaim");
            ExpiryClaim claim = claimNode == null ? null : new ExpiryClaim(fields.text(claimNode, "claimant"),
                    fields.text(claimNode, "token"), fields.instant(claimNode, "claimedAt"),
                    fields.instant(claimNode, "leaseUntil"));
            return new Registration(fields.text(root, "impi"), fields.textList(root, "implicitSet"),
                    fields.text(root, "serviceProfile"), fields.text(root, "scscfPool"), contacts, claim);
        } catch (InvalidCscfStateException e) {
            throw fields.corrupt("invalid registration: " + e.getMessage(), e);
        }
    }

    static void putFlow(ObjectNode node, TransportFlow flow) {
        node.put("transport", flow.transport());
        node.put("address", flow.address());
        node.put("port", flow.port());
    }

    static TransportFlow flow(JsonFields fields, JsonNode node) {
        long port = fields.integer(node, "port");
        if (port < 0 || port > 65_535) {
            throw fields.corrupt("port " + port + " is out of range", null);
        }
        return new TransportFlow(fields.text(node, "transport"), fields.text(node, "address"), (int) port);
    }
}
