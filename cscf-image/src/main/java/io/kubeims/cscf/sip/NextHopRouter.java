package io.kubeims.cscf.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * The jain-sip {@link Router} of every {@link SipNode}: a {@link NextHop} attached to the request (as its application
 * data) wins; anything else is routed by jain-sip's RFC 3261 default (top Route, then Request-URI). jain-sip asks the
 * router for every request it sends, statefully or not (docs/jain-sip-notes.md 3). Instantiated by jain-sip
 * (ROUTER_PATH) with this constructor.
 */
public class NextHopRouter implements Router {

    private final DefaultRouter fallback;

    /** Called by jain-sip. */
    public NextHopRouter(SipStack stack, String outboundProxy) {
        this.fallback = new DefaultRouter(stack, outboundProxy);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (((SIPRequest) request).getApplicationData() instanceof NextHop hop) {
            return hop.toHop();
        }
        return fallback.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return fallback.getOutboundProxy();
    }

    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public ListIterator getNextHops(Request request) {
        return fallback.getNextHops(request);
    }
}
