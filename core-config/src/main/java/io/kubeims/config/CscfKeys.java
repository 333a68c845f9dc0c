package io.kubeims.config;

/**
 * The {@code kubeims.cscf.*} keys this module writes, as the CSCF image reads them
 * ({@code io.kubeims.cscf.app.CscfConfig} in cscf-image, documented in its application.properties).
 */
public final class CscfKeys {

    /** {@code pcscf}, {@code icscf} or {@code scscf}. */
    public static final String ROLE = "kubeims.cscf.role";
    public static final String HOME_DOMAIN = "kubeims.cscf.home-domain";

    public static final String SIP_BIND_ADDRESS = "kubeims.cscf.sip.bind-address";
    public static final String SIP_ADVERTISED_HOST = "kubeims.cscf.sip.advertised-host";
    public static final String SIP_PORT = "kubeims.cscf.sip.port";
    public static final String SIP_TRANSPORTS = "kubeims.cscf.sip.transports";
    /** Other names of the node (its pool's host:port) that Route entries carry. */
    public static final String SIP_ALIASES = "kubeims.cscf.sip.aliases";

    public static final String DIAMETER_ORIGIN_HOST = "kubeims.cscf.diameter.origin-host";
    public static final String DIAMETER_REALM = "kubeims.cscf.diameter.realm";
    public static final String DIAMETER_BIND_ADDRESS = "kubeims.cscf.diameter.bind-address";
    public static final String DIAMETER_PORT = "kubeims.cscf.diameter.port";
    public static final String DIAMETER_HSS_HOST = "kubeims.cscf.diameter.hss-host";
    public static final String DIAMETER_HSS_ADDRESS = "kubeims.cscf.diameter.hss-address";
    public static final String DIAMETER_HSS_PORT = "kubeims.cscf.diameter.hss-port";

    /** Prefix of the store keys: {@code mode}, {@code data-dir}, {@code cache-prefix}, {@code hotrod.*}. */
    public static final String STORE = "kubeims.cscf.store.";

    public static final String PCSCF_ICSCF_URI = "kubeims.cscf.pcscf.icscf-uri";
    public static final String PCSCF_PATH_URI = "kubeims.cscf.pcscf.path-uri";
    public static final String PCSCF_VISITED_NETWORK_ID = "kubeims.cscf.pcscf.visited-network-id";
    /** The file holding the flow-token key ({@link GeneratedKey#PCSCF_FLOW_TOKEN}). */
    public static final String PCSCF_FLOW_TOKEN_KEY_FILE = "kubeims.cscf.pcscf.flow-token-key-file";

    public static final String ICSCF_SCSCF_POOL = "kubeims.cscf.icscf.scscf-pool";

    public static final String SCSCF_SERVER_NAME = "kubeims.cscf.scscf.server-name";
    public static final String SCSCF_SERVICE_ROUTE = "kubeims.cscf.scscf.service-route";
    public static final String SCSCF_TRUSTED_PCSCFS = "kubeims.cscf.scscf.trusted-pcscfs";
    /** {@code true}: a REGISTER not through a trusted P-CSCF is refused (403). */
    public static final String SCSCF_PCSCF_REQUIRED = "kubeims.cscf.scscf.pcscf-required";
    public static final String SCSCF_ENUM_SERVER = "kubeims.cscf.scscf.enum.server";
    public static final String SCSCF_ENUM_SUFFIX = "kubeims.cscf.scscf.enum.suffix";
    public static final String SCSCF_BREAKOUT_URI = "kubeims.cscf.scscf.breakout-uri";
    /** Where originating requests to home-domain targets go: the I-CSCF pool (TS 24.229 5.4.3.2 step 10). */
    public static final String SCSCF_ICSCF_URI = "kubeims.cscf.scscf.icscf-uri";
    /** The file holding the ODI key ({@link GeneratedKey#SCSCF_ODI}). */
    public static final String SCSCF_ODI_KEY_FILE = "kubeims.cscf.scscf.odi-key-file";

    private CscfKeys() {
    }
}
