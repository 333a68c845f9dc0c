package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.hss.subscriber.InvalidIdentityException;
import io.kubeims.hss.subscriber.PublicUserIdentity;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps public identities between the Subscriber CRD's JSON ({@link PublicIdentitySpec}: identity, barred,
 * displayName) and the HSS model ({@link PublicUserIdentity}), naming the JSON field of any error.
 */
final class PublicIdentityMapping {

    private PublicIdentityMapping() {
    }

    /**
     * @param field the list's JSON path, e.g. "publicIdentities"
     * @throws InvalidRequestException  if the list is missing or empty, or a display name is malformed
     * @throws InvalidIdentityException if an identity is malformed
     */
    static List<PublicUserIdentity> toModel(List<PublicIdentitySpec> specs, String field) {
        if (specs == null || specs.isEmpty()) {
            throw new InvalidRequestException(field, "at least one public identity is required");
        }
        List<PublicUserIdentity> result = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            result.add(toModel(specs.get(i), field + "[" + i + "]"));
        }
        return result;
    }

    /**
     * @param field the identity's JSON path, e.g. "publicIdentities[0]", or "" when it is the whole body
     * @throws InvalidIdentityException if the identity is malformed (naming {@code <field>.identity})
     * @throws InvalidRequestException  if the display name holds a control character
     */
    static PublicUserIdentity toModel(PublicIdentitySpec spec, String field) {
        if (spec == null) {
            throw new InvalidRequestException(field.isEmpty() ? "body" : field, "is null");
        }
        IdentitySyntax.requirePublicIdentity(member(field, "identity"), spec.getIdentity());
        try {
            return new PublicUserIdentity(spec.getIdentity(), spec.isBarredIdentity(), spec.getDisplayName());
        } catch (InvalidIdentityException e) {
            // The identity is valid (checked above), so the display name is what the constructor refused.
            throw new InvalidRequestException(member(field, "displayName"), "contains a control character");
        }
    }

    private static String member(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    static List<PublicIdentitySpec> toSpecs(List<PublicUserIdentity> identities) {
        return identities.stream().map(PublicIdentityMapping::toSpec).toList();
    }

    static PublicIdentitySpec toSpec(PublicUserIdentity identity) {
        PublicIdentitySpec spec = new PublicIdentitySpec(identity.identity());
        spec.setBarred(identity.barred());
        spec.setDisplayName(identity.displayName());
        return spec;
    }
}
