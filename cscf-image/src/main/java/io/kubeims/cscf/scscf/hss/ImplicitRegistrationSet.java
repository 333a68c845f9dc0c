package io.kubeims.cscf.scscf.hss;

import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The implicit registration set (TS 23.228 4.3.3.1, TS 29.228 6.5) a Cx-User-Data document describes: the public
 * user identities of all its service profiles (IdentityType 0 and 3, i.e. IMPUs; PSIs and wildcarded identities
 * are not registered), barred ones included (they are registered, only not used for sessions, TS 29.228 6.1.2), in
 * document order. The registrar should store the set of an SAA's User-Data by the same rule, so that a PPR compares
 * like with like.
 */
public final class ImplicitRegistrationSet {

    private ImplicitRegistrationSet() {
    }

    /** The identities in document order, each once; empty when the document has no IMPU. */
    public static List<String> of(ImsSubscription subscription) {
        List<String> set = new ArrayList<>();
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            for (PublicIdentity identity : profile.publicIdentities()) {
                boolean impu = identity.identityType() == IdentityType.PUBLIC_USER_IDENTITY
                        || identity.identityType() == IdentityType.NON_DISTINCT_IMPU;
                if (impu && !set.contains(identity.identity())) {
                    set.add(identity.identity());
                }
            }
        }
        return List.copyOf(set);
    }
}
