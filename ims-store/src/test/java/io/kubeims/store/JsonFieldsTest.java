package io.kubeims.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field readers name cache, key and field in their errors, and never quote the stored text. */
class JsonFieldsTest {

    private final JsonFields fields = new JsonFields(new ObjectMapper(), "c", "k");

    @Test
    void fieldsReadBackWhatWasWritten() {
        ObjectNode root = JsonFields.newObject();
        root.put("text", "t");
        root.put("flag", true);
        root.put("at", 1_790_000_000_123L);
        JsonFields.putTextList(root, "list", List.of("a", "b"));
        root.putObject("inner").put("n", 7);
        ObjectNode read = fields.parseObject(JsonFields.write(root));
        assertEquals("t", fields.text(read, "text"));
        assertEquals(true, fields.bool(read, "flag"));
        assertEquals(Instant.ofEpochMilli(1_790_000_000_123L), fields.instant(read, "at"));
        assertEquals(List.of("a", "b"), fields.textList(read, "list"));
        assertEquals(7, fields.integer(fields.object(read, "inner"), "n"));
        assertNull(fields.optionalText(read, "absent"));
        assertNull(fields.optionalInteger(read, "absent"));
        assertNull(fields.optionalObject(read, "absent"));
        assertEquals(7L, fields.optionalInteger(fields.object(read, "inner"), "n"));
    }

    @Test
    void wrongOrMissingFieldsAreNamed() {
        ObjectNode read = fields.parseObject("{\"n\": 1.5, \"s\": 3, \"l\": [\"a\", 2], \"o\": []}");
        assertEquals("cache c, key k: field 'n' is missing or not an integer",
                assertThrows(CorruptStoredValueException.class, () -> fields.integer(read, "n")).getMessage());
        assertEquals("cache c, key k: field 's' is not a string",
                assertThrows(CorruptStoredValueException.class, () -> fields.optionalText(read, "s")).getMessage());
        assertEquals("cache c, key k: field 'l' has an element that is not a string",
                assertThrows(CorruptStoredValueException.class, () -> fields.textList(read, "l")).getMessage());
        assertEquals("cache c, key k: field 'o' is missing or not an object",
                assertThrows(CorruptStoredValueException.class, () -> fields.object(read, "o")).getMessage());
        assertEquals("cache c, key k: field 'x' is missing or not a boolean",
                assertThrows(CorruptStoredValueException.class, () -> fields.bool(read, "x")).getMessage());
    }

    @Test
    void unparsableTextIsLocatedNotQuoted() {
        CorruptStoredValueException e = assertThrows(CorruptStoredValueException.class,
                () -> fields.parseObject("{\"k\": 00112233secret}"));
        assertTrue(e.getMessage().matches("cache c, key k: not JSON \\(line 1, column \\d+\\)"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
        assertEquals("cache c, key k: not a JSON object",
                assertThrows(CorruptStoredValueException.class, () -> fields.parseObject("[1]")).getMessage());
    }
}
