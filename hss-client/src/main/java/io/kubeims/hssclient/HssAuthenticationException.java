package io.kubeims.hssclient;

/** The HSS answered 401 or 403: the bearer token is missing, wrong, or not allowed to do this. */
public class HssAuthenticationException extends HssRejectedException {

    private static final long serialVersionUID = 1L;

    HssAuthenticationException(String operation, int status, String hssMessage) {
        super(operation, status, hssMessage, null);
    }
}
