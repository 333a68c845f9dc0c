package io.kubeims.cscf.sip.proxy;

import io.kubeims.cscf.sip.InboundRequest;
import java.util.Optional;
import javax.sip.message.Response;

/**
 * Edits a response before a proxy relays it upstream (our Via is already removed): e.g. the P-CSCF strips
 * {@code ck}/{@code ik} from a 401 (TS 24.229 5.2.2.1) and remembers Service-Route from a 200 to REGISTER.
 * Called on a jain-sip thread; an exception makes the proxy log it and send 500 upstream instead of a final response.
 */
@FunctionalInterface
public interface ResponseRewriter {

    /** Relays responses unchanged. */
    ResponseRewriter NONE = (response, request) -> { };

    /**
     * @param response the response to relay, modifiable
     * @param request  the request it answers when the proxy is stateful; empty for responses relayed statelessly
     */
    void rewrite(Response response, Optional<InboundRequest> request) throws Exception;

    /**
     * Sees (and may edit) a final response a stateful proxy generates itself for a request it could not forward or
     * that got no final response in time (the unreachable/timeout status of {@link ProxySettings}, or 500 when
     * {@link #rewrite} failed), just before it is sent upstream; e.g. for a role's outcome log and metrics. Default:
     * nothing. An exception is logged and the response sent anyway.
     *
     * @param response the generated response, modifiable
     * @param request  the request it answers
     */
    default void generated(Response response, InboundRequest request) throws Exception {
    }
}
