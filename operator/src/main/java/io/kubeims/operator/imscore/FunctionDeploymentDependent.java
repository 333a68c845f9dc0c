package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.kubeims.api.v1alpha1.imscore.FunctionSpec;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.CoreNames;
import io.kubeims.config.EnvironmentVariable;
import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.FunctionPort;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;
import io.kubeims.config.SecretFile;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's Deployment: replicas and resources from the spec; the derived {@code application.properties} from
 * the function's ConfigMap ({@code QUARKUS_CONFIG_LOCATIONS}); the variables and Secret files the configuration
 * refers to; probes on Quarkus' health endpoints; a preStop sleep so that the Service stops sending before SIP
 * transactions are cut; replicas spread over nodes. The pod template carries a hash of the configuration, so a
 * change of it (e.g. the domain) rolls the pods, while a change of another function's replicas does not.
 */
public abstract class FunctionDeploymentDependent extends CRUDKubernetesDependentResource<Deployment, ImsCore> {

    /** Where the ConfigMap is mounted. */
    static final String CONFIG_DIRECTORY = "/etc/kube-ims";
    static final String LIVENESS_PATH = "/q/health/live";
    static final String READINESS_PATH = "/q/health/ready";
    /**
     * Seconds a terminating pod keeps serving after it left the Service's endpoints: longer than a SIP INVITE
     * client transaction needs to see its final answer in the normal case (RFC 3261 17.1.1.2, Timer B is 32 s, but
     * a non-ringing INVITE is answered in well under that).
     */
    static final int PRE_STOP_DRAIN_SECONDS = 15;

    private final NetworkFunction function;

    protected FunctionDeploymentDependent(NetworkFunction function) {
        super(Deployment.class);
        this.function = function;
    }

