package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/subscribers/{impi}}: the whole subscriber. {@code toString()} redacts the
 * credentials.
 *
 * @param privateIdentity       optional; when given it must equal the IMPI of the path
 * @param publicIdentities      the implicit registration set, default identity first (Subscriber CRD model)
 * @param barred                bar the whole subscription; false when absent
 * @param auth                  credentials; required on creation, and when absent on replacement the stored ones
 *                              are kept (they cannot be read back, so a client may PUT what it GETs)
 * @param initialFilterCriteria the iFCs in the IfcProfile JSON model; none when absent
 */
public record SubscriberRequest(String privateIdentity, List<PublicIdentitySpec> publicIdentities, Boolean barred,
        CredentialsRequest auth, List<InitialFilterCriterionSpec> initialFilterCriteria) {

    @Override
    public String toString() {
        return "SubscriberRequest[privateIdentity=" + privateIdentity + ", publicIdentities="
                + (publicIdentities == null ? null : publicIdentities.size()) + ", barred=" + barred + ", auth="
                + auth + "]";
    }
}
