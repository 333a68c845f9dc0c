package io.kubeims.hss.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.Credentials;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UnknownAuthenticationSchemeException;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.xml.CxUserDataException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import io.kubeims.store.JsonFields;
import io.kubeims.store.ValueCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link Subscriber}: a JSON object
 * <pre>
 * {"privateIdentity": "alice@ims.example.com", "barred": false,
 *  "publicIdentities": [{"identity": "sip:alice@ims.example.com", "barred": false, "displayName": "Alice"}],
 *  "credentials": {"scheme": "Digest-AKAv1-MD5", "k": hex, "opc": hex, "amf": hex}
 *              | {"scheme": "SIP Digest", "password": text},
 *  "cxUserData": "&lt;?xml ...&gt;&lt;IMSSubscription&gt;..."}
 * </pre>
 * where {@code cxUserData} is the subscriber's Cx-User-Data document (TS 29.228 Annex E) written by ims-protocol's
 * {@link CxUserDataWriter}; the iFCs are read back from it, once per read. Thread-safe.
 */
final class SubscriberJson implements ValueCodec<Subscriber> {

    private final ObjectMapper mapper = new ObjectMapper();
    private final CxUserDataWriter writer = new CxUserDataWriter();
    private final CxUserDataReader reader;

    /** @param reader the Cx-User-Data reader (it loads its schema once; share it) */
    SubscriberJson(CxUserDataReader reader) {
        this.reader = reader;
    }

    @Override
    public String encode(Subscriber subscriber) {
        ObjectNode root = JsonFields.newObject();
        root.put("privateIdentity", subscriber.privateIdentity());
        root.put("barred", subscriber.barred());
        ArrayNode identities = root.putArray("publicIdentities");
        for (PublicUserIdentity identity : subscriber.publicIdentities()) {
            ObjectNode node = identities.addObject();
            node.put("identity", identity.identity());
            node.put("barred", identity.barred());
            if (identity.displayName() != null) {
                node.put("displayName", identity.displayName());
            }
        }
        ObjectNode credentials = root.putObject("credentials");
        credentials.put("scheme", subscriber.credentials().scheme().wireValue());
        if (subscriber.credentials() instanceof AkaCredentials aka) {
            credentials.put("k", HexKey.format(aka.keys().k()));
            credentials.put("opc", HexKey.format(aka.keys().opc()));
            credentials.put("amf", HexKey.format(aka.amf()));
        } else if (subscriber.credentials() instanceof SipDigestCredentials digest) {
            credentials.put("password", digest.password());
        }
        root.put("cxUserData", writer.write(subscriber.imsSubscription()));
        return JsonFields.write(root);
    }

    @Override
    public Subscriber decode(String cache, String key, String stored) {
        JsonFields fields = new JsonFields(mapper, cache, key);
        ObjectNode root = fields.parseObject(stored);
        String privateIdentity = fields.text(root, "privateIdentity");
        List<PublicUserIdentity> identities = new ArrayList<>();
        for (JsonNode node : fields.array(root, "publicIdentities")) {
            try {
                identities.add(new PublicUserIdentity(fields.text(node, "identity"), fields.bool(node, "barred"),
                        fields.optionalText(node, "displayName")));
            } catch (IllegalArgumentException e) {
                throw fields.corrupt("invalid public identity: " + e.getMessage(), e);
            }
        }
        Credentials credentials = credentials(fields, fields.object(root, "credentials"));
        List<InitialFilterCriteria> ifcs = initialFilterCriteria(fields, privateIdentity,
                fields.text(root, "cxUserData"));
        try {
            return new Subscriber(privateIdentity, identities, fields.bool(root, "barred"), credentials, ifcs);
        } catch (IllegalArgumentException e) {
            // Subscriber's messages never carry secrets (credentials are validated by their own types).
            throw fields.corrupt("invalid subscriber: " + e.getMessage(), e);
        }
    }

    /** Only the public identities of a stored subscriber, without building it (used by the IMPU index checks). */
    List<String> publicIdentities(String cache, String key, String stored) {
        JsonFields fields = new JsonFields(mapper, cache, key);
        List<String> identities = new ArrayList<>();
        for (JsonNode node : fields.array(fields.parseObject(stored), "publicIdentities")) {
            identities.add(fields.text(node, "identity"));
        }
        return identities;
    }

    private static Credentials credentials(JsonFields fields, ObjectNode node) {
        SipAuthenticationScheme scheme;
        try {
            scheme = SipAuthenticationScheme.parse(fields.text(node, "scheme"));
        } catch (UnknownAuthenticationSchemeException e) {
            throw fields.corrupt("unknown credentials scheme", e);
        }
        try {
            return switch (scheme) {
                case DIGEST_AKA_V1_MD5 -> AkaCredentials.fromOpcHex(fields.text(node, "k"), fields.text(node, "opc"),
                        fields.text(node, "amf"));
                case SIP_DIGEST -> new SipDigestCredentials(fields.text(node, "password"));
                default -> throw fields.corrupt("credentials scheme " + scheme.wireValue() + " is not provisionable",
                        null);
            };
        } catch (IllegalArgumentException e) {
            // ims-protocol's AKA parameter errors name the parameter, never its value.
            throw fields.corrupt("invalid credentials: " + e.getMessage(), e);
        }
    }

    private List<InitialFilterCriteria> initialFilterCriteria(JsonFields fields, String privateIdentity,
            String cxUserData) {
        ImsSubscription subscription;
        try {
            subscription = reader.read(cxUserData);
        } catch (CxUserDataException e) {
            throw fields.corrupt("invalid cxUserData: " + e.getMessage(), e);
        }
        if (!subscription.privateId().equals(privateIdentity)) {
            throw fields.corrupt("cxUserData is for private identity " + subscription.privateId(), null);
        }
        // Subscriber.imsSubscription() writes exactly one service profile: the implicit registration set.
        if (subscription.serviceProfiles().size() != 1) {
            throw fields.corrupt("cxUserData has " + subscription.serviceProfiles().size()
                    + " service profiles, expected 1", null);
        }
        return subscription.serviceProfiles().get(0).initialFilterCriteria();
    }
}
