package io.kubeims.protocol.ifc;

/**
 * SPT condition on the SDP body (TS 29.228 Annex B.2.2 SessionDescription): some SDP line of the given type
 * exists and, when content is given, its value (after {@code type=}) contains a match of the POSIX ERE.
 *
 * @param line the SDP line type, one letter (RFC 4566 5), e.g. {@code m}
 * @param content the expression, or null to test only that a line of that type exists
 */
public record SessionDescriptionCondition(String line, ExtendedRegex content) implements SptCondition {

    /** @throws InvalidIfcException if the line type is not a single letter */
    public SessionDescriptionCondition {
        FieldChecks.required(line, "SessionDescription Line");
        char type = line.isEmpty() ? ' ' : line.charAt(0);
        if (line.length() != 1 || !((type >= 'a' && type <= 'z') || (type >= 'A' && type <= 'Z'))) {
            throw new InvalidIfcException("SessionDescription Line '" + line
                    + "' is not an SDP line type (one letter such as 'm')");
        }
    }

    /**
     * @param line the SDP line type
     * @param content a POSIX ERE, or null
     * @throws InvalidIfcException if the line type is not one letter or the content not a valid ERE
     */
    public SessionDescriptionCondition(String line, String content) {
        this(line, content == null ? null : ExtendedRegex.compile(content));
    }

    @Override
    public boolean matches(IfcRequest request) {
        String prefix = line + "=";
        for (String sdpLine : request.body().split("\r?\n")) {
            if (sdpLine.startsWith(prefix)
                    && (content == null || content.find(sdpLine.substring(prefix.length())))) {
                return true;
            }
        }
        return false;
    }
}
