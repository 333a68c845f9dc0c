package io.kubeims.protocol.ifc.xml;

import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.CoreNetworkServicesAuthorization;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.InvalidIfcException;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.RegistrationType;
import io.kubeims.protocol.ifc.RequestUriCondition;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.SessionDescriptionCondition;
import io.kubeims.protocol.ifc.SipHeaderCondition;
import io.kubeims.protocol.ifc.SptCondition;
import io.kubeims.protocol.ifc.TriggerPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a Cx-User-Data document ({@code <IMSSubscription>}, TS 29.228 Annex E) into an {@link ImsSubscription}.
 * The parser refuses DOCTYPE declarations and so any entity (no XXE, no entity expansion), validates the
 * document against kube-ims' schema while parsing, then builds the model, whose own checks (unique
 * priorities, valid regular expressions, ...) are reported at the element that fails them.
 *
 * <p>Absent optional elements with a meaning take it: BarringIndication and ConditionNegated false,
 * IdentityType PUBLIC_USER_IDENTITY, DefaultHandling SESSION_CONTINUED. Thread-safe.
 */
public final class CxUserDataReader {

    private final Schema schema;
    /**
     * One hardened XML reader per thread, reused: a new parser per document also built a new schema validator each
     * time, about a fifth of the S-CSCF's CPU per registration under load (JFR, e2e/bench-registration). A SAX reader
     * may parse again once parse() has returned or thrown; it resets its state (and the validator's) per document.
     */
    private final ThreadLocal<XMLReader> readers = new ThreadLocal<>();

    /** Documents read before and what they gave, or null when this reader does not remember. */
    private final java.util.concurrent.ConcurrentHashMap<String, ImsSubscription> remembered;
    private final int maxRemembered;

    /** Loads the schema once; reuse the reader. */
    public CxUserDataReader() {
        this(0);
    }

