package io.kubeims.config;

/**
 * The {@code kubeims.hss.*} keys this module writes, as the HSS reads them ({@code io.kubeims.hss.app.HssSettings}
 * in hss-image, documented in its application.properties).
 */
public final class HssKeys {

    public static final String REALM = "kubeims.hss.realm";
    public static final String DIAMETER_ORIGIN_HOST = "kubeims.hss.diameter.origin-host";
    public static final String DIAMETER_BIND_ADDRESS = "kubeims.hss.diameter.bind-address";
    public static final String DIAMETER_PORT = "kubeims.hss.diameter.port";
    /** Server-Names of the S-CSCF pools: offered in UAA/LIA, and where RTR/PPR go (any replica of the pool). */
    public static final String CX_SCSCF_POOL = "kubeims.hss.cx.scscf-pool";
    public static final String API_TOKEN_FILE = "kubeims.hss.api.token-file";
    /** Prefix of the store keys: {@code mode}, {@code data-dir}, {@code cache-prefix}, {@code hotrod.*}. */
    public static final String STORE = "kubeims.hss.store.";

    private HssKeys() {
    }
}
