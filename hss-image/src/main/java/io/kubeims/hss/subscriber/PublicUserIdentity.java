package io.kubeims.hss.subscriber;

import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.PublicIdentity;

/**
 * One provisioned public user identity (IMPU, TS 23.003 13.4) of a subscriber, with its barring indication and
 * the display name the P-CSCF asserts (TS 29.228 Annex B.2.1 PublicIdentity, BarringIndication, DisplayName).
 *
 * @param identity    sip:user@host or tel:+number
 * @param barred      BarringIndication: the identity may register within the implicit set but not originate or
 *                    receive sessions (TS 29.228 6.1.2)
 * @param displayName display name, or null
 */
public record PublicUserIdentity(String identity, boolean barred, String displayName) {

    /** @throws InvalidIdentityException if the identity is malformed or the display name holds a control character */
    public PublicUserIdentity {
        IdentitySyntax.requirePublicIdentity("identity", identity);
        if (displayName != null) {
            for (int i = 0; i < displayName.length(); i++) {
                // It ends up in a SIP header (P-Asserted-Identity) and in the Cx-User-Data XML.
                if (Character.isISOControl(displayName.charAt(i))) {
                    throw new InvalidIdentityException("displayName of " + identity,
                            "contains a control character at index " + i);
                }
            }
        }
    }

    /** An unbarred identity without display name. */
    public PublicUserIdentity(String identity) {
        this(identity, false, null);
    }

    /** The identity as a Cx-User-Data PublicIdentity (a distinct IMPU, TS 29.228 Annex B.2.1). */
    public PublicIdentity toCxPublicIdentity() {
        return new PublicIdentity(barred, identity, IdentityType.PUBLIC_USER_IDENTITY, displayName, null);
    }
}
