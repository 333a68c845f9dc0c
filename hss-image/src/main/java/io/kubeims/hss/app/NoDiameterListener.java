package io.kubeims.hss.app;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@link DiameterListenerState} while no Cx server replaces it: not applicable. */
@DefaultBean
@ApplicationScoped
public class NoDiameterListener implements DiameterListenerState {

    @Override
    public Status status() {
        return Status.NOT_APPLICABLE;
    }
}
