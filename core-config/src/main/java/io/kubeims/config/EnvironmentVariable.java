package io.kubeims.config;

import java.util.regex.Pattern;

/**
 * An environment variable a function's container needs, with where its value comes from. Configuration properties
 * refer to it as {@code ${NAME}}: secret values and per-pod values never appear in the properties themselves.
 *
 * @param name   the variable name
 * @param source the downward-API field or Secret key that supplies it
 */
public record EnvironmentVariable(String name, Source source) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public EnvironmentVariable {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment variable name '" + name + "' is not a C identifier");
        }
        if (source == null) {
            throw new IllegalArgumentException("the source of " + name + " is required");
        }
    }

    /** {@code ${NAME}}: how a property refers to this variable. */
    public String reference() {
        return "${" + name + "}";
    }

    /** Where a variable's value comes from. */
    public sealed interface Source permits PodField, SecretKey {
    }

    /**
     * A field of the pod itself (Kubernetes downward API), e.g. {@code status.podIP}.
     *
     * @param fieldPath the pod field path
     */
    public record PodField(String fieldPath) implements Source {
        public PodField {
            if (fieldPath == null || fieldPath.isBlank()) {
                throw new IllegalArgumentException("fieldPath is required");
            }
        }
    }

    /**
     * One key of a Secret in the core's namespace (local mode reads the Secret manifests instead).
     *
     * @param secretName the Secret's name
     * @param key        the key within it
     */
    public record SecretKey(String secretName, String key) implements Source {
        public SecretKey {
            if (secretName == null || secretName.isBlank() || key == null || key.isBlank()) {
                throw new IllegalArgumentException("secretName and key are required");
            }
        }
    }
}
