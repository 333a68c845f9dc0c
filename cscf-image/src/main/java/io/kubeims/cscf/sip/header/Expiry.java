package io.kubeims.cscf.sip.header;

import java.util.OptionalInt;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/** The Expires header (RFC 3261 20.19) as seconds. */
public final class Expiry {

    private Expiry() {
    }

    /** The Expires value, if the header is present (jain-sip sets an unparsable one aside, see the dispatcher). */
    public static OptionalInt read(Message message) {
        ExpiresHeader header = (ExpiresHeader) message.getHeader(ExpiresHeader.NAME);
        return header == null ? OptionalInt.empty() : OptionalInt.of(header.getExpires());
    }

    /** Sets Expires. */
    public static void write(Message message, int seconds, HeaderFactory headers) {
        try {
            message.setHeader(headers.createExpiresHeader(seconds));
        } catch (InvalidArgumentException e) {
            throw new MalformedSipHeaderException(ExpiresHeader.NAME, "not a valid expiry: " + seconds, e);
        }
    }
}
