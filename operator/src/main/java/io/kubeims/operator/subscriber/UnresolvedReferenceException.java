package io.kubeims.operator.subscriber;

/** A Subscriber names a Secret or IfcProfile that does not exist in its namespace (yet). */
public class UnresolvedReferenceException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;

    UnresolvedReferenceException(String kind, String name, String field) {
        super(kind + " " + name + " (" + field + ") does not exist in the Subscriber's namespace");
        this.kind = kind;
        this.name = name;
    }

    /** Secret or IfcProfile. */
    public String kind() {
        return kind;
    }

    /** The missing resource's name. */
    public String name() {
        return name;
    }
}
