package io.kubeims.cscf.app;

import io.kubeims.cscf.icscf.IcscfRegistration;
import io.kubeims.cscf.icscf.IcscfSessionRouting;
import io.kubeims.cscf.icscf.IcscfSettings;
import io.kubeims.cscf.icscf.LocationRouting;
import io.kubeims.cscf.icscf.RegistrationRouting;
import io.kubeims.cscf.icscf.ScscfSelector;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cx.node.CxNode;

import java.util.Optional;
import javax.sip.message.Request;

/**
 * The I-CSCF: REGISTER -> UAR -> the S-CSCF the HSS names or the pool offers (TS 24.229 5.3.1.2); other initial
 * requests -> LIR -> the S-CSCF serving the callee (TS 24.229 5.3.2, {@link IcscfSessionRouting}); on one stateful
 * proxy that also relays stray responses.
 */
final class IcscfRole implements CscfRole {

    @Override
    public RoleHandlers handlers(SipNode node, Optional<CxNode> cx, RoleResources resources) {
        CscfSettings settings = resources.settings();
        StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults(), ResponseRewriter.NONE);
        CxNode cxNode = cx.orElseThrow(() -> new IllegalStateException("the I-CSCF needs its Cx node"));
        IcscfSettings icscf = settings.icscf()
                .orElseThrow(() -> new IllegalStateException("the I-CSCF needs its settings"));
        // one selector: first registrations and unregistered-service requests take turns over the same pool
        ScscfSelector selector = new ScscfSelector(icscf.scscfPool());
        IcscfRegistration registration = new IcscfRegistration(proxy, cxNode, icscf,
                new RegistrationRouting(selector, icscf), resources.workers());
        IcscfSessionRouting sessions = new IcscfSessionRouting(proxy, cxNode, new LocationRouting(selector, icscf),
                resources.workers(), resources.meters());
        return new RoleHandlers(RequestDispatcher.builder().on(Request.REGISTER, registration).otherwise(sessions)
                .build(), proxy);
    }
}
