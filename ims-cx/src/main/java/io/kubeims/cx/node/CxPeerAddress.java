package io.kubeims.cx.node;

/**
 * A Diameter peer a node connects to (for a CSCF: an HSS).
 *
 * @param host    its Diameter identity (Origin-Host of its CEA); need not resolve in DNS
 * @param address the IP address to connect to
 * @param port    its Diameter port
 */
public record CxPeerAddress(String host, String address, int port) {

    public CxPeerAddress {
        CxNodeSettings.requireDiameterIdentity(host, "peer host");
        CxNodeSettings.requireIpLiteral(address, "peer address");
        CxNodeSettings.requirePort(port, "peer port");
    }
}
