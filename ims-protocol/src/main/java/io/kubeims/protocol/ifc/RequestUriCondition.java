package io.kubeims.protocol.ifc;

/**
 * SPT condition on the Request-URI (TS 29.228 Annex B.2.2 RequestURI): a POSIX ERE searched in the URI.
 *
 * @param requestUri the expression
 */
public record RequestUriCondition(ExtendedRegex requestUri) implements SptCondition {

    /** @throws InvalidIfcException if the expression is missing */
    public RequestUriCondition {
        FieldChecks.required(requestUri, "RequestURI");
    }

    /**
     * @param requestUri a POSIX ERE
     * @throws InvalidIfcException if it is not a valid ERE
     */
    public RequestUriCondition(String requestUri) {
        this(ExtendedRegex.compile(FieldChecks.required(requestUri, "RequestURI")));
    }

    @Override
    public boolean matches(IfcRequest request) {
        return requestUri.find(request.requestUri());
    }
}
