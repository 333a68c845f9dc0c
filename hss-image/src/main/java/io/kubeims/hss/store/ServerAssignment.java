package io.kubeims.hss.store;

/**
 * The answer to "assign this S-CSCF if unassigned or already the same" (SAR, TS 29.228 6.1.2): either it is now
 * assigned, or another S-CSCF holds the subscriber and nothing was changed.
 */
public sealed interface ServerAssignment {

    /** The registration record after the attempt. */
    RegistrationRecord record();

    /**
     * The S-CSCF is assigned.
     *
     * @param previous the record before (NOT_REGISTERED for a first assignment)
     * @param record   the record now stored
     */
    record Assigned(RegistrationRecord previous, RegistrationRecord record) implements ServerAssignment {

        /** Whether no S-CSCF was assigned before (first registration, as UAR/SAR distinguish it). */
        public boolean firstAssignment() {
            return previous.serverName() == null;
        }
    }

    /**
     * Another S-CSCF holds the assignment; the record is unchanged.
     *
     * @param holder the S-CSCF name that holds it
     * @param record the stored record
     */
    record HeldByOther(String holder, RegistrationRecord record) implements ServerAssignment {
    }
}
