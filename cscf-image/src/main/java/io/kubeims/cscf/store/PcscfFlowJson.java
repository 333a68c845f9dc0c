package io.kubeims.cscf.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.store.JsonFields;
import io.kubeims.store.ValueCodec;

/**
 * The stored form of a {@link PcscfFlow}:
 * <pre>
 * {"contactUri": ..., "received": {"transport": "UDP", "address": ..., "port": n}, "impi": ... (optional),
 *  "associatedUris": [...], "serviceRoute": [...], "expiresAt": epochMillis}
 * </pre>
 */
final class PcscfFlowJson implements ValueCodec<PcscfFlow> {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String encode(PcscfFlow flow) {
        ObjectNode root = JsonFields.newObject();
        root.put("contactUri", flow.key().contactUri());
        RegistrationJson.putFlow(root.putObject("received"), flow.key().receivedFrom());
        if (flow.impi() != null) {
            root.put("impi", flow.impi());
        }
        JsonFields.putTextList(root, "associatedUris", flow.associatedUris());
        JsonFields.putTextList(root, "serviceRoute", flow.serviceRoute());
        root.put("expiresAt", flow.expiresAt().toEpochMilli());
        return JsonFields.write(root);
    }

    @Override
    public PcscfFlow decode(String cache, String key, String stored) {
        JsonFields fields = new JsonFields(mapper, cache, key);
        ObjectNode root = fields.parseObject(stored);
        try {
            return new PcscfFlow(new PcscfFlowKey(fields.text(root, "contactUri"),
                    RegistrationJson.flow(fields, fields.object(root, "received"))), fields.optionalText(root, "impi"),
                    fields.textList(root, "associatedUris"), fields.textList(root, "serviceRoute"),
                    fields.instant(root, "expiresAt"));
        } catch (InvalidCscfStateException e) {
            throw fields.corrupt("invalid P-CSCF flow: " + e.getMessage(), e);
        }
    }
}
