package io.kubeims.cscf.scscf.regevent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Reginfo} as an RFC 3680 {@code application/reginfo+xml} document in UTF-8, through StAX so that
 * every attribute and text is escaped by the XML writer. Thread-safe.
 */
public final class ReginfoWriter {

    /** The document as UTF-8 bytes. */
    public byte[] write(Reginfo reginfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            // a factory per document: XMLOutputFactory is not specified to be thread-safe
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(Reginfo.NAMESPACE);
            xml.writeStartElement(Reginfo.NAMESPACE, "reginfo");
            xml.writeDefaultNamespace(Reginfo.NAMESPACE);
            xml.writeAttribute("version", Long.toString(reginfo.version()));
            xml.writeAttribute("state", reginfo.state().wireName());
            for (ReginfoRegistration registration : reginfo.registrations()) {
                writeRegistration(xml, registration);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // in-memory output of validated records: only a broken JDK gets here
            throw new IllegalStateException("cannot write reginfo version " + reginfo.version(), e);
        }
        return out.toByteArray();
    }

    /** The document as text (for logs and tests). */
    public String writeString(Reginfo reginfo) {
        return new String(write(reginfo), StandardCharsets.UTF_8);
    }

    private static void writeRegistration(XMLStreamWriter xml, ReginfoRegistration registration)
            throws XMLStreamException {
        xml.writeStartElement(Reginfo.NAMESPACE, "registration");
        xml.writeAttribute("aor", registration.aor());
        xml.writeAttribute("id", registration.id());
        xml.writeAttribute("state", registration.state().wireName());
        for (ReginfoContact contact : registration.contacts()) {
            xml.writeStartElement(Reginfo.NAMESPACE, "contact");
            xml.writeAttribute("id", contact.id());
            xml.writeAttribute("state", contact.state().wireName());
            xml.writeAttribute("event", contact.event().wireName());
            if (contact.expires() != null) {
                xml.writeAttribute("expires", Long.toString(contact.expires()));
            }
            if (contact.q() != null) {
                xml.writeAttribute("q", contact.q());
            }
            xml.writeStartElement(Reginfo.NAMESPACE, "uri");
            xml.writeCharacters(contact.uri());
            xml.writeEndElement();
            for (ReginfoContact.UnknownParam param : contact.unknownParams()) {
                xml.writeStartElement(Reginfo.NAMESPACE, "unknown-param");
                xml.writeAttribute("name", param.name());
                if (param.value() != null) {
                    xml.writeCharacters(param.value());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
