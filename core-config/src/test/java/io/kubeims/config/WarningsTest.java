package io.kubeims.config;

import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Specs that work but are probably not meant give warnings (for the operator's condition), not errors. */
class WarningsTest {

    private static List<String> fields(List<ConfigurationWarning> warnings) {
        return warnings.stream().map(ConfigurationWarning::field).toList();
    }

    @Test
    void embeddedStoreWithSeveralReplicasOfAStatefulFunction() {
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        core.getSpec().getScscf().setReplicas(3);
        core.getSpec().getPcscf().setReplicas(2);
        core.getSpec().getIcscf().setReplicas(4);   // stateless: no warning
        CoreConfiguration derived = CoreConfiguration.derive(core, Placement.kubernetes());
        assertEquals(List.of("spec.pcscf.replicas", "spec.scscf.replicas"), fields(derived.warnings()));
        assertTrue(derived.warnings().get(1).message().startsWith("3 replicas with an embedded registration store"),
                derived.warnings().get(1).message());
    }

    @Test
    void sharedStoresSilenceTheReplicaWarning() {
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        core.getSpec().getScscf().setReplicas(3);
        core.getSpec().getRegistrationStore().setType(RegistrationStoreSpec.Type.INFINISPAN);
        assertEquals(List.of(), CoreConfiguration.derive(core, Placement.kubernetes()).warnings());
    }

    @Test
    void localModeRunsOneProcessPerFunctionAndNoInfinispanServer() {
        ImsCore core = ExampleManifests.imsCore();
        core.getSpec().getHss().setReplicas(2);
        core.getSpec().getRegistrationStore().setType(RegistrationStoreSpec.Type.INFINISPAN);
        CoreConfiguration derived = CoreConfiguration.derive(core, Placement.local("/srv/ims"));
        assertEquals(List.of("spec.hss.replicas", "spec.registrationStore.type"), fields(derived.warnings()));
        assertEquals("embedded", derived.function(NetworkFunction.SCSCF).properties()
                .get("kubeims.cscf.store.mode"));
        assertEquals("/srv/ims/scscf", derived.function(NetworkFunction.SCSCF).properties()
                .get("kubeims.cscf.store.data-dir"));
    }

    @Test
    void settingsOfAnotherStoreTypeAreIgnoredWithAWarning() {
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        core.getSpec().getRegistrationStore().setInfinispanReplicas(3);
        RegistrationStoreSpec.External external = new RegistrationStoreSpec.External();
        external.setUri("hotrod://infinispan:11222");
        core.getSpec().getRegistrationStore().setExternal(external);
        assertEquals(List.of("spec.registrationStore.infinispanReplicas", "spec.registrationStore.external"),
                fields(CoreConfiguration.derive(core, Placement.kubernetes()).warnings()));
    }
}
