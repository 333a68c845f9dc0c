package io.kubeims.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a manifest against the structural OpenAPI v3 schema of a generated CRD, the way the API server prunes and
 * validates it: types, required, unknown fields, enum, pattern, minimum/maximum, minItems/maxItems. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated here. Test support only.
 */
final class CrdSchemaValidator {

    private final JsonNode schema;

    CrdSchemaValidator(JsonNode openApiV3Schema) {
        this.schema = openApiV3Schema;
    }

    /** Every violation, as "path: problem"; empty when the object is valid. */
    List<String> validate(JsonNode object) {
        List<String> errors = new ArrayList<>();
        // metadata, apiVersion and kind are the API server's business, as is status on create
        for (String part : List.of("spec")) {
            JsonNode partSchema = schema.path("properties").path(part);
            if (object.has(part)) {
                check(object.get(part), partSchema, "." + part, errors);
            }
        }
        return errors;
    }

    private void check(JsonNode value, JsonNode s, String path, List<String> errors) {
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isInt() && !value.isTextual()) {
                errors.add(path + ": must be an integer or a string");
            }
            return;
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, s, path, errors);
            case "array" -> checkArray(value, s, path, errors);
            case "string" -> checkString(value, s, path, errors);
            case "integer" -> checkNumber(value, value.isIntegralNumber(), "an integer", s, path, errors);
            case "number" -> checkNumber(value, value.isNumber(), "a number", s, path, errors);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(path + ": must be a boolean");
                }
            }
            case "" -> {
                if (!s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    errors.add(path + ": schema has no type");
                }
            }
            default -> errors.add(path + ": unknown schema type " + type);
        }
    }

    private void checkObject(JsonNode value, JsonNode s, String path, List<String> errors) {
        if (!value.isObject()) {
            errors.add(path + ": must be an object");
            return;
        }
        for (JsonNode required : s.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(path + ": missing required field " + required.asText());
            }
        }
        JsonNode properties = s.path("properties");
        JsonNode additional = s.path("additionalProperties");
        boolean preserveUnknown = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String childPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), childPath, errors);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, childPath, errors);
            } else if (!preserveUnknown) {
                errors.add(childPath + ": unknown field");
            }
        }
    }

    private void checkArray(JsonNode value, JsonNode s, String path, List<String> errors) {
        if (!value.isArray()) {
            errors.add(path + ": must be an array");
            return;
        }
        if (s.has("minItems") && value.size() < s.get("minItems").asLong()) {
            errors.add(path + ": needs at least " + s.get("minItems").asLong() + " items");
        }
        if (s.has("maxItems") && value.size() > s.get("maxItems").asLong()) {
            errors.add(path + ": allows at most " + s.get("maxItems").asLong() + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), s.path("items"), path + "[" + i + "]", errors);
        }
    }

    private void checkString(JsonNode value, JsonNode s, String path, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(path + ": must be a string");
            return;
        }
        String text = value.asText();
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : s.get("enum")) {
                found |= allowed.asText().equals(text);
            }
            if (!found) {
                errors.add(path + ": '" + text + "' is not one of " + s.get("enum"));
            }
        }
        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(text).find()) {
            errors.add(path + ": '" + text + "' does not match " + s.get("pattern").asText());
        }
        if (s.has("maxLength") && text.length() > s.get("maxLength").asLong()) {
            errors.add(path + ": longer than " + s.get("maxLength").asLong());
        }
    }

    private void checkNumber(JsonNode value, boolean rightType, String what, JsonNode s, String path,
                             List<String> errors) {
        if (!rightType) {
            errors.add(path + ": must be " + what);
            return;
        }
        if (s.has("minimum") && value.asDouble() < s.get("minimum").asDouble()) {
            errors.add(path + ": below the minimum " + s.get("minimum").asText());
        }
        if (s.has("maximum") && value.asDouble() > s.get("maximum").asDouble()) {
            errors.add(path + ": above the maximum " + s.get("maximum").asText());
        }
    }
}
