package io.kubeims.protocol.ifc.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Loads kube-ims' XSD of the Cx-User-Data document (TS 29.228 Annex E structure) from the classpath. */
final class CxUserDataSchema {

    static final String RESOURCE = "CxUserData.xsd";

    private CxUserDataSchema() {
    }

    /** @return the compiled schema; a {@link Schema} is immutable and thread-safe */
    static Schema load() {
        URL url = CxUserDataSchema.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("schema resource " + RESOURCE + " missing from the classpath");
        }
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The schema is self-contained: it may not pull anything from elsewhere.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, url.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("schema resource " + RESOURCE + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + RESOURCE, e);
        }
    }
}
