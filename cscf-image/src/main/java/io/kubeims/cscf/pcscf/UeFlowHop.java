package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.InvalidNextHopException;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.store.TransportFlow;
import java.util.Locale;
import java.util.Optional;

/**
 * The next hop that reaches a UE over the flow it registered on (RFC 5626 5.3, TS 24.229 5.2.6.4): UDP to the flow's
 * source address and port (the NAT binding the UE keeps open), TCP to the same address and port, which jain-sip maps to
 * the connection the UE opened (its connection cache is keyed by remote address and port), so no new connection is
 * made towards a UE behind NAT on the replica that holds it.
 */
final class UeFlowHop {

    private UeFlowHop() {
    }

    /** The hop, or empty for a transport this P-CSCF does not serve (TLS, SCTP, WS). */
    static Optional<NextHop> of(TransportFlow flow) {
        try {
            return Optional.of(new NextHop(flow.address(), flow.port(), flow.transport().toLowerCase(Locale.ROOT)));
        } catch (InvalidNextHopException e) {
            return Optional.empty();
        }
    }
}
