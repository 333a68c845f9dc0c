package io.kubeims.cscf.sip;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds live non-daemon jain-sip threads (event scanner, timer, message channels and processors). */
final class ThreadCheck {

    private static final List<String> JAIN_SIP_THREADS = List.of("EventScannerThread", "DefaultSipTimerThread",
            "UDPMessageChannelThread", "TCPMessageChannelThread", "MessageProcessorThread");

    private ThreadCheck() {
    }

    /** Waits up to the bound for jain-sip's non-daemon threads to end; returns the names of those still alive. */
    static List<String> liveNonDaemonJainSipThreads(long boundMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
        while (true) {
            List<Thread> alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .filter(t -> !t.isDaemon())
                    .filter(t -> JAIN_SIP_THREADS.stream().anyMatch(name -> t.getName().contains(name)))
                    .toList();
            long left = deadline - System.nanoTime();
            if (alive.isEmpty() || left <= 0) {
                return alive.stream().map(Thread::getName).toList();
            }
            alive.get(0).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }
}
