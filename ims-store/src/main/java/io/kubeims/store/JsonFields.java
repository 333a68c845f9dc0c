package io.kubeims.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing the JSON objects that stores keep as values, with errors that name the cache, key and field.
 * A parse error reports only its location: Jackson's own message may quote the input, which can be key material.
 * Instants are stored as integer epoch milliseconds.
 */
public final class JsonFields {

    private final ObjectMapper mapper;
    private final String cache;
    private final String key;

    /**
     * @param mapper the codec's mapper (thread-safe, built once)
     * @param cache  cache name, for messages
     * @param key    key of the value being read, for messages
     */
    public JsonFields(ObjectMapper mapper, String cache, String key) {
        this.mapper = mapper;
        this.cache = cache;
        this.key = key;
    }

    /** @throws CorruptStoredValueException if {@code stored} is not a JSON object */
    public ObjectNode parseObject(String stored) {
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

    public String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual()) {
            throw corrupt("field '" + field + "' is missing or not a string", null);
        }
        return value.asText();
    }

    /** The string, or null if the field is absent or null. */
    public String optionalText(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw corrupt("field '" + field + "' is not a string", null);
        }
        return value.asText();
    }

    public boolean bool(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isBoolean()) {
            throw corrupt("field '" + field + "' is missing or not a boolean", null);
        }
        return value.asBoolean();
    }

    public long integer(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw corrupt("field '" + field + "' is missing or not an integer", null);
        }
        return value.asLong();
    }

    /** The integer, or null if the field is absent or null. */
    public Long optionalInteger(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return integer(parent, field);
    }

    /** An instant stored as epoch milliseconds. */
    public Instant instant(JsonNode parent, String field) {
        return Instant.ofEpochMilli(integer(parent, field));
    }

    public JsonNode array(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw corrupt("field '" + field + "' is missing or not an array", null);
        }
        return value;
    }

    /** An array of strings. */
    public List<String> textList(JsonNode parent, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array(parent, field)) {
            if (!element.isTextual()) {
                throw corrupt("field '" + field + "' has an element that is not a string", null);
            }
            values.add(element.asText());
        }
        return values;
    }

    public ObjectNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (!(value instanceof ObjectNode object)) {
            throw corrupt("field '" + field + "' is missing or not an object", null);
        }
        return object;
    }

    /** The object, or null if the field is absent or null. */
    public ObjectNode optionalObject(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return object(parent, field);
    }

    /** An error about the value being read, naming cache and key. */
    public CorruptStoredValueException corrupt(String problem, Throwable cause) {
        return new CorruptStoredValueException(cache, key, problem, cause);
    }

    /** A new empty object to fill and {@link #write}. */
    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts {@code values} as an array of strings under {@code field}. */
    public static void putTextList(ObjectNode parent, String field, List<String> values) {
        ArrayNode array = parent.putArray(field);
        values.forEach(array::add);
    }

    public static String write(ObjectNode node) {
        return node.toString();
    }
}
