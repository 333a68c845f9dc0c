package io.kubeims.hss.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.protocol.aka.HomeSqnCounter;
import io.kubeims.protocol.aka.Sqn;
import io.kubeims.store.JsonFields;
import io.kubeims.store.ValueCodec;

/**
 * Stored forms of the dynamic state: SQN_HE as {@code {"lastSqn": 48-bit integer}} (exact in JSON, below 2^53)
 * and the registration record as {@code {"state": "REGISTERED", "serverName": uri, "pendingServerName": uri}}
 * with absent names omitted.
 */
final class DynamicStateJson {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The codec of SQN_HE. */
    ValueCodec<HomeSqnCounter> sqn() {
        return new ValueCodec<>() {
            @Override
            public String encode(HomeSqnCounter counter) {
                ObjectNode root = JsonFields.newObject();
                root.put("lastSqn", counter.last().value());
                return JsonFields.write(root);
            }

            @Override
            public HomeSqnCounter decode(String cache, String key, String stored) {
                JsonFields fields = new JsonFields(mapper, cache, key);
                long value = fields.integer(fields.parseObject(stored), "lastSqn");
                try {
                    return new HomeSqnCounter(new Sqn(value));
                } catch (IllegalArgumentException e) {
                    throw fields.corrupt("lastSqn " + value + " is not a 48-bit SQN", e);
                }
            }
        };
    }

    /** The codec of the registration record. */
    ValueCodec<RegistrationRecord> registration() {
        return new ValueCodec<>() {
            @Override
            public String encode(RegistrationRecord record) {
                ObjectNode root = JsonFields.newObject();
                root.put("state", record.state().name());
                if (record.serverName() != null) {
                    root.put("serverName", record.serverName());
                }
                if (record.pendingServerName() != null) {
                    root.put("pendingServerName", record.pendingServerName());
                }
                return JsonFields.write(root);
            }

            @Override
            public RegistrationRecord decode(String cache, String key, String stored) {
                JsonFields fields = new JsonFields(mapper, cache, key);
                ObjectNode root = fields.parseObject(stored);
                try {
                    return new RegistrationRecord(RegistrationState.valueOf(fields.text(root, "state")),
                            fields.optionalText(root, "serverName"), fields.optionalText(root, "pendingServerName"));
                } catch (IllegalArgumentException e) {
                    throw fields.corrupt("invalid registration record: " + e.getMessage(), e);
                }
            }
        };
    }
}
