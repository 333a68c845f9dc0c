package io.kubeims.cscf.sip;

import javax.sip.message.Response;

/**
 * Receives the outcome of a request sent in a client transaction ({@link SipNode#send}): any provisional responses,
 * then exactly one of {@link #finalResponse} or {@link #failed}. Called on a jain-sip or timer thread; exceptions are
 * caught and logged with the Call-ID.
 */
public interface ResponseCallback {

    /** A 1xx response (including 100 Trying). */
    default void provisional(Response response) throws Exception {
    }

    /** The first final (2xx-6xx) response. */
    void finalResponse(Response response) throws Exception;

    /** No final response: see {@link ClientFailure}. */
    void failed(ClientFailure failure) throws Exception;
}
