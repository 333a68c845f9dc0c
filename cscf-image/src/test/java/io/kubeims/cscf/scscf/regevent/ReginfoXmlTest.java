package io.kubeims.cscf.scscf.regevent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;

/** The reginfo XML (RFC 3680 section 5) written by {@link ReginfoWriter} and read by {@link ReginfoReader}. */
class ReginfoXmlTest {

    /** The example notification body of RFC 3680 section 6. */
    private static final String RFC3680_EXAMPLE = """
            <?xml version="1.0"?>
            <reginfo xmlns="urn:ietf:params:xml:ns:reginfo"
                         version="0" state="full">
              <registration aor="sip:user@example.com" id="as9"
                            state="active">
                <contact id="76" state="active" event="registered"
                         duration-registered="7322"
                         q="0.8">
                         <uri>sip:user@pc887.example.com</uri>
                </contact>
                <contact id="77" state="terminated" event="expired"
                         duration-registered="3600"
                         q="0.5">
                         <uri>sip:user@university.edu</uri>
                </contact>
              </registration>
            </reginfo>
            """;

    private final ReginfoReader reader = new ReginfoReader();
    private final ReginfoWriter writer = new ReginfoWriter();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRfc3680Example() {
        Reginfo reginfo = reader.read(utf8(RFC3680_EXAMPLE));
        assertEquals(0, reginfo.version());
        assertEquals(Reginfo.State.FULL, reginfo.state());
        ReginfoRegistration registration = reginfo.registration("sip:user@example.com").orElseThrow();
        assertEquals("as9", registration.id());
        assertEquals(ReginfoRegistration.State.ACTIVE, registration.state());
        assertEquals(2, registration.contacts().size());
        ReginfoContact first = registration.contacts().get(0);
        assertEquals("76", first.id());
        assertEquals(ReginfoContact.State.ACTIVE, first.state());
        assertEquals(ContactEvent.REGISTERED, first.event());
        assertEquals("0.8", first.q());
        assertEquals("sip:user@pc887.example.com", first.uri());
        ReginfoContact second = registration.contacts().get(1);
        assertEquals(ReginfoContact.State.TERMINATED, second.state());
        assertEquals(ContactEvent.EXPIRED, second.event());
        assertEquals("sip:user@university.edu", second.uri());
    }

