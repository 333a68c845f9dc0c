package io.kubeims.cscf.app;

import io.kubeims.cx.node.CxNode;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cscf.sip.SipNode;

import java.util.Optional;

/**
 * One CSCF role's wiring on top of the role-independent pieces {@link CscfRuntime} starts (store, workers, Cx node,
 * SIP node). One small class per role ({@link PcscfRole}, {@link IcscfRole}, {@link ScscfRole}), chosen by
 * {@link CscfRoles} from {@code kubeims.cscf.role}.
 */
public interface CscfRole {

    /**
     * The role's Cx node, not started; called only when the role has Diameter settings (I-CSCF, S-CSCF). By default
     * a client node that serves no Cx command (the I-CSCF). The S-CSCF's RTR/PPR handler is plugged in here:
     * {@link ScscfRole} overrides this with {@code CxNode.scscf(nodeSettings, handler)}, the handler built from
     * {@code resources} (its registrations in {@code resources.storage()}, work on {@code resources.workers()}).
     */
    default CxNode cxNode(CxNodeSettings nodeSettings, RoleResources resources) {
        return CxNode.client(nodeSettings);
    }

    /**
     * The handlers of the role's SIP traffic on {@code node} (not started yet: handlers may keep it to send).
     *
     * @param cx the started Cx node, when the role has one
     */
    RoleHandlers handlers(SipNode node, Optional<CxNode> cx, RoleResources resources);
}
