package io.kubeims.hss.store;

/**
 * The outcome of one atomic update of a registration record.
 *
 * @param previous the record the update was applied to
 * @param current  the record now stored (equal to {@code previous} when the update changed nothing)
 */
public record RegistrationChange(RegistrationRecord previous, RegistrationRecord current) {

    /** Whether the update wrote anything. */
    public boolean changed() {
        return !previous.equals(current);
    }
}
