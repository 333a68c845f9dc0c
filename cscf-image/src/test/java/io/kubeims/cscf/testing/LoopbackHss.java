package io.kubeims.cscf.testing;

import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.node.CxNodeSettings;
import io.kubeims.cx.node.CxPeerAddress;
import io.kubeims.hss.cx.HssCore;
import io.kubeims.hss.cx.HssCoreSettings;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.cx.HssStorageSettings;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real HSS for the CSCF loopback tests: {@link HssCore} with embedded storage in a temporary directory, Diameter on
 * {@value #ADDRESS} (the CSCFs and their Cx clients are on {@value #CSCF_ADDRESS}), home realm {@value #REALM}.
 * Closing stops it and deletes the directory.
 */
public final class LoopbackHss implements AutoCloseable {

    /** Where the CSCFs under test listen (SIP and their Cx clients). */
    public static final String CSCF_ADDRESS = "127.0.0.1";
    /** Where the HSS's Diameter node listens. */
    public static final String ADDRESS = "127.0.0.2";
    /** The HSS's Origin-Host. */
    public static final String HOST = "hss.ims.example.com";
    /** The home realm. */
    public static final String REALM = "ims.example.com";
    /** The most vectors one MAA carries. */
    private static final int MAX_AUTH_ITEMS = 4;
    private static final int STORE_THREADS = 2;
    /** jdiameter logs every peer event at INFO; a reference keeps the level. */
    private static final Logger JDIAMETER_LOG = Logger.getLogger("org.jdiameter");

    private final Path dataDirectory;
    private final HssCore core;
    private final AtomicInteger names = new AtomicInteger();
    private boolean closed;

    private LoopbackHss(Path dataDirectory, HssCore core) {
        this.dataDirectory = dataDirectory;
        this.core = core;
    }

    /**
     * Starts the HSS.
     *
     * @param capabilities           what its UAAs carry for the I-CSCF to choose an S-CSCF (capabilities and/or
     *                               pool names)
     * @param allowedVisitedNetworks the visited networks with a roaming agreement besides the home network
     * @param requestTimeout         how long its own requests (RTR, PPR) wait for an answer
     */
    public static LoopbackHss start(ServerCapabilities capabilities, Set<String> allowedVisitedNetworks,
            Duration requestTimeout) throws Exception {
        JDIAMETER_LOG.setLevel(Level.WARNING);
        Path dataDirectory = Files.createTempDirectory("cscf-test-hss-");
        try {
            CxNodeSettings diameter = CxNodeSettings.hss(HOST, REALM, ADDRESS, FreePort.on(ADDRESS))
                    .requestTimeout(requestTimeout).build();
            HssCxSettings cx = new HssCxSettings(REALM, capabilities, MAX_AUTH_ITEMS, false, allowedVisitedNetworks);
            return new LoopbackHss(dataDirectory, HssCore.start(new HssCoreSettings(diameter, cx,
                    new HssStorageSettings.Embedded(dataDirectory), STORE_THREADS)));
        } catch (Exception | Error e) {
            try {
                delete(dataDirectory);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A home-only HSS naming the S-CSCF pool {@code serverName} in its UAAs. */
    public static LoopbackHss naming(String serverName, Duration requestTimeout) throws Exception {
        return start(new ServerCapabilities(List.of(), List.of(), List.of(serverName)), Set.of(), requestTimeout);
    }

    /** The HSS itself: its stores, its Diameter node. */
    public HssCore core() {
        return core;
    }

    /** The HSS as a CSCF's Cx client names its peer. */
    public CxPeerAddress peer() {
        return new CxPeerAddress(HOST, ADDRESS, core.settings().diameter().port());
    }

    /**
     * Settings of a CSCF's Cx node with this HSS as its peer: {@code originHost} in {@value #REALM}, on
     * {@value #CSCF_ADDRESS} at a free port; the caller adds timeouts.
     */
    public CxNodeSettings.Builder cscfNode(String originHost) throws IOException {
        return CxNodeSettings.cscf(originHost, REALM, CSCF_ADDRESS, FreePort.on(CSCF_ADDRESS), peer());
    }

    /**
     * Provisions a SIP Digest subscriber {@code <base><n>@ims.example.com} (n unique in this HSS) with the one public
     * identity {@code sip:<base><n>@ims.example.com} and the password {@code secret-<base><n>}.
     *
     * @param barred whether the subscription is barred
     */
    public Subscriber provisionDigest(String base, boolean barred) {
        String name = base + names.incrementAndGet();
        return provision(new Subscriber(name + "@" + REALM,
                List.of(new PublicUserIdentity("sip:" + name + "@" + REALM, false, null)), barred,
                new SipDigestCredentials("secret-" + name), List.of()));
    }

    /** Provisions {@code subscriber} (as the HSS's provisioning API would store it) and returns it. */
    public Subscriber provision(Subscriber subscriber) {
        core.storage().subscribers().put(subscriber);
        return subscriber;
    }

    /** Stops the HSS (also the last test of a class that wants it down) and deletes its data. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                core.close();
            } finally {
                delete(dataDirectory);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
