package io.kubeims.cscf.scscf.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubeims.protocol.ifc.IdentityType;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The implicit set of a Cx-User-Data document: IMPUs of every service profile, barred ones too, no PSIs. */
class ImplicitRegistrationSetTest {

    @Test
    void impusOfAllProfilesInDocumentOrderWithoutServiceIdentities() {
        ImsSubscription subscription = new ImsSubscription("alice@ims.example.com", List.of(
                new ServiceProfile(List.of(new PublicIdentity("sip:alice@ims.example.com"),
                        new PublicIdentity(true, "tel:+15550100", IdentityType.PUBLIC_USER_IDENTITY, null, null),
                        new PublicIdentity(false, "sip:conf@ims.example.com", IdentityType.DISTINCT_PSI, null,
                                null)), null, List.of()),
                new ServiceProfile(List.of(new PublicIdentity(false, "sip:alice.shared@ims.example.com",
                        IdentityType.NON_DISTINCT_IMPU, null, null),
                        new PublicIdentity(false, "sip:chat-!.*!@ims.example.com", IdentityType.WILDCARDED_PSI,
                                null, "sip:chat-!.*!@ims.example.com")), null, List.of())));
        assertEquals(List.of("sip:alice@ims.example.com", "tel:+15550100", "sip:alice.shared@ims.example.com"),
                ImplicitRegistrationSet.of(subscription).identities());
    }
}
