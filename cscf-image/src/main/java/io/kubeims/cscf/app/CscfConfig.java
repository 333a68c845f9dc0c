package io.kubeims.cscf.app;

import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the CSCF image reads from configuration under {@code kubeims.cscf} (application.properties, environment
 * variables such as {@code KUBEIMS_CSCF_ROLE}, or the ConfigMap the operator derives with kube-ims-config). Read and
 * checked as a whole by {@link CscfSettings#from}; each key is documented in application.properties.
 */
@ConfigMapping(prefix = "kubeims.cscf")
public interface CscfConfig {

    /** The role this process plays. */
    Role role();

    /** The home network domain, e.g. {@code ims.example.com}. */
    String homeDomain();

    /** The SIP listener. */
    Sip sip();

    /** The Diameter Cx client towards the HSS (I-CSCF and S-CSCF). */
    Diameter diameter();

    /** Where CSCF state lives. */
    Store store();

    /** The bounded executor that runs role work off the jain-sip threads. */
    Workers workers();

    /** P-CSCF settings. */
    Pcscf pcscf();

    /** I-CSCF settings. */
    Icscf icscf();

    /** S-CSCF settings. */
    Scscf scscf();

    /** The three CSCF roles (TS 23.228 4.6). */
    enum Role {
        PCSCF,
        ICSCF,
        SCSCF
    }

    /** Storage backends of the CSCF state. */
    enum StoreMode {
        /** Embedded Infinispan (in memory, or file stores under a data directory): one replica, tests, local mode. */
        EMBEDDED,
        /** An Infinispan Server (cluster) over Hot Rod, shared by every replica. */
        HOTROD
    }

    /** {@code kubeims.cscf.sip.*}. */
    interface Sip {

        /** Address to bind; a wildcard means the advertised host (jain-sip writes the bound address into Via). */
        @WithDefault("0.0.0.0")
        String bindAddress();

        /** UDP and TCP port; 0 probes a free port (tests). */
        @WithDefault("5060")
        int port();

        /** Transports listened on; this version serves UDP and TCP together. */
        @WithDefault("udp,tcp")
        List<String> transports();

        /** The address written into Via, Record-Route and Path: required with a wildcard bind address. */
        Optional<String> advertisedHost();

        /** Other names of this node ({@code host} or {@code host:port}, e.g. its Service) that Routes carry. */
        Optional<List<String>> aliases();
    }

    /** {@code kubeims.cscf.diameter.*}: only the I-CSCF and S-CSCF read it. */
    interface Diameter {

        /** Origin-Host of this replica; {@code <role>.<home-domain>} when absent. */
        Optional<String> originHost();

        /** Origin-Realm; the home domain when absent. */
        Optional<String> realm();

        /** IP address of the Diameter listener (RTR/PPR may arrive on it). */
        @WithDefault("0.0.0.0")
        String bindAddress();

        /** Diameter port of this node; 0 probes a free port (tests). */
        @WithDefault("3868")
        int port();

        /** The HSS's Origin-Host; {@code hss.<realm>} when absent. */
        Optional<String> hssHost();

        /** The HSS's address: an IP literal, or a name (a Service) resolved once at startup. */
        Optional<String> hssAddress();

        /** The HSS's Diameter port. */
        @WithDefault("3868")
        int hssPort();

        /** How long a UAR/MAR/SAR/LIR waits for its answer. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** How long startup waits for the HSS connection before going on (readiness stays DOWN until it is up). */
        @WithDefault("5s")
        Duration startTimeout();
    }

    /** {@code kubeims.cscf.store.*}. */
    interface Store {

        /** {@code embedded} or {@code hotrod}. */
        @WithDefault("embedded")
        StoreMode mode();

        /** Embedded mode: directory of the file stores; memory only when absent. */
        Optional<String> dataDir();

        /** Prefix of the cache names, so that several cores can share one Infinispan Server. */
        @WithDefault("cscf")
        String cachePrefix();

        /** How long the readiness check waits for one store read. */
        @WithDefault("2s")
        Duration probeTimeout();

        /** Hot Rod mode: the server and the login. */
        HotRod hotrod();
    }

    /** {@code kubeims.cscf.store.hotrod.*}: give {@link #uri()} or {@link #servers()}. */
    interface HotRod {

        /** A Hot Rod URI, e.g. {@code hotrod://infinispan:11222}; takes precedence over servers. */
        Optional<String> uri();

        /** {@code host:port} of each server. */
        Optional<List<String>> servers();

        /** User name for SASL authentication. */
        Optional<String> username();

        /** Password of {@link #username()}, from a Secret through the environment. */
        Optional<String> password();

        /** SASL mechanism, when not the client's default. */
        Optional<String> saslMechanism();
    }

    /** {@code kubeims.cscf.workers.*}. */
    interface Workers {

        /** Threads running Cx round trips and their outcome (1..256). */
        @WithDefault("8")
        int threads();

        /** Tasks waiting for a thread before new requests are refused with 503 (1..100000). */
        @WithDefault("1000")
        int queueSize();

        /** How long shutdown lets queued and running work finish. */
        @WithDefault("5s")
        Duration shutdownTimeout();
    }

    /** {@code kubeims.cscf.pcscf.*}. */
    interface Pcscf {

        /** Where REGISTER goes: the I-CSCF pool, e.g. {@code sip:icscf.ims.example.com:5070;lr}. */
        Optional<String> icscfUri();

        /**
         * The P-CSCF's Path entry (RFC 3327), its pool: e.g. {@code sip:term@pcscf.ims.example.com:5060;lr}; a user part
         * is replaced by {@code term-<flow token>} (RFC 5626 5.2).
         */
        Optional<String> pathUri();

        /** P-Visited-Network-ID this P-CSCF adds (TS 24.229 5.2.2.1); the home domain when absent. */
        Optional<String> visitedNetworkId();

        /** The {@code orig-ioi} of the P-Charging-Vector it inserts (RFC 7315 4.6); the visited network id when absent. */
        Optional<String> origIoi();

        /**
         * The file holding the flow-token key (RFC 5626 5.2 HMAC over the UE's flow in Path): the same in every replica,
         * at least 32 bytes; a mounted Secret key in Kubernetes, a file local mode generates.
         */
        Optional<String> flowTokenKeyFile();

        /**
         * What an initial request from a registered UE whose Route set does not start with its Service-Route gets
         * (TS 24.229 5.2.6.3.3): {@code rewrite} (the Route set is replaced) or {@code reject} (400).
         */
        @WithDefault("rewrite")
        String routeEnforcement();
    }

    /** {@code kubeims.cscf.icscf.*}. */
    interface Icscf {

        /** Server-Names of the S-CSCF pools to choose from; empty follows the HSS's Server-Capabilities names. */
        Optional<List<String>> scscfPool();

        /** Retry-After of a 503 when the HSS is overloaded (1 s to 1 h). */
        @WithDefault("30s")
        Duration retryAfter();
    }

    /** {@code kubeims.cscf.scscf.*}. */
    interface Scscf {

        /** This S-CSCF pool's SIP URI, as the HSS and the I-CSCF know it (Server-Name, TS 29.229 6.3.2). */
        Optional<String> serverName();

        /** The Service-Route of a 200 OK to REGISTER (RFC 3608), e.g. {@code sip:orig@scscf...:6060;lr}. */
        Optional<String> serviceRoute();

        /** Shortest registration accepted, seconds (shorter: 423 with Min-Expires, RFC 3261 10.3). */
        @WithDefault("60")
        int minExpires();

        /** Registration time when the UE asks none, seconds. */
        @WithDefault("3600")
        int defaultExpires();

        /** Longest registration granted, seconds (TS 24.229 5.1.1.2.1: the UE asks 600000). */
        @WithDefault("600000")
        int maxExpires();

        /** Failed responses to one challenge sequence before 403 (TS 24.229 5.4.1.2.3). */
        @WithDefault("3")
        int maxAuthAttempts();

        /** How long a nonce may be answered (TS 33.203 leaves it to the operator). */
        @WithDefault("40s")
        Duration challengeLifetime();

        /** P-CSCFs ({@code host} or {@code host:port} of their Path URI; the host is compared) that are trusted. */
        Optional<List<String>> trustedPcscfs();

        /** Whether a REGISTER must come through a trusted P-CSCF (else 403); true when trusted-pcscfs names one. */
        Optional<Boolean> pcscfRequired();

        /** Retry-After of a 500 for store contention or a 503 when overloaded (1 s to 1 h, whole seconds). */
        @WithDefault("5s")
        Duration retryAfter();

        /** SIP-Auth-Scheme asked of the HSS when the UE names none; {@code unknown} lets the HSS choose. */
        @WithDefault("unknown")
        SipAuthenticationScheme defaultAuthScheme();

        /** Reg event subscriptions (RFC 3680). */
        RegEvent regEvent();

        /** Third-party registration to application servers (TS 24.229 5.4.1.7). */
        ThirdParty thirdParty();

        /** ENUM (RFC 6116) for tel: and E.164 targets. */
        @WithName("enum")
        EnumLookup enumLookup();

        /** The breakout gateway for numbers outside the IMS, a SIP URI. */
        Optional<String> breakoutUri();

        /**
         * The I-CSCF pool's SIP URI, where originating requests to a home-domain target go (TS 24.229 5.4.3.2); when
         * absent this S-CSCF pool runs the terminating procedure itself.
         */
        Optional<String> icscfUri();

        /**
         * File holding the ODI key (base64 of at least 32 random bytes), the same in every replica of the pool so that
         * any replica resumes a request an AS returns; absent: a random key per replica (only that replica resumes).
         */
        Optional<String> odiKeyFile();

        /** How long an AS may stay silent (no response at all) before its iFC's DefaultHandling applies. */
        @WithDefault("4s")
        Duration asResponseTimeout();
    }

    /** {@code kubeims.cscf.scscf.reg-event.*}. */
    interface RegEvent {

        /** Shortest subscription accepted, seconds (shorter: 423). */
        @WithDefault("60")
        int minExpires();

        /** Longest subscription granted, seconds. */
        @WithDefault("7200")
        int maxExpires();

        /** Duration of a SUBSCRIBE without Expires, seconds (RFC 3680 3.3 suggests 3761). */
        @WithDefault("3761")
        int defaultExpires();

        /** Contact of the 200 and the NOTIFYs (where in-dialog requests go): the server-name (pool) when absent. */
        Optional<String> notifierContact();

        /** How long a NOTIFY waits for its final response before the subscription is given up. */
        @WithDefault("32s")
        Duration notifyTimeout();
    }

    /** {@code kubeims.cscf.scscf.third-party.*}. */
    interface ThirdParty {

        /** How long a third-party REGISTER waits for the AS's final response before DefaultHandling applies. */
        @WithDefault("32s")
        Duration responseTimeout();
    }

    /** {@code kubeims.cscf.scscf.enum.*}. */
    interface EnumLookup {

        /** DNS server asked for NAPTR records, {@code host} or {@code host:port}; no ENUM when absent. */
        Optional<String> server();

        /** ENUM suffix. */
        @WithDefault("e164.arpa")
        String suffix();
    }
}
