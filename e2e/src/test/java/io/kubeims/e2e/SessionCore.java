package io.kubeims.e2e;

import io.kubeims.config.NetworkFunction;
import io.kubeims.local.LocalCore;
import io.kubeims.protocol.enumdns.BindEnumServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole local core set up for sessions: BIND serving the test ENUM zone ({@code sessions/e164.arpa.zone}), the
 * test manifests of {@code sessions/manifests} (MD5 subscribers ann, ben, cid, dan; the SMSC and voicemail AS on
 * loopback ports where the test's SIPp ASes listen; the ImsCore's {@code spec.enum.server} = that BIND) written to a
 * directory and started with it ({@code --manifests DIR}), and the registration of SIPp UEs.
 */
final class SessionCore implements AutoCloseable {

    static final String DOMAIN = "ims.example.com";
    private static final List<String> MANIFESTS = List.of("imscore.yaml", "ifcprofile-sessions.yaml",
            "subscriber-ann.yaml", "subscriber-ben.yaml", "subscriber-cid.yaml", "subscriber-dan.yaml");
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(120);

    private final BindEnumServer named;
    private final LocalCore core;
    private final int smscPort;
    private final int voicemailPort;

    private SessionCore(BindEnumServer named, LocalCore core, int smscPort, int voicemailPort) {
        this.named = named;
        this.core = core;
        this.smscPort = smscPort;
        this.voicemailPort = voicemailPort;
    }

    /** Starts BIND, then the core on the test manifests; the caller closes it (both stop). */
    static SessionCore start(Path work, List<String> jvmOptions) throws Exception {
        BindEnumServer named = BindEnumServer.start(work.resolve("dns"), "e164.arpa",
                resource("/sessions/e164.arpa.zone"));
        try {
            int smscPort = SippLoad.freeUdpPort();
            int voicemailPort = SippLoad.freeUdpPort();
            Path manifests = Files.createDirectories(work.resolve("manifests"));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("ENUM_SERVER", named.server());
            values.put("SMSC_URI", "sip:127.0.0.1:" + smscPort);
            values.put("VOICEMAIL_URI", "sip:127.0.0.1:" + voicemailPort);
            for (String name : MANIFESTS) {
                String text = resource("/sessions/manifests/" + name);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), value.getValue());
                }
                Files.writeString(manifests.resolve(name), text, StandardCharsets.UTF_8);
            }
            LocalCore core = E2eCore.start(work.resolve("core"), manifests, jvmOptions);
            return new SessionCore(named, core, smscPort, voicemailPort);
        } catch (Exception | Error e) {
            named.close();
            throw e;
        }
    }

    LocalCore core() {
        return core;
    }

    BindEnumServer named() {
        return named;
    }

    /** Where a SIPp SMSC must listen (the IfcProfile's MESSAGE AS). */
    int smscPort() {
        return smscPort;
    }

    /** Where a SIPp voicemail AS must listen (the IfcProfile's unregistered-INVITE AS). */
    int voicemailPort() {
        return voicemailPort;
    }

    InetSocketAddress pcscf() {
        return core.pcscfAddress();
    }

    /** The I-CSCF's SIP port: where an AS sends a terminating request (smsc-as.xml's report). */
    int icscfPort() {
        return core.sipPort(NetworkFunction.ICSCF);
    }

    /** The test password of a session subscriber (its Secret in sessions/manifests). */
    static String password(String user) {
        return user + "-session-password-2026";
    }

    /**
     * Registers {@code users} (MD5, their test passwords) from SIPp on {@code localPort}, so a later SIPp run on that
     * port is their UE; returns each user's Service-Route URI from the 200. Fails with SIPp's output unless all
     * registered.
     */
    Map<String, String> register(SippLoad sipp, Path work, int localPort, List<String> users, int rate)
            throws IOException, InterruptedException {
        List<List<String>> lines = new ArrayList<>();
        for (String user : users) {
            String impi = user + "@" + DOMAIN;
            lines.add(List.of(user, impi, "[authentication username=" + impi + " password=" + password(user) + "]"));
        }
        Path calls = SessionScenarios.injection(work, lines);
        SippLoad.Result result = sipp.start(work, SessionScenarios.write(work, SessionScenarios.REGISTER),
                core.pcscfAddress(), localPort, users.size(), Math.max(10, rate), rate,
                List.of("-inf", calls.toString(), "-auth_uri", DOMAIN), REGISTRATION_TIMEOUT).await();
        if (result.successful() != users.size()) {
            throw new IllegalStateException("registration of " + users.size() + " users from port " + localPort
                    + " failed:\n" + result.describe());
        }
        Map<String, String> routes = new LinkedHashMap<>();
        for (String line : result.logged("service-route")) {
            String[] userAndRoute = line.split(" ", 2);
            routes.put(userAndRoute[0], userAndRoute[1]);
        }
        return routes;
    }

    @Override
    public void close() {
        try {
            core.close();
        } finally {
            named.close();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SessionCore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
