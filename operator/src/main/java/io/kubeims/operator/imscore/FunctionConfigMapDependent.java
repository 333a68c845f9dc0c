package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.NetworkFunction;

/**
 * A function's ConfigMap: its derived {@code application.properties} under {@link FunctionConfiguration#CONFIG_MAP_KEY},
 * mounted where {@code QUARKUS_CONFIG_LOCATIONS} points. Holds no secret value: the properties name files and
 * variables. One subclass per function.
 */
public abstract class FunctionConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, ImsCore> {

    private final NetworkFunction function;

    protected FunctionConfigMapDependent(NetworkFunction function) {
        super(ConfigMap.class);
        this.function = function;
    }

    @Override
    protected ConfigMap desired(ImsCore core, Context<ImsCore> context) {
        CoreConfiguration configuration = DesiredCore.configuration(core);
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(configuration.names().configMapName(function))
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.labels(configuration.names(), function))
                .endMetadata()
                .addToData(FunctionConfiguration.CONFIG_MAP_KEY,
                        configuration.function(function).asApplicationProperties())
                .build();
    }

    /** The HSS's configuration. */
    public static class Hss extends FunctionConfigMapDependent {
        public Hss() {
            super(NetworkFunction.HSS);
        }
    }

    /** The P-CSCF's configuration. */
    public static class Pcscf extends FunctionConfigMapDependent {
        public Pcscf() {
            super(NetworkFunction.PCSCF);
        }
    }

    /** The I-CSCF's configuration. */
    public static class Icscf extends FunctionConfigMapDependent {
        public Icscf() {
            super(NetworkFunction.ICSCF);
        }
    }

    /** The S-CSCF's configuration. */
    public static class Scscf extends FunctionConfigMapDependent {
        public Scscf() {
            super(NetworkFunction.SCSCF);
        }
    }
}
