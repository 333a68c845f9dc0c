package io.kubeims.protocol.ifc;

/**
 * A public identity of a service profile (TS 29.228 Annex B.2.1 {@code PublicIdentity} with its
 * extensions IdentityType, WildcardedPSI and DisplayName).
 *
 * @param barringIndication whether the identity is barred (BarringIndication)
 * @param identity the sip:/sips: or tel: URI
 * @param identityType the kind of identity
 * @param displayName the display name, or null
 * @param wildcardedPsi the wildcarded PSI (only with {@link IdentityType#WILDCARDED_PSI}), or null
 */
public record PublicIdentity(boolean barringIndication, String identity, IdentityType identityType,
        String displayName, String wildcardedPsi) {

    /** @throws InvalidIfcException if the identity is not a SIP or tel URI, or the wildcard is misplaced */
    public PublicIdentity {
        FieldChecks.sipOrTelUri(identity, "PublicIdentity Identity", true);
        FieldChecks.required(identityType, "IdentityType of " + identity);
        FieldChecks.xmlText(displayName, "DisplayName of " + identity);
        if (wildcardedPsi != null) {
            FieldChecks.sipOrTelUri(wildcardedPsi, "WildcardedPSI of " + identity, true);
            if (identityType != IdentityType.WILDCARDED_PSI) {
                throw new InvalidIfcException("WildcardedPSI '" + wildcardedPsi + "' given for " + identity
                        + " of IdentityType " + identityType + "; it needs WILDCARDED_PSI");
            }
        }
    }

    /**
     * A distinct, unbarred public user identity without display name.
     *
     * @param identity the sip: or tel: URI
     */
    public PublicIdentity(String identity) {
        this(false, identity, IdentityType.PUBLIC_USER_IDENTITY, null, null);
    }
}
