package io.kubeims.config;

import io.kubeims.api.v1alpha1.common.SecretReference;
import io.kubeims.api.v1alpha1.imscore.BreakoutSpec;
import io.kubeims.api.v1alpha1.imscore.EnumSpec;
import io.kubeims.api.v1alpha1.imscore.FunctionSpec;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import io.kubeims.api.v1alpha1.imscore.SipServiceSpec;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each spec that cannot work is refused with the field named, in both placements. */
class InvalidImsCoreTest {

    private static InvalidImsCoreException refused(Consumer<ImsCore> change) {
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        change.accept(core);
        InvalidImsCoreException inKubernetes = assertThrows(InvalidImsCoreException.class,
                () -> CoreConfiguration.derive(core, Placement.kubernetes()));
        InvalidImsCoreException locally = assertThrows(InvalidImsCoreException.class,
                () -> CoreConfiguration.derive(core, Placement.local("/srv/ims")));
        assertEquals(inKubernetes.field(), locally.field());
        assertTrue(inKubernetes.getMessage().startsWith(inKubernetes.field() + ": "), inKubernetes.getMessage());
        return inKubernetes;
    }

    @Test
    void noSpec() {
        assertEquals("spec", refused(core -> core.setSpec(null)).field());
    }

    @Test
    void noDomain() {
        assertEquals("spec.domain", refused(core -> core.getSpec().setDomain(null)).field());
    }

    @Test
    void domainSyntax() {
        for (String domain : new String[] {"localhost", "ims..example.com", "ims_example.com", "-ims.example.com",
                "ims.example.com.", "ims example.com", "ims.example.123"}) {
            InvalidImsCoreException e = refused(core -> core.getSpec().setDomain(domain));
            assertEquals("spec.domain", e.field(), domain);
            assertTrue(e.getMessage().contains("'" + domain + "'"), e.getMessage());
        }
        // RFC 1035 2.3.4: 253 characters written is the longest name
        String longest = ("a".repeat(62) + ".").repeat(4) + "c";
        assertEquals(253, longest.length());
        CoreConfiguration.derive(withDomain(longest), Placement.kubernetes());
        assertEquals("spec.domain", refused(core -> core.getSpec().setDomain("b." + longest)).field());
    }

    private static ImsCore withDomain(String domain) {
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        core.getSpec().setDomain(domain);
        return core;
    }

    @Test
    void replicasOutOfRange() {
        assertEquals("spec.scscf.replicas", refused(core -> core.getSpec().getScscf().setReplicas(0)).field());
        assertEquals("spec.hss.replicas",
                refused(core -> core.getSpec().getHss().setReplicas(FunctionSpec.MAX_REPLICAS + 1)).field());
        assertEquals("spec.pcscf.replicas", refused(core -> core.getSpec().getPcscf().setReplicas(-2)).field());
    }

    @Test
    void externalStoreWithoutExternal() {
        assertEquals("spec.registrationStore.external", refused(core -> core.getSpec().getRegistrationStore()
                .setType(RegistrationStoreSpec.Type.EXTERNAL)).field());
    }

    @Test
    void externalStoreUri() {
        assertEquals("spec.registrationStore.external.uri", refused(core -> external(core, null)).field());
        assertEquals("spec.registrationStore.external.uri",
                refused(core -> external(core, "http://infinispan:11222")).field());
    }

    @Test
    void externalStoreUriWithCredentialsIsRefusedWithoutRepeatingThem() {
        InvalidImsCoreException e = refused(core -> external(core, "hotrod://admin:s3cr3t-pw@infinispan:11222"));
        assertEquals("spec.registrationStore.external.uri", e.field());
        assertFalse(e.getMessage().contains("s3cr3t-pw"), e.getMessage());
        assertTrue(e.getMessage().contains("credentialsSecret"), e.getMessage());
    }

    @Test
    void externalStoreSecretName() {
        assertEquals("spec.registrationStore.external.credentialsSecret.name", refused(core -> {
            external(core, "hotrod://infinispan:11222");
            core.getSpec().getRegistrationStore().getExternal().setCredentialsSecret(new SecretReference("Bad_Name"));
        }).field());
    }

    private static void external(ImsCore core, String uri) {
        RegistrationStoreSpec store = core.getSpec().getRegistrationStore();
        store.setType(RegistrationStoreSpec.Type.EXTERNAL);
        RegistrationStoreSpec.External external = new RegistrationStoreSpec.External();
        external.setUri(uri);
        store.setExternal(external);
    }

