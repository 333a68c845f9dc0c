package io.kubeims.cx.node;

/**
 * A connected peer: in state OKAY with the Cx application in common (RFC 6733 section 5.6, CER/CEA done).
 *
 * @param host  its Diameter identity (the Origin-Host of its CER/CEA)
 * @param realm its realm
 */
public record CxPeer(String host, String realm) {
}
