package io.kubeims.cscf.scscf.thirdparty;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The body of a third-party REGISTER (TS 24.229 5.4.1.7 and 5.4.1.7A): the incoming REGISTER and/or its 200 (OK) as
 * {@code message/sip} when the AS's IncludeRegisterRequest / IncludeRegisterResponse are set, and the iFC's
 * ServiceInfo as {@code application/3gpp-ims+xml} ({@code <ims-3gpp version="1"><service-info>}, TS 24.229 7.6);
 * one part alone is the body, several go into {@code multipart/mixed} (RFC 2046 5.1).
 *
 * @param contentType the Content-Type value, e.g. {@code multipart/mixed;boundary=...}
 * @param content     the bytes
 */
public record ThirdPartyRegisterBody(String contentType, byte[] content) {

    /** One body part. */
    record Part(String contentType, byte[] content) {
    }

    public ThirdPartyRegisterBody {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** A part carrying a SIP message as received or sent (RFC 3261 27.5 message/sip). */
    static Part sipMessage(String encodedMessage) {
        return new Part("message/sip", encodedMessage.getBytes(StandardCharsets.UTF_8));
    }

    /** The 3GPP IMS XML body with the service information of the iFC's application server (TS 24.229 7.6). */
    static Part serviceInfo(String serviceInfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("ims-3gpp");
            xml.writeAttribute("version", "1");
            xml.writeStartElement("service-info");
            xml.writeCharacters(serviceInfo);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the 3GPP IMS XML body", e);
        }
        return new Part("application/3gpp-ims+xml", out.toByteArray());
    }

    /** The body of these parts; null when there is none. */
    static ThirdPartyRegisterBody of(List<Part> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return new ThirdPartyRegisterBody(parts.get(0).contentType(), parts.get(0).content());
        }
        // RFC 2046 5.1.1: a boundary that cannot occur in the parts (random, and checked)
        String boundary;
        do {
            boundary = "kubeims-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        } while (occursIn(boundary, parts));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            write(out, "--" + boundary + "\r\nContent-Type: " + part.contentType() + "\r\n\r\n");
            out.writeBytes(part.content());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return new ThirdPartyRegisterBody("multipart/mixed;boundary=" + boundary, out.toByteArray());
    }

    private static boolean occursIn(String boundary, List<Part> parts) {
        List<String> texts = new ArrayList<>();
        for (Part part : parts) {
            texts.add(new String(part.content(), StandardCharsets.UTF_8));
        }
        return texts.stream().anyMatch(text -> text.contains(boundary));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
