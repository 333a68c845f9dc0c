package io.kubeims.hss.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the HSS reads from configuration under {@code kubeims.hss} (application.properties, environment
 * variables such as {@code KUBEIMS_HSS_REALM}, or the ConfigMap the operator mounts).
 */
@ConfigMapping(prefix = "kubeims.hss")
public interface HssSettings {

    /** The home network domain, e.g. {@code ims.example.com} (TS 23.003 13.2). */
    String realm();

    /** Where subscribers and dynamic state live. */
    Store store();

    /** Access to the provisioning REST API. */
    Api api();

    /** The Diameter Cx listener. */
    Diameter diameter();

    /** What the Cx procedures answer and how RTR/PPR are sent. */
    Cx cx();

    /** Which storage backend the HSS opens at startup. */
    enum StoreMode {
        /** Embedded Infinispan with file stores under {@link Store#dataDir()}: one HSS, tests, local mode. */
        EMBEDDED,
        /** An Infinispan Server (cluster) over Hot Rod, shared by several HSS replicas. */
        HOTROD
    }

    /** {@code kubeims.hss.store.*}. */
    interface Store {

        /** {@code embedded} or {@code hotrod}. */
        @WithDefault("embedded")
        StoreMode mode();

        /** Embedded mode: the directory of the file stores (created if missing). */
        @WithDefault("data/hss")
        String dataDir();

        /** Prefix of the four cache names, so several cores can share one Infinispan Server. */
        @WithDefault("hss")
        String cachePrefix();

        /** How long the readiness check waits for the store to answer one lookup. */
        @WithDefault("2s")
        Duration probeTimeout();

        /** Hot Rod mode: where the Infinispan Server is and how to log in. */
        HotRod hotrod();
    }

    /** {@code kubeims.hss.store.hotrod.*}: give {@link #uri()} or {@link #servers()}. */
    interface HotRod {

        /** A Hot Rod URI, e.g. {@code hotrod://user:secret@infinispan:11222}; takes precedence over servers. */
        Optional<String> uri();

        /** {@code host:port} of each server, e.g. {@code infinispan-0:11222,infinispan-1:11222}. */
        Optional<List<String>> servers();

        /** User name for SASL authentication, if the server requires it. */
        Optional<String> username();

        /** Password of {@link #username()} (from a Secret, typically through the environment). */
        Optional<String> password();

        /** SASL mechanism, when not the client's default (SCRAM-SHA-512). */
        Optional<String> saslMechanism();
    }

    /** {@code kubeims.hss.api.*}: the provisioning API's bearer token. */
    interface Api {

        /** The bearer token itself. */
        Optional<String> token();

        /** A file holding the bearer token (a mounted Secret); used when {@link #token()} is not set. */
        Optional<String> tokenFile();

        /** Serve the API without any token: only for local mode, and it is logged as a warning. */
        @WithDefault("false")
        boolean insecure();
    }

    /** {@code kubeims.hss.diameter.*}: the Cx server socket and identity (TS 29.229, RFC 6733). */
    interface Diameter {

        /** Origin-Host of the HSS; {@code hss.<realm>} when absent. */
        Optional<String> originHost();

        /** Origin-Realm; {@link HssSettings#realm()} when absent. */
        Optional<String> realm();

        /** Address the Diameter listener binds to. */
        @WithDefault("0.0.0.0")
        String bindAddress();

        /** Port of the Diameter listener (RFC 6733 section 2.1). */
        @WithDefault("3868")
        int port();

        /** How long an RTR or PPR the HSS sends waits for its answer; the Cx node's default when absent. */
        Optional<Duration> requestTimeout();
    }

    /**
     * {@code kubeims.hss.cx.*}: the Server-Capabilities of UAA/LIA (TS 29.229 6.3.4), the vector limit of MAA,
     * roaming, and the threads of RTR/PPR store work.
     */
    interface Cx {

        /**
         * Server-Names (SIP URIs) of the S-CSCF pools the I-CSCF may choose; {@code sip:scscf.<realm>:6060} when
         * neither this nor a capability is set. A pool's replicas have Origin-Hosts {@code <name>.<pool host>}.
         */
        Optional<List<String>> scscfPool();

        /** Mandatory-Capability values (TS 29.229 6.3.5) an S-CSCF must have for these subscribers. */
        Optional<List<Long>> mandatoryCapabilities();

        /** Optional-Capability values (TS 29.229 6.3.6). */
        Optional<List<Long>> optionalCapabilities();

        /** The most authentication vectors one MAA carries, whatever SIP-Number-Auth-Items asks (1..32). */
        @WithDefault("4")
        int maxAuthItems();

        /** Visited networks (Visited-Network-Identifier) a UAR may come from besides the home network. */
        Optional<List<String>> allowedVisitedNetworks();

        /** Accept a UAR from any visited network (no roaming restriction). */
        @WithDefault("false")
        boolean allowAllVisitedNetworks();

        /** Threads that run the store work of RTR/PPR (never an HTTP worker or a jdiameter thread), 1..64. */
        @WithDefault("4")
        int notifierThreads();
    }
}
