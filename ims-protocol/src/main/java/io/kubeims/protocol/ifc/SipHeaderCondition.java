package io.kubeims.protocol.ifc;

/**
 * SPT condition on a SIP header (TS 29.228 Annex B.2.2 SIPHeader): without content, the header's
 * presence; with content, a POSIX ERE searched in each value of that header, any one sufficing.
 *
 * @param header the header name (case-insensitive; a compact form is equivalent to its full name)
 * @param content the expression, or null for a presence test
 */
public record SipHeaderCondition(String header, ExtendedRegex content) implements SptCondition {

    /** @throws InvalidIfcException if the header name is not a token */
    public SipHeaderCondition {
        FieldChecks.sipToken(header, "SIPHeader Header");
    }

    /**
     * @param header the header name
     * @param content a POSIX ERE, or null for a presence test
     * @throws InvalidIfcException if the name is not a token or the content not a valid ERE
     */
    public SipHeaderCondition(String header, String content) {
        this(header, content == null ? null : ExtendedRegex.compile(content));
    }

    @Override
    public boolean matches(IfcRequest request) {
        var values = request.headerValues(header);
        if (content == null) {
            return !values.isEmpty();
        }
        for (String value : values) {
            if (content.find(value)) {
                return true;
            }
        }
        return false;
    }
}
