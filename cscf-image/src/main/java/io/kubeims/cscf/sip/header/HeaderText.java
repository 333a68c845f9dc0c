package io.kubeims.cscf.sip.header;

import gov.nist.javax.sip.header.SIPHeader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/** Raw header text in and out of jain-sip messages (jain-sip splits comma lists of known headers into entries). */
final class HeaderText {

    private HeaderText() {
    }

    /** The value of one header entry without the name (jain-sip's own encoding of it, for parsed headers). */
    static String value(Header header) {
        if (header instanceof SIPHeader sip) {
            return sip.getHeaderValue().trim();
        }
        String line = header.toString().trim();
        return line.substring(line.indexOf(':') + 1).trim();
    }

    /** The values of all entries of that name, top first. */
    static List<String> values(Message message, String name) {
        List<String> values = new ArrayList<>();
        for (ListIterator<?> it = message.getHeaders(name); it.hasNext(); ) {
            values.add(value((Header) it.next()));
        }
        return values;
    }

    /** A header parsed by jain-sip from our text. */
    static Header create(HeaderFactory headers, String name, String value, boolean secret) {
        try {
            return headers.createHeader(name, value);
        } catch (ParseException | RuntimeException e) {
            throw new MalformedSipHeaderException(name, "refused by the parser"
                    + (secret ? "" : ": '" + value + "'"), e);
        }
    }

    /** Replaces all entries of that name by these values (none: the header is removed). */
    static void replace(Message message, HeaderFactory headers, String name, List<String> values, boolean secret) {
        List<Header> created = new ArrayList<>();
        for (String value : values) {
            created.add(create(headers, name, value, secret));
        }
        message.removeHeader(name);
        for (Header header : created) {
            append(message, header);
        }
    }

    /**
     * Adds an entry below the others: {@code Message.addHeader} would put Via and Record-Route on top instead
     * (jain-sip), reversing a list written in order.
     */
    static void append(Message message, Header header) {
        try {
            message.addLast(header);
        } catch (SipException e) {
            throw new MalformedSipHeaderException(header.getName(), "cannot be added", e);
        }
    }

    /** Puts one entry on top of the others of that name. */
    static void prepend(Message message, HeaderFactory headers, String name, String value) {
        try {
            message.addFirst(create(headers, name, value, false));
        } catch (SipException e) {
            throw new MalformedSipHeaderException(name, "cannot be added on top", e);
        }
    }
}
