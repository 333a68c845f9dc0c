package io.kubeims.cscf.scscf.session;

import io.kubeims.protocol.ifc.SessionCase;
import java.time.Instant;

/**
 * What an original dialog identifier carries so that any replica of the pool resumes the iFC evaluation of a request
 * an AS returned (TS 24.229 5.4.3.2 and 5.4.3.3, TS 23.218 6.4): the session case, the served user, the Priority of
 * the iFC whose AS was contacted (evaluation resumes strictly after it) and when the token stops being accepted.
 *
 * @param sessionCase   the session case the request was handled in
 * @param servedUser    the served public identity
 * @param afterPriority the Priority of the iFC already executed
 * @param expiresAt     the end of the token's validity (second precision)
 */
public record OdiToken(SessionCase sessionCase, String servedUser, int afterPriority, Instant expiresAt) {

    /** @throws InvalidOdiException when a field is missing or the priority negative */
    public OdiToken {
        if (sessionCase == null || servedUser == null || servedUser.isBlank() || expiresAt == null) {
            throw new InvalidOdiException("session case, served user and expiry are required");
        }
        if (afterPriority < 0) {
            throw new InvalidOdiException("priority " + afterPriority + " is negative");
        }
    }
}
