package io.kubeims.hss.store;

import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.hss.subscriber.InvalidIdentityException;

/**
 * The HSS's registration record of one subscriber (TS 29.228 8.1.2 registration state, 8.1.3 S-CSCF name): the
 * state, the S-CSCF assigned by SAR (Server-Name, a SIP URI) and the S-CSCF name a MAR recorded while another
 * S-CSCF may still hold the assignment (TS 29.228 6.3.1, S-CSCF re-assignment pending).
 *
 * @param state             the registration state
 * @param serverName        the assigned S-CSCF: present when REGISTERED or UNREGISTERED, null when NOT_REGISTERED
 * @param pendingServerName the S-CSCF name from the last MAR not yet confirmed by SAR, or null
 */
public record RegistrationRecord(RegistrationState state, String serverName, String pendingServerName) {

    private static final RegistrationRecord NOT_REGISTERED =
            new RegistrationRecord(RegistrationState.NOT_REGISTERED, null, null);

    /** @throws InvalidRegistrationException if the state and the assignment disagree or a name is not a SIP URI */
    public RegistrationRecord {
        if (state == null) {
            throw new InvalidRegistrationException("registration state is required");
        }
        if (state == RegistrationState.NOT_REGISTERED && serverName != null) {
            throw new InvalidRegistrationException("state NOT_REGISTERED cannot have an assigned S-CSCF ('"
                    + serverName + "')");
        }
        if (state != RegistrationState.NOT_REGISTERED && serverName == null) {
            throw new InvalidRegistrationException("state " + state + " needs an assigned S-CSCF");
        }
        sipUri("serverName", serverName);
        sipUri("pendingServerName", pendingServerName);
    }

    /** A subscriber no S-CSCF serves, with nothing pending: what the store reports for an unknown IMPI. */
    public static RegistrationRecord notRegistered() {
        return NOT_REGISTERED;
    }

    /** Whether {@code candidate} may take the assignment: nothing is assigned, or it is already assigned to it. */
    public boolean assignableTo(String candidate) {
        return serverName == null || serverName.equals(candidate);
    }

    /**
     * This record with the S-CSCF assigned and the pending name settled (SAR success).
     *
     * @param newServerName the S-CSCF name
     * @param newState      REGISTERED or UNREGISTERED
     * @throws InvalidRegistrationException if {@code newState} is NOT_REGISTERED or the name is not a SIP URI
     */
    public RegistrationRecord assignedTo(String newServerName, RegistrationState newState) {
        if (newState == RegistrationState.NOT_REGISTERED) {
            throw new InvalidRegistrationException("an S-CSCF is assigned with state REGISTERED or UNREGISTERED,"
                    + " not NOT_REGISTERED");
        }
        return new RegistrationRecord(newState, newServerName, null);
    }

    /** This record with {@code name} as the pending S-CSCF name (MAR). */
    public RegistrationRecord withPendingServerName(String name) {
        if (name == null) {
            throw new InvalidRegistrationException("pending S-CSCF name is required");
        }
        return new RegistrationRecord(state, serverName, name);
    }

    private static void sipUri(String field, String value) {
        if (value == null) {
            return;
        }
        try {
            IdentitySyntax.requireSipUri(field, value);
        } catch (InvalidIdentityException e) {
            throw new InvalidRegistrationException(e.getMessage());
        }
    }
}
