package io.kubeims.hss.subscriber;

import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.InvalidIfcException;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One provisioned IMS subscription (TS 29.228 section 7, TS 23.228 4.3.3.1): a private identity whose public
 * identities form one implicit registration set and share one service profile of iFCs. {@code toString()} redacts
 * the credentials.
 *
 * @param privateIdentity       IMPI, username@realm
 * @param publicIdentities      IMPUs in order (the first is the default identity), at least one, each once
 * @param barred                the whole subscription is barred: no registration, no sessions
 * @param credentials           AKA keys or SIP Digest password
 * @param initialFilterCriteria the service profile's iFCs (unique priorities), possibly empty
 */
public record Subscriber(String privateIdentity, List<PublicUserIdentity> publicIdentities, boolean barred,
        Credentials credentials, List<InitialFilterCriteria> initialFilterCriteria) {

    /**
     * @throws InvalidIdentityException    if the private identity is malformed
     * @throws InvalidSubscriberException  if there is no public identity, one repeats or a list holds null
     * @throws InvalidCredentialsException if the credentials are missing
     * @throws InvalidIfcException         if two iFCs share a priority or the data cannot form Cx-User-Data
     */
    public Subscriber {
        IdentitySyntax.requirePrivateIdentity("privateIdentity", privateIdentity);
        publicIdentities = copy(publicIdentities, "publicIdentities");
        if (publicIdentities.isEmpty()) {
            throw new InvalidSubscriberException("publicIdentities", "at least one public identity is required");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < publicIdentities.size(); i++) {
            String identity = publicIdentities.get(i).identity();
            if (!seen.add(identity)) {
                throw new InvalidSubscriberException("publicIdentities[" + i + "]",
                        "'" + identity + "' is listed more than once");
            }
        }
        if (credentials == null) {
            throw new InvalidCredentialsException("credentials", "are required");
        }
        initialFilterCriteria = copy(initialFilterCriteria, "initialFilterCriteria");
        // Building the Cx view applies TS 29.228's own rules (e.g. unique iFC priorities) here, at provisioning,
        // rather than at the first SAR.
        toImsSubscription(privateIdentity, publicIdentities, initialFilterCriteria);
    }

    /** The default public identity: the first one (TS 23.228 4.3.3.1 default IMPU of the implicit set). */
    public PublicUserIdentity defaultPublicIdentity() {
        return publicIdentities.get(0);
    }

    /** The IMPU strings, in order. */
    public List<String> publicIdentityUris() {
        return publicIdentities.stream().map(PublicUserIdentity::identity).toList();
    }

    /** The provisioned public identity with exactly this URI, if any. */
    public Optional<PublicUserIdentity> publicIdentity(String identity) {
        return publicIdentities.stream().filter(p -> p.identity().equals(identity)).findFirst();
    }

    /**
     * The subscription as Cx-User-Data (TS 29.228 Annex B): one service profile holding the whole implicit
     * registration set and the iFCs, the document an SAA carries.
     */
    public ImsSubscription imsSubscription() {
        return toImsSubscription(privateIdentity, publicIdentities, initialFilterCriteria);
    }

    private static ImsSubscription toImsSubscription(String impi, List<PublicUserIdentity> impus,
            List<InitialFilterCriteria> ifcs) {
        List<PublicIdentity> cx = new ArrayList<>(impus.size());
        for (PublicUserIdentity impu : impus) {
            cx.add(impu.toCxPublicIdentity());
        }
        return new ImsSubscription(impi, List.of(new ServiceProfile(cx, null, ifcs)));
    }

    private static <T> List<T> copy(List<T> values, String field) {
        if (values == null) {
            throw new InvalidSubscriberException(field, "is required (use an empty list for none)");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidSubscriberException(field + "[" + i + "]", "is null");
            }
        }
        return List.copyOf(values);
    }
}
