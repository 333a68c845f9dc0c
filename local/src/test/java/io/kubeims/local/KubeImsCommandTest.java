package io.kubeims.local;

import io.kubeims.config.FunctionPort;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

import static io.kubeims.local.ExampleManifestFiles.copyInto;
import static io.kubeims.local.ExampleManifestFiles.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kube-ims up} before anything starts: arguments, and the refusals that must come as one clear line with exit
 * code 2 (arguments, manifests) or 1 (a taken port, an application not built). A repository with empty files in
 * place of the applications: none of these cases may get as far as starting one.
 */
class KubeImsCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path fakeRepository() throws IOException {
        Path repository = temp.resolve("repo");
        if (Files.exists(repository)) {
            return repository;
        }
        copyInto(repository.resolve(LocalOptions.EXAMPLE_MANIFESTS));
        for (String application : List.of(LocalOptions.HSS_APPLICATION, LocalOptions.CSCF_APPLICATION)) {
            Files.createDirectories(repository.resolve(application).getParent());
            Files.writeString(repository.resolve(application), "not a jar: nothing may start");
        }
        return repository;
    }

    private KubeImsCommand command(Path repository) {
        return new KubeImsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), repository, temp.resolve("cwd"));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void defaultsAreTheRepositorys() throws IOException {
        Path repository = fakeRepository();
        LocalOptions options = command(repository).parse(List.of("up"));
        assertEquals(repository.resolve("deploy/examples"), options.manifests());
        assertEquals(repository.resolve(".kube-ims"), options.dataDirectory());
        assertEquals(repository.resolve("hss-image/target/quarkus-app/quarkus-run.jar"), options.hssApplication());
        assertEquals(repository.resolve("cscf-image/target/quarkus-app/quarkus-run.jar"), options.cscfApplication());
        assertEquals(OptionalInt.empty(), options.pcscfSipPort());
        assertEquals(OptionalInt.empty(), options.portBase());
        assertEquals(EnumSet.allOf(NetworkFunction.class), options.functions());
    }

    @Test
    void flagsInBothSpellingsRelativeToTheWorkingDirectory() throws IOException {
        LocalOptions options = command(fakeRepository()).parse(List.of("up", "--manifests", "mine",
                "--pcscf-port=15060", "--data-dir", "/srv/ims-state", "--port-base", "30000", "--only",
                "hss,ICSCF"));
        assertEquals(temp.resolve("cwd").resolve("mine"), options.manifests());
        assertEquals(Path.of("/srv/ims-state"), options.dataDirectory());
        assertEquals(OptionalInt.of(15060), options.pcscfSipPort());
        assertEquals(OptionalInt.of(30000), options.portBase());
        assertEquals(EnumSet.of(NetworkFunction.HSS, NetworkFunction.ICSCF), options.functions());
        assertNull(command(fakeRepository()).parse(List.of("up", "--help")));
    }

    @Test
    void badArgumentsExitWithTwo() throws IOException {
        Path repository = fakeRepository();
        for (List<String> args : List.of(List.<String>of(), List.of("down"), List.of("up", "--pcscf-port", "70000"),
                List.of("up", "--pcscf-port"), List.of("up", "--colour", "red"), List.of("up", "--only", "mgcf"),
                List.of("up", "--port-base", "80"), List.of("up", "stray"))) {
            err.reset();
            assertEquals(KubeImsCommand.USAGE, command(repository).run(args.toArray(String[]::new)), args::toString);
            assertTrue(err().startsWith("kube-ims: "), err());
            assertTrue(err().contains("usage: kube-ims up"), err());
        }
    }

    @Test
    void anInvalidManifestExitsWithTwoNamingFileAndField() throws IOException {
        Path repository = fakeRepository();
        Path examples = repository.resolve(LocalOptions.EXAMPLE_MANIFESTS);
        replace(examples.resolve("subscriber-bob.yaml"), "privateIdentity: bob@ims.example.com",
                "privateIdentity: bob");
        assertEquals(KubeImsCommand.USAGE, command(repository).run(new String[] {"up"}));
        assertEquals("kube-ims: invalid manifest: " + examples.resolve("subscriber-bob.yaml")
                + " (Subscriber bob): spec.privateIdentity: 'bob' is not a private identity (user@realm, TS 23.003"
                + " 13.3)\n", err());
    }

    @Test
    void anInvalidImsCoreNamesItsFileAndField() throws IOException {
        Path repository = fakeRepository();
        Path examples = repository.resolve(LocalOptions.EXAMPLE_MANIFESTS);
        replace(examples.resolve("imscore.yaml"), "domain: ims.example.com", "domain: localhost");
        assertEquals(KubeImsCommand.USAGE, command(repository).run(new String[] {"up"}));
        assertTrue(err().startsWith("kube-ims: invalid manifest: " + examples.resolve("imscore.yaml")
                + " (ImsCore ims-lab): spec.domain: 'localhost' is not a home network domain"), err());
    }

    @Test
    void aPcscfPortThatCollidesWithTheLocalPlacementExitsWithTwo() throws IOException {
        assertEquals(KubeImsCommand.USAGE, command(fakeRepository()).run(new String[] {"up", "--pcscf-port",
                "5070"}));
        assertEquals("kube-ims: pcscfSipPort: 5070 is the I-CSCF's SIP port in local mode\n", err());
    }

    @Test
    void aTakenPcscfPortIsNamedBeforeAnythingStarts() throws IOException {
        FreePorts ports = FreePorts.find();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(Placement.Local.LOOPBACK), ports.pcscfPort()));
            assertEquals(KubeImsCommand.FAILED, command(fakeRepository()).run(new String[] {"up", "--pcscf-port",
                    Integer.toString(ports.pcscfPort()), "--port-base", Integer.toString(ports.base()),
                    "--data-dir", temp.resolve("data").toString()}));
        }
        assertEquals("kube-ims: cannot start: port " + ports.pcscfPort() + "/TCP on 127.0.0.1 (P-CSCF sip-tcp) is in"
                + " use: stop what uses it, or choose another P-CSCF port (--pcscf-port, or"
                + " spec.pcscf.sipService.port)\n", err());
        assertFalse(Files.exists(temp.resolve("data")), "nothing prepared, nothing started");
    }

    @Test
    void aTakenPortOfTheBlockNamesItsFunction() throws Exception {
        FreePorts ports = FreePorts.find();
        LocalOptions options = LocalOptions.forRepository(fakeRepository()).withPortBase(ports.base())
                .withPcscfSipPort(ports.pcscfPort()).withDataDirectory(temp.resolve("data"));
        int hssDiameter = ports.base();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(Placement.Local.LOOPBACK), hssDiameter));
            PortInUseException e = assertThrows(PortInUseException.class, () -> LocalCore.start(options));
            assertEquals(hssDiameter, e.port());
            assertEquals(FunctionPort.Protocol.TCP, e.protocol());
            assertEquals(NetworkFunction.HSS, e.function());
            assertTrue(e.getMessage().contains("(HSS diameter) is in use"), e.getMessage());
            assertTrue(e.getMessage().endsWith("--port-base"), e.getMessage());
        }
    }

    @Test
    void aMissingApplicationSaysHowToBuildIt() throws IOException {
        Path repository = fakeRepository();
        Files.delete(repository.resolve(LocalOptions.CSCF_APPLICATION));
        assertEquals(KubeImsCommand.FAILED, command(repository).run(new String[] {"up"}));
        assertTrue(err().startsWith("kube-ims: cannot start: " + repository.resolve(LocalOptions.CSCF_APPLICATION)
                + " is missing: build it with bin/kube-ims up"), err());
    }

    @Test
    void helpExitsWithZero() throws IOException {
        assertEquals(KubeImsCommand.OK, command(fakeRepository()).run(new String[] {"help"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: kube-ims up"));
    }
}
