package io.kubeims.config;

/**
 * An {@code ImsCore} from which no working configuration can be derived (a spec combination the CRD schema cannot
 * refuse, or a manifest that never met an API server, as in local mode). The message names the field, e.g.
 * {@code spec.domain}, and what is wrong; it never carries a secret (the spec only references Secrets).
 */
public class InvalidImsCoreException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field  the path of the refused field, e.g. {@code spec.registrationStore.external.uri}
     * @param reason what is wrong with it
     */
    public InvalidImsCoreException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** The path of the refused field in the ImsCore manifest. */
    public String field() {
        return field;
    }
}
