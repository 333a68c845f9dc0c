package io.kubeims.cscf.app;

import io.kubeims.cscf.store.CscfStorage;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.ExecutorService;

/**
 * What {@link CscfRuntime} gives every role: its settings, the open store, the bounded worker executor (role work
 * off the jain-sip and jdiameter threads; a full queue refuses with {@link java.util.concurrent.RejectedExecutionException})
 * and the meter registry.
 */
public record RoleResources(CscfSettings settings, CscfStorage storage, ExecutorService workers,
                            MeterRegistry meters) {
}
