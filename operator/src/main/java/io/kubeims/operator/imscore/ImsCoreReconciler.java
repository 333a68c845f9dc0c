package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.ImsCoreStatus;
import io.kubeims.api.v1alpha1.imscore.PcscfSpec;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.CoreNames;
import io.kubeims.config.NetworkFunction;
import io.kubeims.operator.common.ConditionWriter;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reconciles an ImsCore into a running core: per function a ConfigMap, Deployment, Service, PodDisruptionBudget and
 * NetworkPolicy, the generated Secrets (HSS API token, P-CSCF flow-token key, S-CSCF ODI key) and, for
 * {@code registrationStore.type: infinispan}, the credentials and either an {@code Infinispan} CR (when the
 * Infinispan Operator's CRD is installed) or an Infinispan Server StatefulSet with its headless Service. The workflow runs only for a spec that passed {@link ImsCoreValidation}: an invalid spec leaves the
 * running core as it is and says why in the Degraded condition (no exception, no retry storm). Everything else of
 * {@code reconcile()} is building the status.
 */
@ControllerConfiguration(name = ImsCoreReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "hss-api-token", type = GeneratedSecretDependent.HssApiToken.class),
        @Dependent(name = "pcscf-flow-token", type = GeneratedSecretDependent.PcscfFlowTokenKey.class),
        @Dependent(name = "scscf-odi", type = GeneratedSecretDependent.ScscfOdiKey.class),
        @Dependent(name = "infinispan-credentials", type = GeneratedSecretDependent.InfinispanCredentials.class,
                reconcilePrecondition = OperatorInfinispanStore.class),
        @Dependent(name = "infinispan-service", type = InfinispanServiceDependent.class,
                reconcilePrecondition = InfinispanOperatorCrd.OwnInfinispanServer.class),
        @Dependent(name = "infinispan-statefulset", type = InfinispanStatefulSetDependent.class,
                reconcilePrecondition = InfinispanOperatorCrd.OwnInfinispanServer.class,
                dependsOn = {"infinispan-credentials", "infinispan-service"}),
        @Dependent(name = "infinispan-cr", type = InfinispanCustomResourceDependent.class,
                activationCondition = InfinispanOperatorCrd.Installed.class,
                reconcilePrecondition = OperatorInfinispanStore.class,
                dependsOn = "infinispan-credentials"),
        @Dependent(name = "hss-config", type = FunctionConfigMapDependent.Hss.class),
        @Dependent(name = "pcscf-config", type = FunctionConfigMapDependent.Pcscf.class),
        @Dependent(name = "icscf-config", type = FunctionConfigMapDependent.Icscf.class),
        @Dependent(name = "scscf-config", type = FunctionConfigMapDependent.Scscf.class),
        @Dependent(name = "hss-deployment", type = FunctionDeploymentDependent.Hss.class,
                dependsOn = {"hss-config", "hss-api-token"}),
        @Dependent(name = "pcscf-deployment", type = FunctionDeploymentDependent.Pcscf.class,
                dependsOn = {"pcscf-config", "pcscf-flow-token"}),
        @Dependent(name = "icscf-deployment", type = FunctionDeploymentDependent.Icscf.class,
                dependsOn = "icscf-config"),
        @Dependent(name = "scscf-deployment", type = FunctionDeploymentDependent.Scscf.class,
                dependsOn = {"scscf-config", "scscf-odi"}),
        @Dependent(name = "hss-service", type = FunctionServiceDependent.Hss.class),
        @Dependent(name = "pcscf-service", type = FunctionServiceDependent.Pcscf.class),
        @Dependent(name = "icscf-service", type = FunctionServiceDependent.Icscf.class),
        @Dependent(name = "scscf-service", type = FunctionServiceDependent.Scscf.class),
        @Dependent(name = "hss-pdb", type = FunctionDisruptionBudgetDependent.Hss.class),
        @Dependent(name = "pcscf-pdb", type = FunctionDisruptionBudgetDependent.Pcscf.class),
        @Dependent(name = "icscf-pdb", type = FunctionDisruptionBudgetDependent.Icscf.class),
        @Dependent(name = "scscf-pdb", type = FunctionDisruptionBudgetDependent.Scscf.class),
        @Dependent(name = "hss-network-policy", type = FunctionNetworkPolicyDependent.Hss.class),
        @Dependent(name = "pcscf-network-policy", type = FunctionNetworkPolicyDependent.Pcscf.class),
        @Dependent(name = "icscf-network-policy", type = FunctionNetworkPolicyDependent.Icscf.class),
        @Dependent(name = "scscf-network-policy", type = FunctionNetworkPolicyDependent.Scscf.class),
})
public class ImsCoreReconciler implements Reconciler<ImsCore> {