    private CxUserDataReader(int maxRemembered) {
        this.schema = CxUserDataSchema.load();
        this.maxRemembered = maxRemembered;
        this.remembered = maxRemembered > 0 ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    /**
     * A reader that remembers what up to {@code maxDocuments} text documents gave: the S-CSCF reads the stored
     * profile of the served user on every request (iFCs, P-Associated-URI), and parsing with schema validation was
     * its largest single CPU cost per call (JFR, e2e/bench-calls). Only valid documents are remembered (an
     * {@link ImsSubscription} is immutable); when full, it forgets everything and starts again, which bounds memory
     * without an LRU's bookkeeping on every hit.
     */
    public static CxUserDataReader remembering(int maxDocuments) {
        if (maxDocuments < 1) {
            throw new IllegalArgumentException("maxDocuments must be at least 1, was " + maxDocuments);
        }
        return new CxUserDataReader(maxDocuments);
    }

    /**
     * @param document the document as bytes; the encoding comes from the XML declaration (UTF-8 if none)
     * @return the subscription
     * @throws CxUserDataException if the document is malformed, invalid against the schema or carries invalid
     *         subscription data
     */
    public ImsSubscription read(byte[] document) throws CxUserDataException {
        if (document == null) {
            throw new CxUserDataException("no document", -1, -1, null);
        }
        return read(new InputSource(new ByteArrayInputStream(document)));
    }

    /**
     * @param document the document as text (an encoding in its XML declaration is ignored)
     * @return the subscription
     * @throws CxUserDataException if the document is malformed, invalid against the schema or carries invalid
     *         subscription data
     */
    public ImsSubscription read(String document) throws CxUserDataException {
        if (document == null) {
            throw new CxUserDataException("no document", -1, -1, null);
        }
        if (remembered == null) {
            return read(new InputSource(new StringReader(document)));
        }
        ImsSubscription known = remembered.get(document);
        if (known != null) {
            return known;
        }
        ImsSubscription read = read(new InputSource(new StringReader(document)));
        if (remembered.size() >= maxRemembered) {
            remembered.clear();
        }
        remembered.put(document, read);
        return read;
    }

    private ImsSubscription read(InputSource source) throws CxUserDataException {
        TreeBuilder builder = new TreeBuilder();
        try {
            XMLReader reader = readers.get();
            if (reader == null) {
                reader = hardenedParser().getXMLReader();
                readers.set(reader);
            }
            reader.setContentHandler(builder);
            reader.setErrorHandler(builder);
            reader.parse(source);
        } catch (SAXParseException e) {
            String kind = builder.validityError
                    ? "invalid against the Cx-User-Data schema" + builder.context() + ": "
                    : "malformed XML: ";
            throw new CxUserDataException(kind + e.getMessage(), e.getLineNumber(), e.getColumnNumber(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        } catch (IOException e) {
            // Only in-memory sources are read; an I/O error here is a decoding failure.
            throw new CxUserDataException("unreadable document: " + e.getMessage(), -1, -1, e);
        }
        try {
            return subscription(builder.root);
        } catch (Located e) {
            throw new CxUserDataException("invalid <" + e.element.name + ">: " + e.getCause().getMessage(),
                    e.element.line, e.element.column, e.getCause());
        }
    }

    private SAXParser hardenedParser() throws ParserConfigurationException, SAXException {
        // A new factory per reader: SAXParserFactory is not guaranteed to be thread-safe. The JDK's own one:
        // newInstance() would search the whole class path for another implementation on every call.
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // The Cx-User-Data document never needs a DTD; refusing DOCTYPE rules out XXE and entity bombs.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setSchema(schema);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser;
    }

    // ---- tree to model; the schema already guarantees element names, order and cardinality ----

    private static ImsSubscription subscription(Element root) {
        return at(root, () -> {
            List<ServiceProfile> profiles = new ArrayList<>();
            for (Element profile : root.children("ServiceProfile")) {
                profiles.add(serviceProfile(profile));
            }
            return new ImsSubscription(root.child("PrivateID").token(), profiles);
        });
    }

    private static ServiceProfile serviceProfile(Element e) {
        return at(e, () -> {
            List<PublicIdentity> identities = new ArrayList<>();
            for (Element identity : e.children("PublicIdentity")) {
                identities.add(publicIdentity(identity));
            }
            Element cnsa = e.child("CoreNetworkServicesAuthorization");
            CoreNetworkServicesAuthorization authorization = cnsa == null ? null : at(cnsa, () -> {
                Element id = cnsa.child("SubscribedMediaProfileId");
                return new CoreNetworkServicesAuthorization(id == null ? null : id.integer());
            });
            List<InitialFilterCriteria> ifcs = new ArrayList<>();
            for (Element ifc : e.children("InitialFilterCriteria")) {
                ifcs.add(initialFilterCriteria(ifc));
            }
            return new ServiceProfile(identities, authorization, ifcs);
        });
    }

    private static PublicIdentity publicIdentity(Element e) {
        return at(e, () -> {
            Element barring = e.child("BarringIndication");
            IdentityType type = IdentityType.PUBLIC_USER_IDENTITY;
            String wildcardedPsi = null;
            String displayName = null;
            Element extension = e.child("Extension");
            if (extension != null) {
                Element typeElement = extension.child("IdentityType");
                if (typeElement != null) {
                    type = at(typeElement, () -> IdentityType.fromCode(typeElement.integer()));
                }
                Element psi = extension.child("WildcardedPSI");
                wildcardedPsi = psi == null ? null : psi.token();
                Element extension2 = extension.child("Extension");
                Element name = extension2 == null ? null : extension2.child("DisplayName");
                displayName = name == null ? null : name.text();
            }
            return new PublicIdentity(barring != null && barring.bool(), e.child("Identity").token(), type,
                    displayName, wildcardedPsi);
        });
    }

    private static InitialFilterCriteria initialFilterCriteria(Element e) {
        return at(e, () -> {
            Element trigger = e.child("TriggerPoint");
            Element part = e.child("ProfilePartIndicator");
            return new InitialFilterCriteria(
                    e.child("Priority").integer(),
                    trigger == null ? null : triggerPoint(trigger),
                    applicationServer(e.child("ApplicationServer")),
                    part == null ? null : at(part, () -> ProfilePartIndicator.fromCode(part.integer())));
        });
    }

    private static TriggerPoint triggerPoint(Element e) {
        return at(e, () -> {
            List<ServicePointTrigger> spts = new ArrayList<>();
            for (Element spt : e.children("SPT")) {
                spts.add(servicePointTrigger(spt));
            }
            return new TriggerPoint(e.child("ConditionTypeCNF").bool(), spts);
        });
    }

    private static ServicePointTrigger servicePointTrigger(Element e) {
        return at(e, () -> {
            Element negated = e.child("ConditionNegated");
            List<Integer> groups = new ArrayList<>();
            for (Element group : e.children("Group")) {
                groups.add(group.integer());
            }
            EnumSet<RegistrationType> registrationTypes = EnumSet.noneOf(RegistrationType.class);
            Element extension = e.child("Extension");
            if (extension != null) {
                for (Element type : extension.children("RegistrationType")) {
                    registrationTypes.add(at(type, () -> RegistrationType.fromCode(type.integer())));
                }
            }
            return new ServicePointTrigger(negated != null && negated.bool(), groups,
                    condition(e, registrationTypes));
        });
    }

    private static SptCondition condition(Element spt, EnumSet<RegistrationType> registrationTypes) {
        for (Element c : spt.children) {
            SptCondition condition = switch (c.name) {
                case "RequestURI" -> at(c, () -> new RequestUriCondition(c.text()));
                case "Method" -> at(c, () -> new MethodCondition(c.token(), registrationTypes));
                case "SIPHeader" -> at(c, () -> {
                    Element content = c.child("Content");
                    return new SipHeaderCondition(c.child("Header").token(), content == null ? null : content.text());
                });
                case "SessionCase" -> at(c, () -> new SessionCaseCondition(SessionCase.fromCode(c.integer())));
                case "SessionDescription" -> at(c, () -> {
                    Element content = c.child("Content");
                    return new SessionDescriptionCondition(c.child("Line").token(),
                            content == null ? null : content.text());
                });
                default -> null;
            };
            if (condition != null) {
                if (!registrationTypes.isEmpty() && !(condition instanceof MethodCondition)) {
                    throw new InvalidIfcException("RegistrationType is only allowed in an SPT on Method REGISTER, not"
                            + " with <" + c.name + ">");
                }
                return condition;
            }
        }
        throw new InvalidIfcException("SPT has no condition");
    }

    private static ApplicationServer applicationServer(Element e) {
        return at(e, () -> {
            Element handling = e.child("DefaultHandling");
            Element info = e.child("ServiceInfo");
            Element extension = e.child("Extension");
            return new ApplicationServer(
                    e.child("ServerName").token(),
                    handling == null
                            ? DefaultHandling.SESSION_CONTINUED
                            : at(handling, () -> DefaultHandling.fromCode(handling.integer())),
                    info == null ? null : info.text(),
                    extension != null && extension.child("IncludeRegisterRequest") != null,
                    extension != null && extension.child("IncludeRegisterResponse") != null);
        });
    }

    /** Runs a model constructor, attaching the innermost element to the first {@link InvalidIfcException}. */
    private static <T> T at(Element element, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidIfcException e) {
            throw new Located(element, e);
        }
    }

    /** An {@link InvalidIfcException} with the element it arose at; internal to the reader. */
    private static final class Located extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Element element;

        Located(Element element, InvalidIfcException cause) {
            super(cause.getMessage(), cause, false, false);
            this.element = element;
        }
    }

    /** A parsed element with its start-tag location. */
    private static final class Element {

        final String name;
        final int line;
        final int column;
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Element(String name, int line, int column) {
            this.name = name;
            this.line = line;
            this.column = column;
        }

        Element child(String childName) {
            for (Element child : children) {
                if (child.name.equals(childName)) {
                    return child;
                }
            }
            return null;
        }

        List<Element> children(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** Character content exactly as written (regular expressions, display names, service info). */
        String text() {
            return text.toString();
        }

        /** Content of an xs:token-based element: the schema collapses its whitespace. */
        String token() {
            return text.toString().strip();
        }

        int integer() {
            try {
                return Integer.parseInt(token());
            } catch (NumberFormatException e) {
                // Unreachable for a schema-valid document; kept so a schema change cannot fail silently.
                throw new InvalidIfcException("<" + name + "> '" + token() + "' is not an integer");
            }
        }

        boolean bool() {
            String value = token();
            return value.equals("1") || value.equals("true");
        }
    }

    /** Builds the element tree while the schema validates; records whether an error is a validity error. */
    private static final class TreeBuilder extends DefaultHandler {

        private final Deque<Element> open = new ArrayDeque<>();
        private Locator locator;
        Element root;
        boolean validityError;

        @Override
        public void setDocumentLocator(Locator documentLocator) {
            this.locator = documentLocator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Element element = new Element(localName, locator == null ? -1 : locator.getLineNumber(),
                    locator == null ? -1 : locator.getColumnNumber());
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().children.add(element);
            }
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text.append(ch, start, length);
            }
        }

        /** @return " in <Name>" for the innermost open element, or "" before the root */
        String context() {
            return open.isEmpty() ? "" : " in <" + open.peek().name + ">";
        }

        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a document invalid.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            validityError = true;
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
