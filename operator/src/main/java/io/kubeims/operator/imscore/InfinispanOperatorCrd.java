package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.kubeims.api.v1alpha1.imscore.ImsCore;

/**
 * Whether the Infinispan Operator's CRD ({@code infinispans.infinispan.org}) is installed: then an infinispan
 * registration store is an {@code Infinispan} CR, else the operator's own StatefulSet. Asked once per reconciliation
 * (the answer is kept in the reconciliation's context), so every condition of one pass sees the same answer.
 */
public final class InfinispanOperatorCrd {

    /** The Infinispan Operator's CRD. */
    public static final String NAME = "infinispans.infinispan.org";

    private static final String CONTEXT_KEY = InfinispanOperatorCrd.class.getName();

    private InfinispanOperatorCrd() {
    }

    /** Whether the CRD exists, read from the API server at most once per reconciliation. */
    static boolean installed(Context<ImsCore> context) {
        ManagedWorkflowAndDependentResourceContext pass = context.managedWorkflowAndDependentResourceContext();
        return pass.get(CONTEXT_KEY, Boolean.class).orElseGet(() -> {
            boolean installed = context.getClient().apiextensions().v1().customResourceDefinitions().withName(NAME)
                    .get() != null;
            pass.put(CONTEXT_KEY, installed);
            return installed;
        });
    }

    /** Activation condition of the {@code Infinispan} CR: its CRD is installed (no informer on a missing type). */
    public static class Installed implements Condition<HasMetadata, ImsCore> {
        @Override
        public boolean isMet(DependentResource<HasMetadata, ImsCore> dependentResource, ImsCore core,
                Context<ImsCore> context) {
            return installed(context);
        }
    }

    /**
     * Precondition of the operator's own Infinispan Server (StatefulSet, headless Service): an infinispan store and no
     * Infinispan Operator. When either stops holding, the objects are deleted.
     */
    public static class OwnInfinispanServer implements Condition<HasMetadata, ImsCore> {
        private final OperatorInfinispanStore store = new OperatorInfinispanStore();

        @Override
        public boolean isMet(DependentResource<HasMetadata, ImsCore> dependentResource, ImsCore core,
                Context<ImsCore> context) {
            return store.isMet(dependentResource, core, context) && !installed(context);
        }
    }
}