    @Test
    void infinispanReplicasOutOfRange() {
        assertEquals("spec.registrationStore.infinispanReplicas", refused(core -> {
            core.getSpec().getRegistrationStore().setType(RegistrationStoreSpec.Type.INFINISPAN);
            core.getSpec().getRegistrationStore().setInfinispanReplicas(17);
        }).field());
    }

    @Test
    void enumServerAndSuffix() {
        assertEquals("spec.enum.server", refused(core -> core.getSpec().getEnumLookup().setServer(null)).field());
        assertEquals("spec.enum.server",
                refused(core -> core.getSpec().getEnumLookup().setServer("dns.example.com:70000")).field());
        assertEquals("spec.enum.server",
                refused(core -> core.getSpec().getEnumLookup().setServer("dns server")).field());
        assertEquals("spec.enum.suffix",
                refused(core -> core.getSpec().getEnumLookup().setSuffix("e164 arpa")).field());
        EnumSpec ipv6 = new EnumSpec();
        ipv6.setServer("[2001:db8::53]:5353");
        ImsCore core = ExampleManifests.imsCoreIn("telco");
        core.getSpec().setEnumLookup(ipv6);
        assertEquals("[2001:db8::53]:5353", CoreConfiguration.derive(core, Placement.kubernetes())
                .function(NetworkFunction.SCSCF).properties().get("kubeims.cscf.scscf.enum.server"));
    }

    @Test
    void breakoutUri() {
        assertEquals("spec.breakout.gatewayUri", refused(core -> core.getSpec().setBreakout(new BreakoutSpec()))
                .field());
        assertEquals("spec.breakout.gatewayUri",
                refused(core -> core.getSpec().getBreakout().setGatewayUri("tel:+15551234567")).field());
    }

    @Test
    void pcscfSipService() {
        assertEquals("spec.pcscf.sipService.port",
                refused(core -> core.getSpec().getPcscf().getSipService().setPort(0)).field());
        assertEquals("spec.pcscf.sipService.nodePort", refused(core -> {
            core.getSpec().getPcscf().getSipService().setType(SipServiceSpec.Type.CLUSTER_IP);
            core.getSpec().getPcscf().getSipService().setNodePort(30060);
        }).field());
        assertEquals("spec.pcscf.sipService.nodePort",
                refused(core -> core.getSpec().getPcscf().getSipService().setNodePort(8080)).field());
    }

    @Test
    void pcscfPortTakenByAnotherFunctionLocally() {
        ImsCore core = ExampleManifests.imsCore();
        core.getSpec().getPcscf().getSipService().setPort(6060);
        InvalidImsCoreException e = assertThrows(InvalidImsCoreException.class,
                () -> CoreConfiguration.derive(core, Placement.local("/srv/ims")));
        assertEquals("spec.pcscf.sipService.port: 6060 is the S-CSCF's SIP port in local mode", e.getMessage());
        // in a cluster every function has its own pod IP: no clash
        core.getMetadata().setNamespace("telco");
        assertEquals("6060", CoreConfiguration.derive(core, Placement.kubernetes())
                .function(NetworkFunction.PCSCF).properties().get("kubeims.cscf.sip.port"));
    }

    @Test
    void pcscfPortTakenByItsOwnHttpPortInKubernetes() {
        assertEquals("spec.pcscf.sipService.port",
                refused(core -> core.getSpec().getPcscf().getSipService().setPort(8080)).field());
    }

    @Test
    void coreNameThatCannotNameServices() {
        assertEquals("metadata.name", refused(core -> core.getMetadata().setName(null)).field());
        assertEquals("metadata.name", refused(core -> core.getMetadata().setName("ims.lab")).field());
        assertEquals("metadata.name", refused(core -> core.getMetadata().setName("7lab")).field());
        assertEquals("metadata.name",
                refused(core -> core.getMetadata().setName("a".repeat(CoreNames.MAX_CORE_NAME + 1))).field());
    }

    @Test
    void kubernetesNeedsTheNamespace() {
        ImsCore core = ExampleManifests.imsCore();
        InvalidImsCoreException e = assertThrows(InvalidImsCoreException.class,
                () -> CoreConfiguration.derive(core, Placement.kubernetes()));
        assertEquals("metadata.namespace", e.field());
    }
}
