package io.kubeims.local;

import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.GeneratedKey;
import io.kubeims.config.NetworkFunction;
import io.kubeims.local.watch.ParentWatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The state directory of one local run ({@code .kube-ims/} by default):
 * <pre>
 * lock                       held while a launcher runs: a second one on the same directory is refused
 * secrets/hss-api-token      the HSS provisioning API token, generated per run (directory 0700, file 0600)
 * hss/ pcscf/ scscf/         the functions' embedded stores (core-config's local placement), emptied per run
 * run/&lt;fn&gt;.properties       each function's application.properties as core-config derived it
 * run/&lt;fn&gt;.log              each function's console output
 * run/parent-watch.jar       the agent that ends a child when the launcher is gone
 * </pre>
 * Every start begins from empty stores: the manifests are the whole state of a local core (the HSS API cannot list
 * subscribers, so a subscriber removed from the manifests would otherwise linger).
 */
final class RunDirectory implements AutoCloseable {

    static final String RUN = "run";
    static final String LOCK = "lock";
    static final String AGENT_JAR = "parent-watch.jar";
    private static final int TOKEN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final Path tokenFile;
    private final String token;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunDirectory(Path root, Path tokenFile, String token, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.tokenFile = tokenFile;
        this.token = token;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the directory's lock, empties the stores and {@code run/} of an earlier run, and writes the properties of
     * every function, a new HSS API token and the parent-watch agent.
     *
     * @throws LocalStartException if another launcher holds the directory
     */
    static RunDirectory prepare(Path root, CoreConfiguration core) throws LocalStartException {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new LocalStartException("another kube-ims launcher runs with the data directory " + root
                        + ": stop it first, or give this one another --data-dir");
            }
            try {
                for (FunctionConfiguration function : core.functions().values()) {
                    Optional<String> store = function.dataDirectory();
                    if (store.isPresent()) {
                        deleteInside(root, Path.of(store.get()));
                    }
                }
                Path run = root.resolve(RUN);
                deleteInside(root, run);
                Files.createDirectories(run);
                for (FunctionConfiguration function : core.functions().values()) {
                    Files.writeString(run.resolve(function.function().id() + ".properties"),
                            function.asApplicationProperties(), StandardCharsets.ISO_8859_1);
                }
                Path tokenFile = Path.of(core.placement().hssApiTokenFile());
                String token = randomToken();
                writeSecret(tokenFile, token);
                // the pools' HMAC keys (P-CSCF flow tokens, S-CSCF ODIs), generated per run like the token
                for (GeneratedKey key : GeneratedKey.values()) {
                    FunctionConfiguration function = core.functions().get(key.function());
                    Optional<String> file = function == null ? Optional.empty() : function.property(key.configKey());
                    if (file.isPresent()) {
                        writeSecret(Path.of(file.get()), randomToken());
                    }
                }
                writeAgent(run.resolve(AGENT_JAR));
                return new RunDirectory(root, tokenFile, token, channel, lock);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new LocalStartException("cannot prepare the data directory " + root + ": " + e, e);
        }
    }

    Path root() {
        return root;
    }

    Path runDirectory() {
        return root.resolve(RUN);
    }

    Path properties(NetworkFunction function) {
        return runDirectory().resolve(function.id() + ".properties");
    }

    Path log(NetworkFunction function) {
        return runDirectory().resolve(function.id() + ".log");
    }

    Path agentJar() {
        return runDirectory().resolve(AGENT_JAR);
    }

    Path tokenFile() {
        return tokenFile;
    }

    /** The HSS API token of this run; for the provisioning client only, never to be shown. */
    String token() {
        return token;
    }

    /** Releases the lock; files stay for the user to read (logs) until the next start. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "RunDirectory[" + root + "]";
    }

    // ---- files ----

    private static String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes a file only its owner can read, in a directory only its owner can enter, created that way. */
    private static void writeSecret(Path file, String value) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path directory = file.getParent();
        if (posix) {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createDirectories(directory);
        }
        Files.writeString(file, value, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** The one-class agent jar of {@link ParentWatch}, written from this class loader's copy of the class. */
    private static void writeAgent(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(entry);
             OutputStream out = Files.newOutputStream(jar);
             JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            if (in == null) {
                throw new IOException(entry + " is not on the class path");
            }
            jarOut.putNextEntry(new JarEntry(entry));
            in.transferTo(jarOut);
            jarOut.closeEntry();
        }
    }

    /** Deletes {@code target} recursively, refusing anything outside {@code root}. */
    private static void deleteInside(Path root, Path target) throws IOException {
        Path normalized = target.toAbsolutePath().normalize();
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            throw new IOException(normalized + " is not inside the data directory " + root + ": not deleting it");
        }
        if (!Files.exists(normalized)) {
            return;
        }
        try (Stream<Path> files = Files.walk(normalized)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
