package io.kubeims.cscf.scscf.regevent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an RFC 3680 {@code application/reginfo+xml} document into a {@link Reginfo}, validating it against the
 * RFC 3680 schema (kube-ims' rendering, {@code reginfo.xsd} next to this class) while parsing. DOCTYPE declarations
 * are refused (no entities, no XXE). Elements of other namespaces (extensions such as RFC 5628 GRUUs) are skipped.
 * For the reg event subscribers of kube-ims (P-CSCF) and for tests. Thread-safe.
 */
public final class ReginfoReader {

    private final Schema schema;

    /** Loads the schema once; reuse the reader. */
    public ReginfoReader() {
        this.schema = loadSchema();
    }

    /** The compiled RFC 3680 schema, e.g. to validate documents written elsewhere. */
    public Schema schema() {
        return schema;
    }

    /**
     * @throws InvalidReginfoException if the document is not well-formed, not valid against the schema, or breaks a
     *         rule of the model (e.g. a terminated contact with event "registered")
     */
    public Reginfo read(byte[] document) {
        if (document == null || document.length == 0) {
            throw new InvalidReginfoException("empty reginfo document");
        }
        Document parsed;
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            parsed = builder.parse(new ByteArrayInputStream(document));
        } catch (SAXParseException e) {
            throw new InvalidReginfoException("reginfo invalid at line " + e.getLineNumber() + " column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InvalidReginfoException("reginfo unreadable: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
        return reginfo(parsed.getDocumentElement());
    }

    private DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        // the JDK's own implementation, and a new factory per document (factories are not thread-safe)
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setSchema(schema);
        return factory;
    }

    private static Schema loadSchema() {
        try (InputStream xsd = ReginfoReader.class.getResourceAsStream("reginfo.xsd")) {
            if (xsd == null) {
                throw new IllegalStateException("reginfo.xsd missing from the class path");
            }
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("reginfo.xsd cannot be loaded", e);
        }
    }

    // ---- DOM to model; the schema already guarantees names, order and required attributes ----

    private static Reginfo reginfo(Element root) {
        List<ReginfoRegistration> registrations = new ArrayList<>();
        for (Element registration : children(root, "registration")) {
            registrations.add(registration(registration));
        }
        return new Reginfo(number("reginfo version", root.getAttribute("version")),
                Reginfo.State.fromWireName(root.getAttribute("state")), registrations);
    }

    private static ReginfoRegistration registration(Element e) {
        List<ReginfoContact> contacts = new ArrayList<>();
        for (Element contact : children(e, "contact")) {
            contacts.add(contact(contact));
        }
        return new ReginfoRegistration(e.getAttribute("aor"), e.getAttribute("id"),
                ReginfoRegistration.State.fromWireName(e.getAttribute("state")), contacts);
    }

    private static ReginfoContact contact(Element e) {
        List<ReginfoContact.UnknownParam> params = new ArrayList<>();
        for (Element param : children(e, "unknown-param")) {
            String value = param.getTextContent();
            params.add(new ReginfoContact.UnknownParam(param.getAttribute("name"), value.isEmpty() ? null : value));
        }
        String expires = e.getAttribute("expires");
        String q = e.getAttribute("q");
        return new ReginfoContact(e.getAttribute("id"), ReginfoContact.State.fromWireName(e.getAttribute("state")),
                ContactEvent.fromWireName(e.getAttribute("event")),
                expires.isEmpty() ? null : number("contact expires", expires), q.isEmpty() ? null : q,
                children(e, "uri").get(0).getTextContent().strip(), params);
    }

    /** A schema-valid unbounded integer that must also fit a long. */
    private static long number(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidReginfoException(field + " '" + value + "' is out of range", e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Reginfo.NAMESPACE.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