    /** The controller's name (configuration keys {@code quarkus.operator-sdk.controllers.imscore.*}). */
    public static final String NAME = "imscore";

    /** A referenced Secret that is missing is looked for again this often (no informer on every Secret). */
    static final Duration MISSING_SECRET_RECHECK = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ImsCoreReconciler.class);

    private final ImsCoreStatusBuilder statusBuilder = new ImsCoreStatusBuilder(new ConditionWriter(Clock.systemUTC()));

    @Override
    public UpdateControl<ImsCore> reconcile(ImsCore core, Context<ImsCore> context) {
        ImsCoreValidation.Outcome outcome = new ImsCoreValidation(context.getClient()).check(core);
        ImsCoreStatus status;
        UpdateControl<ImsCore> control;
        if (outcome.configuration().isEmpty()) {
            status = statusBuilder.invalidSpec(core, outcome.problem());
            control = outcome.awaitsOtherObject() ? UpdateControl.<ImsCore>noUpdate()
                    .rescheduleAfter(MISSING_SECRET_RECHECK) : UpdateControl.noUpdate();
        } else {
            CoreConfiguration configuration = outcome.configuration().get();
            context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
            CoreNames names = configuration.names();
            Map<String, Deployment> deployments = new TreeMap<>();
            context.getSecondaryResourcesAsStream(Deployment.class)
                    .forEach(d -> deployments.put(d.getMetadata().getName(), d));
            Service pcscf = context.getSecondaryResourcesAsStream(Service.class)
                    .filter(s -> names.serviceName(NetworkFunction.PCSCF).equals(s.getMetadata().getName()))
                    .findFirst().orElse(null);
            status = statusBuilder.reconciled(core, names, deployments, pcscf, pcscfPort(core),
                    configuration.warnings());
            control = UpdateControl.noUpdate();
        }
        return withStatus(core, status, context, control);
    }

    @Override
    public ErrorStatusUpdateControl<ImsCore> updateErrorStatus(ImsCore core, Context<ImsCore> context, Exception e) {
        LOG.warnf("ImsCore %s/%s not reconciled: %s", core.getMetadata().getNamespace(), core.getMetadata().getName(),
                e.getMessage());
        ImsCoreStatus status = statusBuilder.reconcileError(core, String.valueOf(e.getMessage()));
        new ImsCoreEvents(context.getClient()).transitions(core, core.getStatus(), status);
        core.setStatus(status);
        return ErrorStatusUpdateControl.patchStatus(core);
    }

    private static UpdateControl<ImsCore> withStatus(ImsCore core, ImsCoreStatus status, Context<ImsCore> context,
            UpdateControl<ImsCore> control) {
        if (ImsCoreStatusBuilder.same(core.getStatus(), status)) {
            return control;
        }
        new ImsCoreEvents(context.getClient()).transitions(core, core.getStatus(), status);
        core.setStatus(status);
        UpdateControl<ImsCore> patch = UpdateControl.patchStatus(core);
        return control.getScheduleDelay().map(patch::rescheduleAfter).orElse(patch);
    }

    private static int pcscfPort(ImsCore core) {
        PcscfSpec pcscf = core.getSpec().getPcscf();
        return pcscf == null || pcscf.getSipService() == null ? 5060 : pcscf.getSipService().effectivePort();
    }
}
