package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.InvalidImsCoreException;
import io.kubeims.config.InvalidPlacementException;

import java.util.Optional;

/**
 * The checks of an ImsCore beyond its schema, before anything is changed in the cluster: core-config can derive a
 * working configuration from it (domain syntax, names, ports, store settings) and the Secrets it references exist.
 */
final class ImsCoreValidation {

    /** The outcome: a configuration, or the problem and whether only a change of the spec can fix it. */
    record Outcome(Optional<CoreConfiguration> configuration, String problem, boolean awaitsOtherObject) {
        static Outcome valid(CoreConfiguration configuration) {
            return new Outcome(Optional.of(configuration), null, false);
        }
    }

    private final KubernetesClient client;

    ImsCoreValidation(KubernetesClient client) {
        this.client = client;
    }

    Outcome check(ImsCore core) {
        CoreConfiguration configuration;
        try {
            configuration = DesiredCore.configuration(core);
        } catch (InvalidImsCoreException | InvalidPlacementException e) {
            return new Outcome(Optional.empty(), e.getMessage(), false);
        }
        RegistrationStoreSpec store = core.getSpec().getRegistrationStore();
        if (store != null && store.effectiveType() == RegistrationStoreSpec.Type.EXTERNAL
                && store.getExternal() != null && store.getExternal().getCredentialsSecret() != null) {
            String secret = store.getExternal().getCredentialsSecret().getName();
            String namespace = core.getMetadata().getNamespace();
            if (client.secrets().inNamespace(namespace).withName(secret).get() == null) {
                return new Outcome(Optional.empty(), "spec.registrationStore.external.credentialsSecret: Secret '"
                        + secret + "' not found in namespace " + namespace, true);
            }
        }
        return Outcome.valid(configuration);
    }
}
