package io.kubeims.hss.store;

import io.kubeims.protocol.aka.Sqn;

import java.util.function.UnaryOperator;

/**
 * The HSS's dynamic state per private identity, which must never go backwards or be lost: the AKA sequence number
 * SQN_HE (TS 33.102 6.3, Annex C) and the registration record with the assigned S-CSCF (TS 29.228 8.1.2). Every
 * update is an atomic compare-and-set on the stored value, so it is safe across threads and across HSS instances
 * sharing the same caches. The state outlives the subscriber's provisioning: deleting and re-provisioning an IMPI
 * keeps its SQN, because a USIM that was issued a SQN rejects any lower one.
 */
public interface DynamicStateStore {

    /**
     * Advances SQN_HE by one vector (TS 33.102 C.3.2: SEQ + 1, IND cycling) and returns the SQN to put into that
     * vector. Each call returns a value strictly greater than every value returned before for this IMPI, by any
     * HSS instance, also after a restart.
     *
     * @param privateIdentity the IMPI
     * @return the SQN for the next authentication vector
     * @throws io.kubeims.protocol.aka.SqnExhaustedException if SEQ would wrap past 2^43 - 1
     */
    Sqn nextSqn(String privateIdentity);

    /**
     * Applies a verified synchronisation failure (TS 33.102 6.3.5, C.3.4): SQN_HE moves up to SQN_MS when the USIM
     * is ahead and never moves backwards.
     *
     * @param privateIdentity the IMPI
     * @param sqnMs           the USIM's SQN recovered from AUTS
     * @return SQN_HE after the resynchronisation
     */
    Sqn resync(String privateIdentity, Sqn sqnMs);

    /**
     * @param privateIdentity the IMPI
     * @return SQN_HE, the SQN of the last vector issued ({@link Sqn#ZERO} if none yet)
     */
    Sqn lastSqn(String privateIdentity);

    /**
     * @param privateIdentity the IMPI
     * @return the registration record ({@link RegistrationRecord#notRegistered()} if none is stored)
     */
    RegistrationRecord registration(String privateIdentity);

    /**
     * Atomically replaces the registration record with {@code change} applied to the current one. The function may
     * run several times when other writers race; it must have no side effects. A result equal to
     * {@link RegistrationRecord#notRegistered()} removes the stored record.
     *
     * @param privateIdentity the IMPI
     * @param change          the new record as a function of the current one
     * @return the record before and after
     */
    RegistrationChange updateRegistration(String privateIdentity, UnaryOperator<RegistrationRecord> change);

    /**
     * Assigns the S-CSCF if none is assigned or it is already this one (SAR, TS 29.228 6.1.2); otherwise changes
     * nothing and reports the holder. Two HSS instances cannot both assign different S-CSCFs.
     *
     * @param privateIdentity the IMPI
     * @param serverName      the S-CSCF name (Server-Name AVP)
     * @param state           REGISTERED, or UNREGISTERED for unregistered-state services
     * @return {@link ServerAssignment.Assigned} or {@link ServerAssignment.HeldByOther}
     * @throws InvalidRegistrationException if the name is not a SIP URI or the state is NOT_REGISTERED
     */
    default ServerAssignment assignServerName(String privateIdentity, String serverName, RegistrationState state) {
        RegistrationRecord requested = RegistrationRecord.notRegistered().assignedTo(serverName, state);
        RegistrationChange change = updateRegistration(privateIdentity,
                current -> current.assignableTo(serverName) ? current.assignedTo(serverName, state) : current);
        if (requested.serverName().equals(change.current().serverName())) {
            return new ServerAssignment.Assigned(change.previous(), change.current());
        }
        return new ServerAssignment.HeldByOther(change.current().serverName(), change.current());
    }

    /**
     * Moves the assignment from {@code expectedHolder} to {@code serverName} only if {@code expectedHolder} still
     * holds it (S-CSCF re-assignment, TS 29.228 6.1.2 and 6.3.1, once the caller has decided it is allowed).
     *
     * @param privateIdentity the IMPI
     * @param expectedHolder  the S-CSCF name the caller saw assigned
     * @param serverName      the new S-CSCF name
     * @param state           REGISTERED or UNREGISTERED
     * @return Assigned, or HeldByOther when the holder is no longer {@code expectedHolder} (nothing changed); when
     *         nothing is assigned any more, the new S-CSCF is simply assigned
     */
    default ServerAssignment reassignServerName(String privateIdentity, String expectedHolder, String serverName,
            RegistrationState state) {
        RegistrationChange change = updateRegistration(privateIdentity, current ->
                current.serverName() == null || current.serverName().equals(expectedHolder)
                        || current.serverName().equals(serverName)
                        ? current.assignedTo(serverName, state) : current);
        if (change.current().serverName().equals(serverName)) {
            return new ServerAssignment.Assigned(change.previous(), change.current());
        }
        return new ServerAssignment.HeldByOther(change.current().serverName(), change.current());
    }

    /**
     * Records the S-CSCF name of a MAR as pending (TS 29.228 6.3.1); the assignment itself is unchanged.
     *
     * @param privateIdentity the IMPI
     * @param serverName      the S-CSCF name from the MAR
     * @return the record now stored
     * @throws InvalidRegistrationException if the name is not a SIP URI
     */
    default RegistrationRecord recordPendingServerName(String privateIdentity, String serverName) {
        return updateRegistration(privateIdentity, current -> current.withPendingServerName(serverName)).current();
    }

    /**
     * De-registers: no S-CSCF assigned, nothing pending (SAR de-registration types, RTR, subscriber deletion).
     *
     * @param privateIdentity the IMPI
     * @return the record before
     */
    default RegistrationRecord clearRegistration(String privateIdentity) {
        return updateRegistration(privateIdentity, current -> RegistrationRecord.notRegistered()).previous();
    }
}