    @Test
    void writesWhatItReadsAndTheSchemaAccepts() throws Exception {
        Reginfo reginfo = new Reginfo(7, Reginfo.State.FULL, List.of(
                new ReginfoRegistration("sip:alice@ims.example.com", "r1", ReginfoRegistration.State.ACTIVE, List.of(
                        new ReginfoContact("c1", ReginfoContact.State.ACTIVE, ContactEvent.REFRESHED, 3600L, null,
                                "sip:alice@192.0.2.1:5060", List.of(
                                new ReginfoContact.UnknownParam("+sip.instance",
                                        "<urn:gsma:imei:35209900-176148-1>"),
                                new ReginfoContact.UnknownParam("reg-id", "1"),
                                new ReginfoContact.UnknownParam("+g.3gpp.smsip", null))),
                        new ReginfoContact("c2", ReginfoContact.State.TERMINATED, ContactEvent.UNREGISTERED, 0L, "0.5",
                                "sip:alice@192.0.2.2", List.of()))),
                new ReginfoRegistration("tel:+15551234", "r2", ReginfoRegistration.State.INIT, List.of())));
        byte[] document = writer.write(reginfo);
        // validated against the schema on its own, not only through our reader
        reader.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
        assertEquals(reginfo, reader.read(document));
        String text = new String(document, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), text);
        assertTrue(text.contains("<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"7\" state=\"full\">"),
                text);
    }

    @Test
    void escapesMarkupInValues() {
        String aor = "sip:a&b@ims.example.com";
        Reginfo reginfo = new Reginfo(0, Reginfo.State.FULL, List.of(new ReginfoRegistration(aor, "id\"<>",
                ReginfoRegistration.State.ACTIVE, List.of(new ReginfoContact("c", ReginfoContact.State.ACTIVE,
                        ContactEvent.REGISTERED, 10L, null, "sip:x@h;p=<&>", List.of(
                        new ReginfoContact.UnknownParam("+sip.instance", "\"<urn:uuid:1&2>\"")))))));
        String text = writer.writeString(reginfo);
        assertFalse(text.contains("a&b"), text);
        assertTrue(text.contains("sip:a&amp;b@ims.example.com"), text);
        assertTrue(text.contains("&lt;urn:uuid:1&amp;2&gt;"), text);
        assertEquals(reginfo, reader.read(utf8(text)));
    }

    @Test
    void skipsExtensionsOfOtherNamespaces() {
        // RFC 5628 GRUU elements ride in their own namespace inside <contact>
        String document = """
                <?xml version="1.0"?>
                <reginfo xmlns="urn:ietf:params:xml:ns:reginfo" xmlns:gr="urn:ietf:params:xml:ns:gruuinfo"
                    version="3" state="partial">
                  <registration aor="sip:user@example.com" id="a" state="active">
                    <contact id="1" state="active" event="created" expires="30">
                      <uri>sip:user@192.0.2.1</uri>
                      <unknown-param name="audio"/>
                      <gr:pub-gruu uri="sip:user@example.com;gr=urn:uuid:1"/>
                    </contact>
                  </registration>
                </reginfo>
                """;
        Reginfo reginfo = reader.read(utf8(document));
        ReginfoContact contact = reginfo.registrations().get(0).contacts().get(0);
        assertEquals(Reginfo.State.PARTIAL, reginfo.state());
        assertEquals(ContactEvent.CREATED, contact.event());
        assertEquals(30L, contact.expires());
        assertEquals(List.of(new ReginfoContact.UnknownParam("audio", null)), contact.unknownParams());
        assertEquals("", contact.param("audio").orElseThrow());
    }

    @Test
    void refusesDocumentsTheSchemaRefuses() {
        InvalidReginfoException noVersion = assertThrows(InvalidReginfoException.class, () -> reader.read(utf8(
                "<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" state=\"full\"/>")));
        assertTrue(noVersion.getMessage().contains("version"), noVersion.getMessage());
        InvalidReginfoException badEvent = assertThrows(InvalidReginfoException.class, () -> reader.read(utf8("""
                <reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="1" state="full">
                  <registration aor="sip:a@b" id="x" state="active">
                    <contact id="1" state="active" event="renewed"><uri>sip:a@c</uri></contact>
                  </registration>
                </reginfo>""")));
        assertTrue(badEvent.getMessage().contains("renewed"), badEvent.getMessage());
        assertThrows(InvalidReginfoException.class, () -> reader.read(utf8(
                "<reginfo xmlns=\"urn:example:other\" version=\"1\" state=\"full\"/>")));
        assertThrows(InvalidReginfoException.class, () -> reader.read(utf8("<reginfo")));
        assertThrows(InvalidReginfoException.class, () -> reader.read(new byte[0]));
    }

    @Test
    void refusesDoctypeSoNoEntityIsExpanded() {
        String withEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE reginfo [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="0" state="full">
                  <registration aor="sip:a@b" id="&x;" state="init"/>
                </reginfo>""";
        InvalidReginfoException e = assertThrows(InvalidReginfoException.class, () -> reader.read(utf8(withEntity)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void modelRulesOfRfc3680() {
        // RFC 3680 5.3: "expired" .. "rejected" lead to terminated; "registered" .. "shortened" to active
        InvalidReginfoException mismatch = assertThrows(InvalidReginfoException.class, () -> new ReginfoContact("1",
                ReginfoContact.State.TERMINATED, ContactEvent.REGISTERED, null, null, "sip:a@b", List.of()));
        assertTrue(mismatch.getMessage().contains("registered"), mismatch.getMessage());
        assertThrows(InvalidReginfoException.class, () -> new ReginfoContact("1", ReginfoContact.State.ACTIVE,
                ContactEvent.DEACTIVATED, null, null, "sip:a@b", List.of()));
        assertThrows(InvalidReginfoException.class, () -> new Reginfo(-1, Reginfo.State.FULL, List.of()));
        assertThrows(InvalidReginfoException.class, () -> new ReginfoRegistration("sip:a@b", "r",
                ReginfoRegistration.State.ACTIVE, List.of(
                new ReginfoContact("same", ReginfoContact.State.ACTIVE, ContactEvent.CREATED, 1L, null, "sip:a@c",
                        null),
                new ReginfoContact("same", ReginfoContact.State.ACTIVE, ContactEvent.CREATED, 1L, null, "sip:a@d",
                        null))));
        InvalidReginfoException twice = assertThrows(InvalidReginfoException.class, () -> new Reginfo(0,
                Reginfo.State.FULL, List.of(
                new ReginfoRegistration("sip:a@b", "1", ReginfoRegistration.State.INIT, null),
                new ReginfoRegistration("sip:a@b", "2", ReginfoRegistration.State.INIT, null))));
        assertTrue(twice.getMessage().contains("sip:a@b"), twice.getMessage());
        assertEquals(9, ContactEvent.values().length, "RFC 3680 5.3 lists nine events");
        assertEquals(ContactEvent.PROBATION, ContactEvent.fromWireName("probation"));
        assertNull(new ReginfoContact("1", ReginfoContact.State.ACTIVE, ContactEvent.CREATED, null, null, "sip:a@b",
                null).expires());
    }

    @Test
    void dialogIdsRoundTripAndRefuseSeparators() {
        RegEventDialog dialog = new RegEventDialog("a84b4c76e66710@pc33.example.com", "1928301774", "8f2a");
        assertEquals("a84b4c76e66710@pc33.example.com|1928301774|8f2a", dialog.id());
        assertEquals(dialog, RegEventDialog.parse(dialog.id()));
        assertThrows(InvalidReginfoException.class, () -> new RegEventDialog("a|b", "1", "2"));
        assertThrows(InvalidReginfoException.class, () -> RegEventDialog.parse("only|two"));
    }
}
