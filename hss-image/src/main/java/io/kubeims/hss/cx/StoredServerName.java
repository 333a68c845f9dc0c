package io.kubeims.hss.cx;

import io.kubeims.hss.store.RegistrationRecord;

/**
 * The S-CSCF name the HSS has stored for a subscriber (TS 29.228 8.1.3): the assigned one while registered or
 * unregistered; otherwise the name kept by a *_STORE_SERVER_NAME de-registration or recorded by a MAR, which the
 * registration record holds as its pending name (a NOT_REGISTERED record has no assigned name by construction).
 */
final class StoredServerName {

    private StoredServerName() {
    }

    /** The stored name, or null when there is none. */
    static String of(RegistrationRecord registration) {
        return registration.serverName() != null ? registration.serverName() : registration.pendingServerName();
    }
}
