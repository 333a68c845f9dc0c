package io.kubeims.hss.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and writing the JSON objects this package stores, with errors that name the cache, key and field. A
 * parse error reports only its location: Jackson's own message may quote the input, which can be key material.
 */
final class JsonFields {

    private final ObjectMapper mapper;
    private final String cache;
    private final String key;

    /**
     * @param mapper the codec's mapper (thread-safe, built once)
     * @param cache  cache name, for messages
     * @param key    key of the value being read, for messages
     */
    JsonFields(ObjectMapper mapper, String cache, String key) {
        this.mapper = mapper;
        this.cache = cache;
        this.key = key;
    }

    ObjectNode parseObject(String stored) {
        JsonNode node;
        try {
            node = mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw corrupt("not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")", null);
        }
        if (!(node instanceof ObjectNode object)) {
            throw corrupt("not a JSON object", null);
        }
        return object;
    }

    String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual()) {
            throw corrupt("field '" + field + "' is missing or not a string", null);
        }
        return value.asText();
    }

    String optionalText(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw corrupt("field '" + field + "' is not a string", null);
        }
        return value.asText();
    }

    boolean bool(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isBoolean()) {
            throw corrupt("field '" + field + "' is missing or not a boolean", null);
        }
        return value.asBoolean();
    }

    long integer(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw corrupt("field '" + field + "' is missing or not an integer", null);
        }
        return value.asLong();
    }

    JsonNode array(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw corrupt("field '" + field + "' is missing or not an array", null);
        }
        return value;
    }

    ObjectNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (!(value instanceof ObjectNode object)) {
            throw corrupt("field '" + field + "' is missing or not an object", null);
        }
        return object;
    }

    CorruptStoredValueException corrupt(String problem, Throwable cause) {
        return new CorruptStoredValueException(cache, key, problem, cause);
    }

    /** A new empty object to fill and {@link #write}. */
    static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String write(ObjectNode node) {
        return node.toString();
    }
}
