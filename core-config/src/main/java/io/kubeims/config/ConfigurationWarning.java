package io.kubeims.config;

/**
 * A spec that works but probably not as meant (e.g. an embedded registration store with several replicas); the
 * operator reports it in a condition, local mode prints it.
 *
 * @param field   the manifest field concerned, e.g. {@code spec.scscf.replicas}
 * @param message what happens and what to change
 */
public record ConfigurationWarning(String field, String message) {

    public ConfigurationWarning {
        if (field == null || field.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a warning needs a field and a message");
        }
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
