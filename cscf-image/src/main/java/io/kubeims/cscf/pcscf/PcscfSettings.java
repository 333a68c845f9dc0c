package io.kubeims.cscf.pcscf;

import java.text.ParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * What the P-CSCF's registration handling needs besides its SIP node, proxy and flow store (TS 24.229 5.2.2).
 *
 * @param homeDomain       the home network domain, e.g. {@code ims.example.com}: realm and digest-uri of the
 *                         Authorization the P-CSCF inserts into a REGISTER without one
 * @param icscfUri         the next hop of every REGISTER: the I-CSCF (pool) of the home network as a SIP URI,
 *                         e.g. {@code sip:icscf.ims.example.com:5070;lr}, or {@code host[:port][;transport=tcp]};
 *                         kept normalised as a loose-routing SIP URI ({@code lr} added), pushed as a Route
 * @param pathUri          this P-CSCF's own URI for Path (RFC 3327): the pool name every replica answers to, not a
 *                         pod address, e.g. {@code sip:pcscf.ims.example.com:5060;lr}; without user part (the flow
 *                         token goes there); normalised with {@code lr}
 * @param visitedNetworkId the P-Visited-Network-ID value (RFC 7315 4.3): a token or text without double quotes
 * @param origIoi          the {@code orig-ioi} of the P-Charging-Vector the P-CSCF inserts (RFC 7315 4.6): the
 *                         identifier of this P-CSCF's network
 * @param flowTokenKey     the HMAC key protecting flow tokens in Path (RFC 5626 5.2), at least 16 bytes, the same in
 *                         every replica; copied in and out, never printed
 */
public record PcscfSettings(String homeDomain, String icscfUri, String pathUri, String visitedNetworkId,
        String origIoi, byte[] flowTokenKey) {

    /** Shortest accepted flow token key: 128 bits. */
    public static final int MIN_KEY_BYTES = 16;

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+(;transport=(udp|tcp))?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Validates, normalises and copies.
     *
     * @throws InvalidPcscfSettingsException naming the refused setting
     */
    public PcscfSettings {
        homeDomain = required("homeDomain", homeDomain);
        if (!DOMAIN.matcher(homeDomain).matches()) {
            throw new InvalidPcscfSettingsException("homeDomain", "'" + homeDomain + "' is not a domain name");
        }
        icscfUri = looseRoute("icscfUri", required("icscfUri", icscfUri), false);
        pathUri = looseRoute("pathUri", required("pathUri", pathUri), true);
        visitedNetworkId = required("visitedNetworkId", visitedNetworkId);
        if (visitedNetworkId.indexOf('"') >= 0 || visitedNetworkId.indexOf('\\') >= 0) {
            throw new InvalidPcscfSettingsException("visitedNetworkId", "must not contain '\"' or '\\'");
        }
        origIoi = required("origIoi", origIoi);
        if (origIoi.indexOf('"') >= 0 || origIoi.indexOf('\\') >= 0 || origIoi.indexOf(';') >= 0) {
            throw new InvalidPcscfSettingsException("origIoi", "must not contain '\"', '\\' or ';'");
        }
        if (flowTokenKey == null || flowTokenKey.length < MIN_KEY_BYTES) {
            throw new InvalidPcscfSettingsException("flowTokenKey", "at least " + MIN_KEY_BYTES
                    + " bytes are required, got " + (flowTokenKey == null ? "none" : flowTokenKey.length));
        }
        flowTokenKey = flowTokenKey.clone();
    }

    /** Settings whose {@code orig-ioi} is the visited network identifier. */
    public static PcscfSettings of(String homeDomain, String icscfUri, String pathUri, String visitedNetworkId,
            byte[] flowTokenKey) {
        return new PcscfSettings(homeDomain, icscfUri, pathUri, visitedNetworkId, visitedNetworkId, flowTokenKey);
    }

    /** A copy of the key. */
    @Override
    public byte[] flowTokenKey() {
        return flowTokenKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PcscfSettings that && homeDomain.equals(that.homeDomain)
                && icscfUri.equals(that.icscfUri) && pathUri.equals(that.pathUri)
                && visitedNetworkId.equals(that.visitedNetworkId) && origIoi.equals(that.origIoi)
                && Arrays.equals(flowTokenKey, that.flowTokenKey);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(homeDomain, icscfUri, pathUri, visitedNetworkId, origIoi)
                * 31 + Arrays.hashCode(flowTokenKey);
    }

    /** Without the key. */
    @Override
    public String toString() {
        return "PcscfSettings[homeDomain=" + homeDomain + ", icscfUri=" + icscfUri + ", pathUri=" + pathUri
                + ", visitedNetworkId=" + visitedNetworkId + ", origIoi=" + origIoi + ", flowTokenKey=(redacted)]";
    }

    private static String required(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidPcscfSettingsException(setting, "is required");
        }
        return value.strip();
    }

    /** A {@code sip:} URI with {@code lr}, from a SIP URI or {@code host[:port][;transport=...]}. */
    private static String looseRoute(String setting, String text, boolean withoutUser) {
        String candidate = text;
        if (!candidate.regionMatches(true, 0, "sip:", 0, 4) && !candidate.regionMatches(true, 0, "sips:", 0, 5)) {
            if (!HOST_PORT.matcher(candidate).matches()) {
                throw new InvalidPcscfSettingsException(setting, "'" + text
                        + "' is neither a SIP URI nor host[:port][;transport=udp|tcp]");
            }
            candidate = "sip:" + candidate;
        }
        URI uri;
        try {
            uri = SipFactory.getInstance().createAddressFactory().createURI(candidate);
        } catch (ParseException | PeerUnavailableException e) {
            throw new InvalidPcscfSettingsException(setting, "'" + text + "' is not a SIP URI: " + e.getMessage());
        }
        if (!(uri instanceof SipURI sip) || sip.isSecure()) {
            throw new InvalidPcscfSettingsException(setting, "'" + text + "' is not a sip: URI (no TLS here)");
        }
        String transport = sip.getTransportParam();
        if (transport != null && !transport.equalsIgnoreCase("udp") && !transport.equalsIgnoreCase("tcp")) {
            throw new InvalidPcscfSettingsException(setting, "transport '" + transport + "' is not served (udp, tcp)");
        }
        if (withoutUser && sip.getUser() != null) {
            throw new InvalidPcscfSettingsException(setting, "'" + text
                    + "' has a user part: the P-CSCF writes its flow token there");
        }
        if (sip.getPort() > 65535) {
            throw new InvalidPcscfSettingsException(setting, "port of '" + text + "' is out of range");
        }
        sip.setLrParam();
        return sip.toString();
    }
}
