package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreNames;
import io.kubeims.config.NetworkFunction;

/**
 * A function's PodDisruptionBudget: a voluntary eviction (node drain) takes one replica at a time, so a pool with
 * more than one replica keeps serving. One subclass per function.
 */
public abstract class FunctionDisruptionBudgetDependent
        extends CRUDKubernetesDependentResource<PodDisruptionBudget, ImsCore> {

    private final NetworkFunction function;

    protected FunctionDisruptionBudgetDependent(NetworkFunction function) {
        super(PodDisruptionBudget.class);
        this.function = function;
    }

    @Override
    protected PodDisruptionBudget desired(ImsCore core, Context<ImsCore> context) {
        CoreNames names = DesiredCore.names(core);
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName(names.deploymentName(function))
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(DesiredCore.labels(names, function))
                .endMetadata()
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(names.selectorLabels(function)).endSelector()
                .endSpec()
                .build();
    }

    /** The HSS. */
    public static class Hss extends FunctionDisruptionBudgetDependent {
        public Hss() {
            super(NetworkFunction.HSS);
        }
    }

    /** The P-CSCF. */
    public static class Pcscf extends FunctionDisruptionBudgetDependent {
        public Pcscf() {
            super(NetworkFunction.PCSCF);
        }
    }

    /** The I-CSCF. */
    public static class Icscf extends FunctionDisruptionBudgetDependent {
        public Icscf() {
            super(NetworkFunction.ICSCF);
        }
    }

    /** The S-CSCF. */
    public static class Scscf extends FunctionDisruptionBudgetDependent {
        public Scscf() {
            super(NetworkFunction.SCSCF);
        }
    }
}
