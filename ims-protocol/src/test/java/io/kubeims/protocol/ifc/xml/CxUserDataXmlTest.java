package io.kubeims.protocol.ifc.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.CoreNetworkServicesAuthorization;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.IfcEvaluator;
import io.kubeims.protocol.ifc.IfcRequest;
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
import io.kubeims.protocol.ifc.TriggerPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading, canonical writing, schema validity and rejection of bad Cx-User-Data documents. */
class CxUserDataXmlTest {

    private static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";

    private final CxUserDataReader reader = new CxUserDataReader();
    private final CxUserDataWriter writer = new CxUserDataWriter();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CxUserDataXmlTest.class.getResourceAsStream("/ifc/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Validates with javax.xml.validation directly, independently of the reader. */
    private static void assertSchemaValid(byte[] document) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator validator = factory.newSchema(CxUserDataReader.class.getResource("CxUserData.xsd")).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    @Test
    void readsEveryPartOfTheFullFixture() throws Exception {
        ImsSubscription subscription = reader.read(resource("cx-user-data-full.xml"));
        assertEquals("alice@" + DOMAIN, subscription.privateId());
        assertEquals(2, subscription.serviceProfiles().size());

        ServiceProfile first = subscription.serviceProfiles().get(0);
        assertEquals(List.of(
                new PublicIdentity(false, "sip:alice@" + DOMAIN, IdentityType.PUBLIC_USER_IDENTITY, "Alice Émilie", null),
                new PublicIdentity(false, "tel:+15551230001", IdentityType.PUBLIC_USER_IDENTITY, null, null),
                new PublicIdentity(true, "sip:alice.old@" + DOMAIN, IdentityType.PUBLIC_USER_IDENTITY, null, null)),
                first.publicIdentities());
        assertEquals(new CoreNetworkServicesAuthorization(1), first.coreNetworkServicesAuthorization());
        assertEquals(List.of(0, 10, 20, 30, 40),
                first.initialFilterCriteria().stream().map(InitialFilterCriteria::priority).toList());

        InitialFilterCriteria thirdPartyRegister = first.initialFilterCriteria().get(0);
        assertEquals(new TriggerPoint(true, List.of(new ServicePointTrigger(false, List.of(0), new MethodCondition(
                "REGISTER", Set.of(RegistrationType.INITIAL_REGISTRATION, RegistrationType.DE_REGISTRATION))))),
                thirdPartyRegister.triggerPoint());
        assertEquals(new ApplicationServer("sip:tas." + DOMAIN + ";transport=tcp", DefaultHandling.SESSION_CONTINUED,
                "profile=gold&region=<north>", true, true), thirdPartyRegister.applicationServer());
        assertEquals(ProfilePartIndicator.REGISTERED, thirdPartyRegister.profilePartIndicator());

        InitialFilterCriteria smsc = first.initialFilterCriteria().get(1);
        assertEquals(new TriggerPoint(true, List.of(
                new ServicePointTrigger(false, List.of(0), new MethodCondition("MESSAGE")),
                new ServicePointTrigger(false, List.of(1), new SessionCaseCondition(SessionCase.ORIGINATING_REGISTERED)))),
                smsc.triggerPoint());
        assertNull(smsc.profilePartIndicator());

        InitialFilterCriteria video = first.initialFilterCriteria().get(2);
        assertEquals(new TriggerPoint(false, List.of(
                new ServicePointTrigger(false, List.of(1), new MethodCondition("INVITE")),
                new ServicePointTrigger(false, List.of(1), new SessionDescriptionCondition("m", "^video [[:digit:]]+ ")),
                new ServicePointTrigger(true, List.of(1, 2), new RequestUriCondition("^sip:voicemail@")),
                new ServicePointTrigger(false, List.of(2),
                        new SipHeaderCondition("Accept-Contact", "\\+g\\.3gpp\\.icsi-ref=\".*mmtel.*\"")))),
                video.triggerPoint());
        assertEquals(DefaultHandling.SESSION_TERMINATED, video.applicationServer().defaultHandling());

        InitialFilterCriteria voicemail = first.initialFilterCriteria().get(3);
        assertEquals(ProfilePartIndicator.UNREGISTERED, voicemail.profilePartIndicator());
        assertEquals(new ServicePointTrigger(true, List.of(2), new SipHeaderCondition("Privacy", (String) null)),
                voicemail.triggerPoint().spts().get(3));

        InitialFilterCriteria recorder = first.initialFilterCriteria().get(4);
        assertNull(recorder.triggerPoint());
        assertEquals(new ApplicationServer("sip:recorder." + DOMAIN, DefaultHandling.SESSION_CONTINUED),
                recorder.applicationServer());

        ServiceProfile second = subscription.serviceProfiles().get(1);
        assertEquals(new PublicIdentity(false, "sip:chatroom-1@" + DOMAIN, IdentityType.WILDCARDED_PSI, null,
                "sip:chatroom-!.*!@" + DOMAIN), second.publicIdentities().get(0));
        assertNull(second.coreNetworkServicesAuthorization());
        assertEquals(new RequestUriCondition("^tel:\\+1555[[:digit:]]{7}$"),
                second.initialFilterCriteria().get(1).triggerPoint().spts().get(0).condition());
        assertEquals(List.of(SessionCase.ORIGINATING_CDIV, SessionCase.ORIGINATING_UNREGISTERED,
                        SessionCase.TERMINATING_REGISTERED),
                second.initialFilterCriteria().get(1).triggerPoint().spts().stream().skip(1)
                        .map(spt -> ((SessionCaseCondition) spt.condition()).sessionCase()).toList());
    }

    @Test
    void canonicalFixtureIsReproducedByteForByte() throws Exception {
        byte[] fixture = resource("cx-user-data-full.xml");
        byte[] written = writer.writeBytes(reader.read(fixture));
        assertEquals(new String(fixture, StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8));
        assertArrayEquals(fixture, written);
    }

    @Test
    void writeReadWriteIsByteIdenticalAndModelEqual() throws Exception {
        ImsSubscription original = reader.read(resource("cx-user-data-full.xml"));
        byte[] once = writer.writeBytes(original);
        ImsSubscription reread = reader.read(once);
        assertEquals(original, reread);
        assertArrayEquals(once, writer.writeBytes(reread));
    }

    @Test
    void writerOutputIsValidAgainstTheSchema() throws Exception {
        assertSchemaValid(resource("cx-user-data-full.xml"));
        assertSchemaValid(writer.writeBytes(reader.read(resource("cx-user-data-full.xml"))));
        assertSchemaValid(writer.writeBytes(builtInJava()));
    }

    @Test
    void lenientDocumentIsWrittenInTheOneCanonicalForm() throws Exception {
        ImsSubscription lenient = reader.read(resource("cx-user-data-lenient.xml"));
        assertEquals("bob@example.org", lenient.privateId());
        InitialFilterCriteria ifc = lenient.serviceProfiles().get(0).initialFilterCriteria().get(0);
        assertEquals(7, ifc.priority());
        assertEquals(new RequestUriCondition("^sip:<[^>]+>&x"), ifc.triggerPoint().spts().get(0).condition());
        assertFalse(ifc.triggerPoint().spts().get(0).conditionNegated());
        assertEquals(DefaultHandling.SESSION_CONTINUED, ifc.applicationServer().defaultHandling());
        assertEquals(new String(resource("cx-user-data-lenient-canonical.xml"), StandardCharsets.UTF_8),
                writer.write(lenient));
    }

    /** Text with CR, LF, tab, surrounding spaces and markup characters, built without XML. */
    private static ImsSubscription builtInJava() {
        ApplicationServer as = new ApplicationServer("sips:as.example.org", DefaultHandling.SESSION_TERMINATED,
                "  line one\r\nline <two> & \"three\"\t ", false, true);
        TriggerPoint trigger = new TriggerPoint(true, List.of(
                new ServicePointTrigger(true, List.of(3, 1), new SipHeaderCondition("Subject", " ]]> ")),
                new ServicePointTrigger(false, List.of(1),
                        new MethodCondition("REGISTER", Set.of(RegistrationType.RE_REGISTRATION)))));
        return new ImsSubscription("carol@example.org", List.of(new ServiceProfile(
                List.of(new PublicIdentity(false, "tel:+441234", IdentityType.PUBLIC_USER_IDENTITY, " Carol\n", null)),
                new CoreNetworkServicesAuthorization(null),
                List.of(new InitialFilterCriteria(3, trigger, as, ProfilePartIndicator.UNREGISTERED)))));
    }

    @Test
    void textSurvivesExactly() throws Exception {
        ImsSubscription original = builtInJava();
        byte[] once = writer.writeBytes(original);
        ImsSubscription reread = reader.read(once);
        assertEquals(original, reread);
        assertEquals("  line one\r\nline <two> & \"three\"\t ",
                reread.serviceProfiles().get(0).initialFilterCriteria().get(0).applicationServer().serviceInfo());
        assertArrayEquals(once, writer.writeBytes(reread));
        assertTrue(new String(once, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    }

    @Test
    void fixtureDrivesTheEvaluator() throws Exception {
        ServiceProfile profile = reader.read(resource("cx-user-data-full.xml")).serviceProfiles().get(0);
        IfcEvaluator evaluator = IfcEvaluator.of(profile);
        String sdp = "v=0\r\nm=audio 49170 RTP/AVP 0\r\nm=video 51372 RTP/AVP 99\r\n";

        IfcRequest sms = IfcRequest.of("MESSAGE", "sip:bob@" + DOMAIN, SessionCase.ORIGINATING_REGISTERED, true);
        assertEquals(List.of(10, 40), priorities(evaluator.matching(sms)));

        IfcRequest videoCall = new IfcRequest("INVITE", "sip:bob@" + DOMAIN, Map.of(), sdp,
                SessionCase.ORIGINATING_REGISTERED, null, true);
        assertEquals(List.of(20, 40), priorities(evaluator.matching(videoCall)));
        IfcRequest videoToVoicemail = new IfcRequest("INVITE", "sip:voicemail@" + DOMAIN, Map.of(), sdp,
                SessionCase.ORIGINATING_REGISTERED, null, true);
        assertEquals(List.of(40), priorities(evaluator.matching(videoToVoicemail)));

        IfcRequest initialRegister = new IfcRequest("REGISTER", "sip:" + DOMAIN, Map.of(), "",
                SessionCase.ORIGINATING_REGISTERED, RegistrationType.INITIAL_REGISTRATION, true);
        assertEquals(List.of(0, 40), priorities(evaluator.matching(initialRegister)));
        IfcRequest reRegister = new IfcRequest("REGISTER", "sip:" + DOMAIN, Map.of(), "",
                SessionCase.ORIGINATING_REGISTERED, RegistrationType.RE_REGISTRATION, true);
        assertEquals(List.of(40), priorities(evaluator.matching(reRegister)));

        IfcRequest toUnregistered = IfcRequest.of("INVITE", "sip:alice@" + DOMAIN,
                SessionCase.TERMINATING_UNREGISTERED, false);
        assertEquals(List.of(30, 40), priorities(evaluator.matching(toUnregistered)));
        IfcRequest anonymousToUnregistered = new IfcRequest("INVITE", "sip:alice@" + DOMAIN,
                Map.of("Privacy", List.of("id")), "", SessionCase.TERMINATING_UNREGISTERED, null, false);
        assertEquals(List.of(40), priorities(evaluator.matching(anonymousToUnregistered)));
        assertEquals(30, evaluator.nextMatching(toUnregistered, 20).orElseThrow().priority());
        assertEquals(40, evaluator.nextMatching(toUnregistered, 30).orElseThrow().priority());
    }

    private static List<Integer> priorities(List<InitialFilterCriteria> ifcs) {
        return ifcs.stream().map(InitialFilterCriteria::priority).toList();
    }

    // ---- rejection ----

    /** A minimal document whose line 7 holds {@code spt}. */
    private static String withSpt(String spt) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<IMSSubscription>\n"
                + "  <PrivateID>a@example.org</PrivateID>\n"
                + "  <ServiceProfile>\n"
                + "    <PublicIdentity><Identity>sip:a@example.org</Identity></PublicIdentity>\n"
                + "    <InitialFilterCriteria><Priority>1</Priority><TriggerPoint><ConditionTypeCNF>1</ConditionTypeCNF>\n"
                + "      " + spt + "\n"
                + "    </TriggerPoint><ApplicationServer><ServerName>sip:as@example.org</ServerName>"
                + "</ApplicationServer></InitialFilterCriteria>\n"
                + "  </ServiceProfile>\n"
                + "</IMSSubscription>\n";
    }

    /** A minimal document whose line 5 holds {@code profileContent}. */
    private static String withProfile(String profileContent) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<IMSSubscription>\n"
                + "  <PrivateID>a@example.org</PrivateID>\n"
                + "  <ServiceProfile>\n"
                + "    " + profileContent + "\n"
                + "  </ServiceProfile>\n"
                + "</IMSSubscription>\n";
    }

    private static final String AS = "<ApplicationServer><ServerName>sip:as@example.org</ServerName></ApplicationServer>";
    private static final String ID = "<PublicIdentity><Identity>sip:a@example.org</Identity></PublicIdentity>";

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                // not well-formed
                Arguments.of("empty document", "", 1, "malformed XML"),
                Arguments.of("unclosed element", withSpt("<SPT><Group>0</Group><Method>INVITE</Method>"), 8,
                        "malformed XML"),
                Arguments.of("text after the root", withProfile(ID) + "junk", 8, "malformed XML"),
                Arguments.of("external entity (XXE)", "<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE IMSSubscription [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<IMSSubscription><PrivateID>&xxe;</PrivateID></IMSSubscription>\n", 2, "DOCTYPE"),
                Arguments.of("entity expansion bomb", "<?xml version=\"1.0\"?>\n<!DOCTYPE IMSSubscription [\n"
                        + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                        + "<IMSSubscription><PrivateID>&b;</PrivateID></IMSSubscription>\n", 2, "DOCTYPE"),
                // schema violations
                Arguments.of("wrong root element", "<?xml version=\"1.0\"?>\n<Subscription/>\n", 2,
                        "invalid against the Cx-User-Data schema"),
                Arguments.of("namespaced root", "<?xml version=\"1.0\"?>\n<IMSSubscription xmlns=\"urn:other\">"
                        + "<PrivateID>a@b</PrivateID></IMSSubscription>\n", 2, "IMSSubscription"),
                Arguments.of("no service profile", "<?xml version=\"1.0\"?>\n<IMSSubscription>\n"
                        + "<PrivateID>a@b</PrivateID>\n</IMSSubscription>\n", 4, "ServiceProfile"),
                Arguments.of("elements out of order",
                        withProfile("<PublicIdentity><Identity>sip:a@example.org</Identity>"
                                + "<BarringIndication>1</BarringIndication></PublicIdentity>"), 5, "BarringIndication"),
                Arguments.of("unmodelled element", withProfile(ID + "<SharedIFCSetID>3</SharedIFCSetID>"), 5,
                        "SharedIFCSetID"),
                Arguments.of("unknown attribute", withProfile("<PublicIdentity kind=\"x\">"
                        + "<Identity>sip:a@example.org</Identity></PublicIdentity>"), 5, "kind"),
                Arguments.of("identity without scheme", withProfile("<PublicIdentity><Identity>alice@example.org"
                        + "</Identity></PublicIdentity>"), 5, "alice@example.org"),
                Arguments.of("IdentityType out of range", withProfile("<PublicIdentity><Identity>sip:a@example.org"
                        + "</Identity><Extension><IdentityType>7</IdentityType></Extension></PublicIdentity>"), 5, "7"),
                Arguments.of("negative priority", withProfile(ID + "<InitialFilterCriteria><Priority>-1</Priority>"
                        + AS + "</InitialFilterCriteria>"), 5, "-1"),
                Arguments.of("missing application server", withProfile(ID
                        + "<InitialFilterCriteria><Priority>1</Priority></InitialFilterCriteria>"), 5,
                        "ApplicationServer"),
                Arguments.of("DefaultHandling out of range", withProfile(ID + "<InitialFilterCriteria><Priority>1"
                        + "</Priority><ApplicationServer><ServerName>sip:as@x</ServerName><DefaultHandling>2"
                        + "</DefaultHandling></ApplicationServer></InitialFilterCriteria>"), 5, "2"),
                Arguments.of("ProfilePartIndicator out of range", withProfile(ID + "<InitialFilterCriteria>"
                        + "<Priority>1</Priority>" + AS + "<ProfilePartIndicator>2</ProfilePartIndicator>"
                        + "</InitialFilterCriteria>"), 5, "2"),
                Arguments.of("SessionCase out of range", withSpt("<SPT><Group>0</Group><SessionCase>5</SessionCase></SPT>"),
                        7, "schema in <SessionCase>: cvc-enumeration-valid: Value '5'"),
                Arguments.of("two conditions in one SPT", withSpt("<SPT><Group>0</Group><Method>INVITE</Method>"
                        + "<SessionCase>0</SessionCase></SPT>"), 7, "schema in <SPT>: cvc-complex-type.2.4.a: Invalid content was found starting with element"
                        + " 'SessionCase'"),
                Arguments.of("SPT without group", withSpt("<SPT><Method>INVITE</Method></SPT>"), 7, "Method"),
                Arguments.of("SPT without condition", withSpt("<SPT><Group>0</Group></SPT>"), 7, "SPT"),
                Arguments.of("method not a token", withSpt("<SPT><Group>0</Group><Method>IN;VITE</Method></SPT>"), 7,
                        "IN;VITE"),
                Arguments.of("boolean spelled yes", withSpt("<SPT><ConditionNegated>yes</ConditionNegated>"
                        + "<Group>0</Group><Method>INVITE</Method></SPT>"), 7, "yes"),
                Arguments.of("three registration types", withSpt("<SPT><Group>0</Group><Method>REGISTER</Method>"
                        + "<Extension><RegistrationType>0</RegistrationType><RegistrationType>1</RegistrationType>"
                        + "<RegistrationType>2</RegistrationType></Extension></SPT>"), 7, "RegistrationType"),
                // valid XML carrying invalid subscription data: located at the offending element
                Arguments.of("duplicate priorities", withProfile(ID
                        + "<InitialFilterCriteria><Priority>10</Priority>" + AS + "</InitialFilterCriteria>"
                        + "<InitialFilterCriteria><Priority>10</Priority>" + AS + "</InitialFilterCriteria>"), 4,
                        "invalid <ServiceProfile>: two iFCs of the service profile of sip:a@example.org have Priority 10"),
                Arguments.of("invalid regular expression", withSpt("<SPT><Group>0</Group><RequestURI>^sip:[a-"
                        + "</RequestURI></SPT>"), 7, "invalid <RequestURI>: invalid regular expression '^sip:[a-'"),
                Arguments.of("PCRE escape in header content", withSpt("<SPT><Group>0</Group><SIPHeader><Header>To"
                        + "</Header><Content>\\d+</Content></SIPHeader></SPT>"), 7, "invalid <SIPHeader>"),
                Arguments.of("registration type on INVITE", withSpt("<SPT><Group>0</Group><Method>INVITE</Method>"
                        + "<Extension><RegistrationType>0</RegistrationType></Extension></SPT>"), 7,
                        "invalid <Method>: RegistrationType [INITIAL_REGISTRATION] given for Method 'INVITE'"),
                Arguments.of("registration type on a session case SPT", withSpt("<SPT><Group>0</Group>"
                        + "<SessionCase>0</SessionCase><Extension><RegistrationType>1</RegistrationType></Extension>"
                        + "</SPT>"), 7, "invalid <SPT>: RegistrationType is only allowed"),
                Arguments.of("group listed twice", withSpt("<SPT><Group>2</Group><Group>2</Group>"
                        + "<Method>INVITE</Method></SPT>"), 7, "invalid <SPT>: SPT lists Group 2 twice"),
                Arguments.of("wildcarded PSI on a plain IMPU", withProfile("<PublicIdentity><Identity>sip:a@example.org"
                        + "</Identity><Extension><WildcardedPSI>sip:a!.*!@example.org</WildcardedPSI></Extension>"
                        + "</PublicIdentity>"), 5, "invalid <PublicIdentity>: WildcardedPSI"),
                Arguments.of("IMPU in two profiles", "<?xml version=\"1.0\"?>\n<IMSSubscription>\n"
                        + "<PrivateID>a@b</PrivateID>\n<ServiceProfile>" + ID + "</ServiceProfile>\n<ServiceProfile>"
                        + ID + "</ServiceProfile>\n</IMSSubscription>\n", 2,
                        "invalid <IMSSubscription>: PublicIdentity sip:a@example.org appears more than once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void badDocumentIsRejectedWithLocationAndClearMessage(String name, String document, int line, String expected) {
        CxUserDataException e = assertThrows(CxUserDataException.class,
                () -> reader.read(document.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expected), name + ": '" + e.getMessage() + "' lacks '" + expected + "'");
        assertEquals(line, e.lineNumber(), name + ": " + e.getMessage());
        assertTrue(e.columnNumber() > 0, name + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("Cx-User-Data line " + line + ", column "), e.getMessage());
    }

    @Test
    void modelErrorKeepsTheModelExceptionAsCause() {
        CxUserDataException e = assertThrows(CxUserDataException.class, () -> reader.read(
                withSpt("<SPT><Group>0</Group><RequestURI>(</RequestURI></SPT>")));
        assertInstanceOf(InvalidIfcException.class, e.getCause());
    }

    @Test
    void aRememberingReaderGivesWhatAFreshReadGivesAndNeverRemembersAnInvalidDocument() throws Exception {
        CxUserDataReader remembering = CxUserDataReader.remembering(2);
        String full = new String(resource("cx-user-data-full.xml"), StandardCharsets.UTF_8);
        ImsSubscription first = remembering.read(full);
        assertEquals(reader.read(full), first);
        assertSame(first, remembering.read(new String(full.toCharArray())), "an equal document is remembered");
        String other = withProfile(ID);
        String third = withProfile("<PublicIdentity><Identity>sip:b@example.org</Identity></PublicIdentity>");
        assertEquals(reader.read(other), remembering.read(other));
        assertEquals(reader.read(third), remembering.read(third), "full: forgets all and reads again");
        assertEquals(reader.read(full), remembering.read(full));
        String invalid = withSpt("<SPT><Group>0</Group><RequestURI>(</RequestURI></SPT>");
        for (int i = 0; i < 2; i++) {
            assertThrows(CxUserDataException.class, () -> remembering.read(invalid));
        }
        assertThrows(IllegalArgumentException.class, () -> CxUserDataReader.remembering(0));
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] document = withProfile(ID).getBytes(StandardCharsets.UTF_8);
        byte[] broken = document.clone();
        int at = new String(document, StandardCharsets.UTF_8).indexOf("a@example.org");
        broken[at] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        CxUserDataException e = assertThrows(CxUserDataException.class, () -> reader.read(broken));
        assertTrue(e.getMessage().contains("malformed XML") || e.getMessage().contains("unreadable"), e.getMessage());
    }

    @Test
    void aReaderReadsCorrectlyAfterEveryKindOfFailure() throws Exception {
        // the reader keeps its XML parser per thread: a document after a failed one starts from a clean state
        ImsSubscription expected = new CxUserDataReader().read(resource("cx-user-data-full.xml"));
        List<String> failures = List.of("<IMSSubscription><PrivateID>a@b</Private", withProfile("<Unknown/>"),
                withSpt("<SPT><Group>0</Group><RequestURI>(</RequestURI></SPT>"));
        for (String failure : failures) {
            assertThrows(CxUserDataException.class, () -> reader.read(failure));
            assertEquals(expected, reader.read(resource("cx-user-data-full.xml")), failure);
        }
    }

    @Test
    void nullDocumentIsRejected() {
        assertThrows(CxUserDataException.class, () -> reader.read((byte[]) null));
        assertThrows(CxUserDataException.class, () -> reader.read((String) null));
    }
}