    @Override
    protected Deployment desired(ImsCore core, Context<ImsCore> context) {
        CoreConfiguration configuration = DesiredCore.configuration(core);
        CoreNames names = configuration.names();
        FunctionConfiguration fc = configuration.function(function);
        FunctionSpec spec = DesiredCore.functionSpec(core, function);
        Map<String, String> labels = DesiredCore.labels(names, function);

        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName("config").withNewConfigMap()
                .withName(names.configMapName(function)).endConfigMap().build());
        mounts.add(new VolumeMountBuilder().withName("config").withMountPath(CONFIG_DIRECTORY).withReadOnly(true)
                .build());
        secretVolumes(fc, names, volumes, mounts);
        fc.dataDirectory().ifPresent(directory -> {
            volumes.add(new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build());
            mounts.add(new VolumeMountBuilder().withName("data").withMountPath(Placement.Kubernetes.DATA_ROOT)
                    .build());
        });

        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder().withName("QUARKUS_CONFIG_LOCATIONS")
                .withValue(CONFIG_DIRECTORY + "/" + FunctionConfiguration.CONFIG_MAP_KEY).build());
        fc.environment().forEach(variable -> env.add(envVar(variable)));

        int httpPort = Placement.Kubernetes.HTTP_PORT;
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(names.deploymentName(function))
                .withNamespace(core.getMetadata().getNamespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(spec.effectiveReplicas())
                .withNewSelector().withMatchLabels(names.selectorLabels(function)).endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .addToAnnotations(DesiredCore.CONFIG_HASH, DesiredCore.configHash(fc))
                .endMetadata()
                .withNewSpec()
                .withTerminationGracePeriodSeconds((long) PRE_STOP_DRAIN_SECONDS + 30)
                .withNewAffinity().withNewPodAntiAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                .withWeight(100)
                .withNewPodAffinityTerm()
                .withTopologyKey("kubernetes.io/hostname")
                .withNewLabelSelector().withMatchLabels(names.selectorLabels(function)).endLabelSelector()
                .endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity().endAffinity()
                .addToContainers(new ContainerBuilder()
                        .withName(function.id())
                        .withImage(image(spec))
                        .withEnv(env)
                        .withPorts(fc.ports().stream().map(FunctionDeploymentDependent::containerPort).toList())
                        .withResources(spec.getResources() == null ? new ResourceRequirements()
                                : spec.getResources())
                        .withLivenessProbe(probe(LIVENESS_PATH, httpPort, 3))
                        .withReadinessProbe(probe(READINESS_PATH, httpPort, 1))
                        .withNewLifecycle().withNewPreStop().withNewSleep()
                        .withSeconds((long) PRE_STOP_DRAIN_SECONDS).endSleep().endPreStop().endLifecycle()
                        .withVolumeMounts(mounts)
                        .build())
                .withVolumes(volumes)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** One volume per Secret, mounted at the directory of its files, holding only the keys the function reads. */
    private void secretVolumes(FunctionConfiguration fc, CoreNames names, List<Volume> volumes,
            List<VolumeMount> mounts) {
        Map<String, List<SecretFile>> bySecret = new LinkedHashMap<>();
        fc.secretFiles().forEach(file -> bySecret.computeIfAbsent(file.secretName(), s -> new ArrayList<>())
                .add(file));
        int index = 0;
        for (Map.Entry<String, List<SecretFile>> secret : bySecret.entrySet()) {
            String volume = "secret-" + index++;
            Path directory = Path.of(secret.getValue().get(0).path()).getParent();
            volumes.add(new VolumeBuilder().withName(volume).withNewSecret().withSecretName(secret.getKey())
                    .withItems(secret.getValue().stream().map(file -> new io.fabric8.kubernetes.api.model.KeyToPath(
                            file.key(), null, Path.of(file.path()).getFileName().toString())).toList())
                    .endSecret().build());
            mounts.add(new VolumeMountBuilder().withName(volume).withMountPath(directory.toString())
                    .withReadOnly(true).build());
        }
    }

    private static EnvVar envVar(EnvironmentVariable variable) {
        EnvVarBuilder env = new EnvVarBuilder().withName(variable.name());
        if (variable.source() instanceof EnvironmentVariable.PodField field) {
            env.withNewValueFrom().withNewFieldRef().withFieldPath(field.fieldPath()).endFieldRef().endValueFrom();
        } else if (variable.source() instanceof EnvironmentVariable.SecretKey key) {
            env.withNewValueFrom().withNewSecretKeyRef().withName(key.secretName()).withKey(key.key())
                    .endSecretKeyRef().endValueFrom();
        }
        return env.build();
    }

    private static io.fabric8.kubernetes.api.model.ContainerPort containerPort(FunctionPort port) {
        return new ContainerPortBuilder().withName(port.name()).withProtocol(port.protocol().name())
                .withContainerPort(port.port()).build();
    }

    private static Probe probe(String path, int port, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(port)).endHttpGet()
                .withInitialDelaySeconds(5).withPeriodSeconds(10).withTimeoutSeconds(3)
                .withFailureThreshold(failureThreshold).build();
    }

    /** The spec's image, else the operator's default for the function's image (HSS or CSCF). */
    private String image(FunctionSpec spec) {
        if (spec.getImage() != null && !spec.getImage().isBlank()) {
            return spec.getImage();
        }
        String key = function == NetworkFunction.HSS ? "kubeims.operator.images.hss" : "kubeims.operator.images.cscf";
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    /** The HSS. */
    public static class Hss extends FunctionDeploymentDependent {
        public Hss() {
            super(NetworkFunction.HSS);
        }
    }

    /** The P-CSCF. */
    public static class Pcscf extends FunctionDeploymentDependent {
        public Pcscf() {
            super(NetworkFunction.PCSCF);
        }
    }

    /** The I-CSCF. */
    public static class Icscf extends FunctionDeploymentDependent {
        public Icscf() {
            super(NetworkFunction.ICSCF);
        }
    }

    /** The S-CSCF. */
    public static class Scscf extends FunctionDeploymentDependent {
        public Scscf() {
            super(NetworkFunction.SCSCF);
        }
    }
}
