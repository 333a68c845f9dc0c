package io.kubeims.cscf.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;

/**
 * Starts the CSCF of {@code kubeims.cscf.role} when Quarkus starts and shuts it down gracefully when Quarkus stops.
 * A configuration that cannot work, or a piece that cannot start (address taken, HSS name unknown), stops the
 * application with one message naming the key: it is raised as Quarkus's {@link ConfigurationException} without a
 * cause, which Quarkus prints as that message alone.
 */
@Singleton
public class CscfLifecycle {

    private static final Logger LOG = Logger.getLogger(CscfLifecycle.class);

    private final CscfConfig config;
    private final MeterRegistry meters;
    private volatile CscfRuntime runtime;

    @Inject
    CscfLifecycle(CscfConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        CscfSettings settings;
        CscfRole role;
        try {
            settings = CscfSettings.from(config);
            role = CscfRoles.forSettings(settings);
        } catch (InvalidCscfConfigException e) {
            throw new ConfigurationException("invalid CSCF configuration: " + e.getMessage(), Set.of(e.key()));
        }
        try {
            runtime = CscfRuntime.start(settings, role, meters);
        } catch (CscfStartException e) {
            LOG.debug("CSCF start failure", e);
            throw new ConfigurationException("the " + settings.roleName() + " cannot start: " + e.getMessage(),
                    e.keys());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        CscfRuntime running = runtime;
        if (running != null) {
            running.close();
        }
    }

    /** The running CSCF, once started. */
    public Optional<CscfRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }
}
