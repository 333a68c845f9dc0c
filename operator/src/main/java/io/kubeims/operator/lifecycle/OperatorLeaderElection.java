package io.kubeims.operator.lifecycle;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leader election of the operator's replicas on a coordination.k8s.io Lease in the operator's own namespace: only
 * the leader reconciles, a standby takes over when the lease expires. The operator SDK activates it in the profiles
 * of {@code quarkus.operator-sdk.activate-leader-election-for-profiles} (prod by default; tests run without).
 */
public class OperatorLeaderElection {

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "kubeims.operator.leader-election.lease-name",
                    defaultValue = "kube-ims-operator") String leaseName) {
        return new LeaderElectionConfiguration(leaseName);
    }
}
