package io.kubeims.protocol.ifc;

import java.util.HashSet;
import java.util.List;

/**
 * The IMS subscription of one private identity (TS 29.228 Annex B.2 {@code IMSSubscription}), the content
 * of the Cx User-Data AVP.
 *
 * @param privateId the private user identity (IMPI, an NAI)
 * @param serviceProfiles at least one; a public identity appears in only one of them
 */
public record ImsSubscription(String privateId, List<ServiceProfile> serviceProfiles) {

    /** @throws InvalidIfcException if the private identity is blank, no profile is given, or an IMPU repeats */
    public ImsSubscription {
        FieldChecks.token(privateId, "PrivateID");
        for (int i = 0; i < privateId.length(); i++) {
            if (Character.isWhitespace(privateId.charAt(i))) {
                throw new InvalidIfcException("PrivateID '" + privateId + "' contains whitespace");
            }
        }
        serviceProfiles = FieldChecks.listOf(serviceProfiles, "ServiceProfile");
        if (serviceProfiles.isEmpty()) {
            throw new InvalidIfcException("IMSSubscription of " + privateId + " has no ServiceProfile");
        }
        var seen = new HashSet<String>();
        for (ServiceProfile profile : serviceProfiles) {
            for (PublicIdentity publicIdentity : profile.publicIdentities()) {
                if (!seen.add(publicIdentity.identity())) {
                    throw new InvalidIfcException("PublicIdentity " + publicIdentity.identity()
                            + " appears more than once in the IMSSubscription of " + privateId);
                }
            }
        }
    }
}
