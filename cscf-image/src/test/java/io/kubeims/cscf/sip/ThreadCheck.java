package io.kubeims.cscf.sip;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Finds non-daemon threads left behind: those alive now that were not alive at a snapshot taken before. */
public final class ThreadCheck {

    private ThreadCheck() {
    }

    /** The live non-daemon threads now. */
    public static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !t.isDaemon())
                .collect(Collectors.toSet());
    }

    /**
     * Waits up to the bound for the non-daemon threads started since {@code before} to end; returns the names of
     * those still alive (the JVM could not exit while they are).
     */
    public static List<String> leftSince(Set<Thread> before, long boundMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
        while (true) {
            List<Thread> alive = nonDaemonThreads().stream().filter(t -> !before.contains(t)).toList();
            long left = deadline - System.nanoTime();
            if (alive.isEmpty() || left <= 0) {
                return alive.stream().map(Thread::getName).sorted().toList();
            }
            alive.get(0).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }
}
