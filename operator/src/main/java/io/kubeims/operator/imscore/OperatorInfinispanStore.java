package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;

/**
 * Precondition of the Infinispan Server objects: {@code spec.registrationStore.type} is {@code infinispan}. When it is
 * not (any more), the objects are deleted.
 */
public class OperatorInfinispanStore implements Condition<HasMetadata, ImsCore> {

    @Override
    public boolean isMet(DependentResource<HasMetadata, ImsCore> dependentResource, ImsCore core,
            Context<ImsCore> context) {
        return DesiredCore.storeType(core) == RegistrationStoreSpec.Type.INFINISPAN;
    }
}
