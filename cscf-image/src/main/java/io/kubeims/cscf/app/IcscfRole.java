package io.kubeims.cscf.app;

import io.kubeims.cscf.icscf.IcscfRegistration;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import io.kubeims.cx.node.CxNode;

import java.util.Optional;
import javax.sip.message.Request;

/**
 * The I-CSCF: REGISTER -> UAR -> the S-CSCF the HSS names or the pool offers (TS 24.229 5.3.1.2), on a stateful
 * proxy that also relays stray responses. Other methods get 405/501 from the dispatcher until terminating routing
 * (LIR) is written.
 */
final class IcscfRole implements CscfRole {

    @Override
    public RoleHandlers handlers(SipNode node, Optional<CxNode> cx, RoleResources resources) {
        CscfSettings settings = resources.settings();
        StatefulProxy proxy = new StatefulProxy(node, ProxySettings.defaults(), ResponseRewriter.NONE);
        IcscfRegistration registration = new IcscfRegistration(proxy,
                cx.orElseThrow(() -> new IllegalStateException("the I-CSCF needs its Cx node")),
                settings.icscf().orElseThrow(() -> new IllegalStateException("the I-CSCF needs its settings")),
                resources.workers());
        return new RoleHandlers(RequestDispatcher.builder().on(Request.REGISTER, registration).build(), proxy);
    }
}
