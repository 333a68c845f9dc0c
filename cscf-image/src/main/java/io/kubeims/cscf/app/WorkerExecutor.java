package io.kubeims.cscf.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded executor of role work: a fixed number of daemon threads and a bounded queue; when both are full a
 * submission throws {@link RejectedExecutionException} (the role answers 503) and counts
 * {@code kubeims.cscf.workers.rejected}. Micrometer's executor metrics report it ({@code executor.*}, tag {@code name=kubeims.cscf.workers}).
 */
final class WorkerExecutor {

    static final String METRIC_NAME = "kubeims.cscf.workers";

    private WorkerExecutor() {
    }

    static ThreadPoolExecutor create(CscfSettings.Workers settings, String role, MeterRegistry meters) {
        Counter rejected = Counter.builder(METRIC_NAME + ".rejected")
                .description("Role work refused because every worker and queue slot was taken")
                .tag("role", role).register(meters);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "cscf-" + role + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.queueSize()), threads, (task, pool) -> {
                    rejected.increment();
                    throw new RejectedExecutionException("all " + settings.threads() + " " + role + " workers busy and "
                            + settings.queueSize() + " tasks queued" + (pool.isShutdown() ? " (shutting down)" : ""));
                });
        new ExecutorServiceMetrics(executor, METRIC_NAME, Tags.of("role", role)).bindTo(meters);
        return executor;
    }
}
