package io.kubeims.hss.store;

import io.kubeims.protocol.aka.Sqn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed (SIGKILL) while it issues SQNs from embedded storage: after a restart on the same data
 * directory, the first SQN is above every SQN the killed process handed out, and skips less than two SQN leases.
 */
class EmbeddedSqnCrashTest {

    private static final String IMPI = "alice@ims.example.com";
    /** The kill comes once this many SQNs were seen: several lease boundaries crossed, the child still issuing. */
    private static final int SEEN_BEFORE_KILL = 3 * LeasedSqnDynamicStateStore.DEFAULT_LEASE + 17;
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dataDirectory;

    @Test
    void noSqnIsReusedAfterTheProcessIsKilledWhileIssuing() throws Exception {
        Path directory = dataDirectory.resolve("hss");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqnIssuingProcess.class.getName(),
                directory.toString(), IMPI)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch enoughSeen = new CountDownLatch(SEEN_BEFORE_KILL);
        CompletableFuture<List<Sqn>> printed = CompletableFuture.supplyAsync(() -> readAll(child, enoughSeen));
        try {
            assertTrue(enoughSeen.await(WAIT_SECONDS, TimeUnit.SECONDS), "the child issues SQNs");
        } finally {
            // SIGKILL while the child goes on issuing: no shutdown hook, no cache manager stop. Through the handle,
            // which (unlike Process.destroyForcibly) leaves the output pipe open, so what was printed can be read.
            child.toHandle().destroyForcibly();
            child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        // Everything the child printed before it died: every SQN it handed out.
        List<Sqn> issued = printed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(issued.size() >= SEEN_BEFORE_KILL, issued.size() + " SQNs read");
        Sqn highest = issued.get(issued.size() - 1);

        try (HssStorage restarted = new EmbeddedHssStorage(directory)) {
            Sqn next = restarted.dynamicState().nextSqn(IMPI);
            assertTrue(next.compareTo(highest) > 0, next + " above " + highest);
            // The ceiling on disk is less than one and a half leases above the last SQN computed, which is the last
            // printed or, if the kill fell between computing and printing, the one after it.
            assertTrue(next.seq() < highest.seq() + 2 * LeasedSqnDynamicStateStore.DEFAULT_LEASE,
                    next + " skips less than two leases after " + highest);
        }
    }

    /** Every SQN the child printed until its output ends, checked to be strictly increasing. */
    private static List<Sqn> readAll(Process child, CountDownLatch seen) {
        List<Sqn> issued = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith(SqnIssuingProcess.PREFIX) || !line.endsWith(SqnIssuingProcess.SUFFIX)) {
                    continue; // a log line, or the line the kill cut short
                }
                Sqn sqn = new Sqn(Long.parseLong(line.substring(SqnIssuingProcess.PREFIX.length(),
                        line.length() - SqnIssuingProcess.SUFFIX.length())));
                if (!issued.isEmpty() && sqn.compareTo(issued.get(issued.size() - 1)) <= 0) {
                    throw new IllegalStateException(sqn + " after " + issued.get(issued.size() - 1));
                }
                issued.add(sqn);
                seen.countDown();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return issued;
    }
}
