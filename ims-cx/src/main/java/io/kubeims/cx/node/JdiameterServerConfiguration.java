package io.kubeims.cx.node;

import io.kubeims.protocol.cx.CxApplication;
import java.util.StringJoiner;

/**
 * The jdiameter server-flavour XML configuration of a node (validated by jdiameter against
 * META-INF/jdiameter-server.xsd, whose element order is strict: docs/jdiameter-notes.md sections 2 and 8).
 */
final class JdiameterServerConfiguration {

    /** The XSD needs at least one Peer and a Realm naming one: an HSS lists this never-connected placeholder. */
    static final String PLACEHOLDER_PEER = "placeholder.invalid";

    private JdiameterServerConfiguration() {
    }

    static String xml(CxNodeSettings settings) {
        String application = "<ApplicationID><VendorId value=\"" + CxApplication.VENDOR_ID_3GPP
                + "\"/><AuthApplId value=\"" + CxApplication.CX_DX_APPLICATION_ID
                + "\"/><AcctApplId value=\"0\"/></ApplicationID>";
        StringBuilder peers = new StringBuilder();
        StringJoiner realmPeers = new StringJoiner(",");
        if (settings.hssPeers().isEmpty()) {
            peers.append("<Peer name=\"aaa://").append(PLACEHOLDER_PEER).append(':')
                    .append(CxNodeSettings.DIAMETER_PORT).append("\" attempt_connect=\"false\" rating=\"1\"/>");
            realmPeers.add(PLACEHOLDER_PEER);
        }
        for (CxPeerAddress peer : settings.hssPeers()) {
            // ip is the connect address, so the host name need not resolve
            peers.append("<Peer name=\"aaa://").append(attribute(peer.host())).append(':').append(peer.port())
                    .append("\" ip=\"").append(attribute(peer.address()))
                    .append("\" attempt_connect=\"true\" rating=\"1\"/>");
            realmPeers.add(peer.host());
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Configuration xmlns=\"http://www.jdiameter.org/jdiameter-server\">\n"
                + " <LocalPeer>\n"
                + "  <URI value=\"aaa://" + attribute(settings.originHost()) + ":" + settings.port() + "\"/>\n"
                + "  <IPAddresses><IPAddress value=\"" + attribute(settings.bindAddress()) + "\"/></IPAddresses>\n"
                + "  <Realm value=\"" + attribute(settings.realm()) + "\"/>\n"
                + "  <VendorID value=\"0\"/>\n"
                + "  <ProductName value=\"" + attribute(settings.productName()) + "\"/>\n"
                + "  <FirmwareRevision value=\"1\"/>\n"
                + "  <Applications>" + application + "</Applications>\n"
                + " </LocalPeer>\n"
                + " <Parameters>\n"
                + "  <AcceptUndefinedPeer value=\"" + settings.acceptUndefinedPeers() + "\"/>\n"
                + "  <DuplicateProtection value=\"false\"/>\n"
                + "  <DuplicateTimer value=\"240000\"/>\n"
                + "  <UseUriAsFqdn value=\"false\"/>\n"
                + "  <QueueSize value=\"10000\"/>\n"
                + "  <MessageTimeOut value=\"" + settings.requestTimeout().toMillis() + "\"/>\n"
                + "  <StopTimeOut value=\"" + settings.stopTimeout().toMillis() + "\"/>\n"
                + "  <CeaTimeOut value=\"5000\"/>\n"
                + "  <IacTimeOut value=\"" + settings.watchdogInterval().toMillis() + "\"/>\n"
                + "  <DwaTimeOut value=\"10000\"/>\n"
                + "  <DpaTimeOut value=\"" + settings.stopTimeout().toMillis() + "\"/>\n"
                + "  <RecTimeOut value=\"" + settings.reconnectInterval().toMillis() + "\"/>\n"
                + "  <PeerFSMThreadCount value=\"" + settings.peerThreads() + "\"/>\n"
                + " </Parameters>\n"
                + " <Network>\n"
                + "  <Peers>" + peers + "</Peers>\n"
                + "  <Realms><Realm name=\"" + attribute(settings.realm()) + "\" peers=\""
                + attribute(realmPeers.toString()) + "\" local_action=\"LOCAL\" dynamic=\"false\" exp_time=\"1\">"
                + application + "</Realm></Realms>\n"
                + " </Network>\n"
                + " <Extensions/>\n"
                + "</Configuration>\n";
    }

    /** Escapes an XML attribute value (the settings are validated; this keeps odd product names harmless). */
    static String attribute(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
