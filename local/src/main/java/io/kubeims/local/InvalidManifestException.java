package io.kubeims.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A manifest local mode cannot use: unreadable YAML, a missing or malformed field, a reference to an object the
 * manifests do not hold, a second ImsCore. The message names the file, the object (kind and name, or the document's
 * position) and the field, e.g. {@code deploy/examples/subscriber-bob.yaml (Subscriber bob): spec.privateIdentity:
 * is required}; it never carries a Secret's value.
 */
public class InvalidManifestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String resource;
    private final String field;

    /**
     * @param file     the manifest file (or the directory, for a problem of the whole set)
     * @param resource the object, e.g. {@code Subscriber alice} or {@code document 2}; null for the whole file
     * @param field    the path of the field at fault, e.g. {@code spec.auth.secretRef.name}; null for the object
     * @param reason   what is wrong
     */
    public InvalidManifestException(Path file, String resource, String field, String reason) {
        super(message(file, resource, field, reason));
        this.file = Objects.requireNonNull(file, "file");
        this.resource = resource;
        this.field = field;
    }

    private static String message(Path file, String resource, String field, String reason) {
        StringBuilder text = new StringBuilder(String.valueOf(file));
        if (resource != null) {
            text.append(" (").append(resource).append(')');
        }
        text.append(": ");
        if (field != null) {
            text.append(field).append(": ");
        }
        return text.append(reason).toString();
    }

    /** The manifest file at fault (the directory for a problem of the whole set). */
    public Path file() {
        return file;
    }

    /** The object at fault, e.g. {@code Subscriber alice}; null for the whole file. */
    public String resource() {
        return resource;
    }

    /** The path of the field at fault, e.g. {@code spec.privateIdentity}; null for the whole object. */
    public String field() {
        return field;
    }
}
