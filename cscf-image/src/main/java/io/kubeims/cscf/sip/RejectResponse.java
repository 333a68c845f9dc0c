package io.kubeims.cscf.sip;

import java.text.ParseException;
import java.util.OptionalInt;
import javax.sip.InvalidArgumentException;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Response;

/**
 * A final error response to an inbound request with what says why: an RFC 3326 Reason header (protocol SIP, cause
 * the status, a text saying what failed) and a Retry-After (RFC 3261 20.33), each when given.
 */
public final class RejectResponse {

    private RejectResponse() {
    }

    /**
     * @param reasonText text of the Reason header, or null for none; quotes and backslashes are replaced (the text
     *                   goes into a quoted-string)
     * @param retryAfter Retry-After seconds, if any
     */
    public static Response create(InboundRequest inbound, int status, String reasonPhrase, String reasonText,
            OptionalInt retryAfter) {
        Response response = inbound.createResponse(status, reasonPhrase);
        HeaderFactory headers = inbound.node().headers();
        try {
            if (reasonText != null) {
                // RFC 3326: protocol SIP, cause = the status; the text says what failed
                response.addHeader(headers.createReasonHeader("SIP", status,
                        reasonText.replace('"', '\'').replace('\\', '/')));
            }
            if (retryAfter.isPresent()) {
                response.addHeader(headers.createRetryAfterHeader(retryAfter.getAsInt()));
            }
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("Reason/Retry-After refused by jain-sip", e);
        }
        return response;
    }
}
