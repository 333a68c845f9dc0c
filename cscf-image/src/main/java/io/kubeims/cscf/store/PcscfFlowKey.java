package io.kubeims.cscf.store;

/**
 * Identifies one UE registration at the P-CSCF: the contact the UE registered and the flow its REGISTER came over
 * (TS 24.229 5.2; RFC 5626), so two UEs behind one NAT, or two flows of one UE, stay apart.
 *
 * @param contactUri   the registered Contact URI
 * @param receivedFrom the transport, source address and port of the REGISTER
 */
public record PcscfFlowKey(String contactUri, TransportFlow receivedFrom) {

    /** @throws InvalidCscfStateException if a part is missing or the URI contains '|' */
    public PcscfFlowKey {
        StateFields.requireText("contactUri", contactUri);
        if (contactUri.contains("|")) {
            throw new InvalidCscfStateException("contactUri '" + contactUri + "' contains '|'");
        }
        StateFields.requirePresent("receivedFrom", receivedFrom);
    }

    /** The cache key: {@code TRANSPORT|address|port|contactUri}. */
    String cacheKey() {
        return receivedFrom.keyText() + "|" + contactUri;
    }
}
