package io.kubeims.cscf.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The executor a test gives the CSCF handlers: daemon threads, so that a test failing midway cannot hang the JVM. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A fixed pool of {@code threads} daemon threads named {@code <name>-<n>}. */
    public static ExecutorService pool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
