package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.store.Contact;
import io.kubeims.protocol.ifc.ServiceProfile;
import java.util.List;

/**
 * The user an initial request is handled for (TS 24.229 5.4.3.2/5.4.3.3): the public identity, whether it is
 * registered here, its active bindings (terminating fork targets) and the service profile whose iFCs apply.
 *
 * @param identity   the served public identity as the profile names it
 * @param registered whether it has active bindings in the registration store
 * @param contacts   the active bindings (empty when not registered)
 * @param profile    the service profile holding the identity
 */
public record ServedUser(String identity, boolean registered, List<Contact> contacts, ServiceProfile profile) {

    public ServedUser {
        contacts = List.copyOf(contacts);
    }
}
