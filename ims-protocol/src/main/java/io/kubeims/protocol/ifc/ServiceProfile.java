package io.kubeims.protocol.ifc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service profile (TS 29.228 Annex B.2 {@code ServiceProfile}): public identities sharing one set of
 * iFCs.
 *
 * @param publicIdentities at least one
 * @param coreNetworkServicesAuthorization or null if absent
 * @param initialFilterCriteria the iFCs, in document order; their priorities are unique
 */
public record ServiceProfile(List<PublicIdentity> publicIdentities,
        CoreNetworkServicesAuthorization coreNetworkServicesAuthorization,
        List<InitialFilterCriteria> initialFilterCriteria) {

    /** @throws InvalidIfcException if there is no public identity or two iFCs share a priority */
    public ServiceProfile {
        publicIdentities = FieldChecks.listOf(publicIdentities, "ServiceProfile PublicIdentity");
        if (publicIdentities.isEmpty()) {
            throw new InvalidIfcException("ServiceProfile has no PublicIdentity");
        }
        initialFilterCriteria = FieldChecks.listOf(initialFilterCriteria, "ServiceProfile InitialFilterCriteria");
        // Priorities order the iFCs and name the resume point after an AS (TS 24.229 5.4.3.2); a tie
        // would make both ambiguous.
        Map<Integer, InitialFilterCriteria> byPriority = new HashMap<>();
        for (InitialFilterCriteria ifc : initialFilterCriteria) {
            InitialFilterCriteria other = byPriority.putIfAbsent(ifc.priority(), ifc);
            if (other != null) {
                throw new InvalidIfcException("two iFCs of the service profile of "
                        + publicIdentities.get(0).identity() + " have Priority " + ifc.priority() + " ("
                        + other.applicationServer().serverName() + " and " + ifc.applicationServer().serverName()
                        + ")");
            }
        }
    }
}
