package io.kubeims.operator.hss;

/** The operator has no HSS address or token for a core: {@code kubeims.operator.hss.url}/{@code token-file}. */
public class HssNotConfiguredException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public HssNotConfiguredException(String message) {
        super(message);
    }
}
