package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.scscf.auth.UnusableHssAnswerException;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.xml.CxUserDataException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The public user identities registered together with the one in To (TS 23.228 4.3.3.1, TS 29.228 6.1.2): the
 * distinct public user identities of the Cx-User-Data the HSS sent in the SAA (or a PPR), in the HSS's order (the first is the
 * default identity), with their barring.
 *
 * @param identities the identities, default first, none twice
 * @param barred     those with BarringIndication set
 */
public record ImplicitRegistrationSet(List<String> identities, Set<String> barred) {

    public ImplicitRegistrationSet {
        identities = List.copyOf(identities);
        barred = Set.copyOf(barred);
    }

    /**
     * Reads the set from a Cx-User-Data document.
     *
     * @param registered the public identity registered, which must be in it
     * @throws UnusableHssAnswerException if the document does not parse or lacks {@code registered}
     */
    public static ImplicitRegistrationSet read(CxUserDataReader reader, String userData, String registered)
            throws UnusableHssAnswerException {
        ImsSubscription subscription;
        try {
            subscription = reader.read(userData);
        } catch (CxUserDataException e) {
            throw new UnusableHssAnswerException(CxCommand.SERVER_ASSIGNMENT, "User-Data unreadable: "
                    + e.getMessage(), e);
        }
        ImplicitRegistrationSet set = of(subscription);
        if (!set.identities().contains(registered)) {
            throw new UnusableHssAnswerException(CxCommand.SERVER_ASSIGNMENT, "User-Data does not list the "
                    + "registered public identity " + registered);
        }
        return set;
    }

    /**
     * The set a Cx-User-Data document describes: the public user identities of all its service profiles
     * (IdentityType 0 and 3; PSIs and wildcarded identities are not registered), barred ones included (registered,
     * only not used for sessions, TS 29.228 6.1.2), in document order, each once. The registrar (SAA) and the PPR
     * handler both use this rule, so a PPR compares like with like.
     */
    public static ImplicitRegistrationSet of(ImsSubscription subscription) {
        Set<String> identities = new LinkedHashSet<>();
        Set<String> barred = new LinkedHashSet<>();
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            for (PublicIdentity identity : profile.publicIdentities()) {
                boolean impu = identity.identityType() == IdentityType.PUBLIC_USER_IDENTITY
                        || identity.identityType() == IdentityType.NON_DISTINCT_IMPU;
                if (!impu) {
                    continue;
                }
                identities.add(identity.identity());
                if (identity.barringIndication()) {
                    barred.add(identity.identity());
                }
            }
        }
        return new ImplicitRegistrationSet(new ArrayList<>(identities), barred);
    }

    /**
     * The P-Associated-URI values of the 200 (TS 24.229 5.4.1.2.2): the set without barred identities, the default
     * identity first as the HSS ordered them.
     */
    public List<String> associatedUris() {
        return identities.stream().filter(identity -> !barred.contains(identity)).toList();
    }
}
