package io.kubeims.cscf.scscf.registrar;

import java.util.Locale;

/**
 * How one REGISTER ended at the registrar: the {@code outcome} tag of {@code kubeims_scscf_register_total} and the
 * level of its log line (DEBUG for what the UE caused, WARN for infrastructure failures).
 */
public enum RegisterOutcome {
    /** 200: first bindings of the subscriber (SAR REGISTRATION). */
    REGISTERED(false),
    /** 200: bindings refreshed, added or shortened (SAR RE_REGISTRATION). */
    REFRESHED(false),
    /** 200: bindings removed (SAR USER_DEREGISTRATION when none is left). */
    DEREGISTERED(false),
    /** 200 to a REGISTER without Contact: the bindings listed, nothing changed. */
    QUERIED(false),
    /** 200 again to a retransmitted answer that reached this replica after another answered it. */
    RETRANSMISSION(false),
    /** 401: a REGISTER without (usable) credentials challenged. */
    CHALLENGED(false),
    /** 401 stale=true: the nonce answered is unknown or expired. */
    CHALLENGED_STALE(false),
    /** 401: a replayed answer (nonce count not increasing) challenged again. */
    REPLAY_CHALLENGED(false),
    /** 401: a wrong response, challenged again while attempts remain. */
    WRONG_RESPONSE(false),
    /** 401: AKA resynchronisation, challenged with a fresh vector. */
    RESYNCHRONISED(false),
    /** 403: the last allowed attempt was wrong (SAR AUTHENTICATION_FAILURE). */
    AUTHENTICATION_FAILED(false),
    /** 403: the HSS refused the user, or the credentials belong to another challenge. */
    FORBIDDEN(false),
    /** 403: not through a trusted P-CSCF while one is required. */
    NOT_VIA_PCSCF(false),
    /** 423 Interval Too Brief. */
    INTERVAL_TOO_BRIEF(false),
    /** 400: the REGISTER cannot be read. */
    BAD_REQUEST(false),
    /** 500: a binding was written by a later CSeq of the same Call-ID (RFC 3261 10.3 step 7). */
    OUT_OF_ORDER(false),
    /** 480: the HSS did not answer or cannot be reached. */
    HSS_UNAVAILABLE(true),
    /** 503: the HSS is overloaded or failing transiently. */
    HSS_BUSY(true),
    /** 500: the HSS answered something unusable. */
    HSS_ERROR(true),
    /** 500 with Retry-After: the shared store kept losing compare-and-set races or failed. */
    STORE_FAILURE(true),
    /** 503: no worker free. */
    OVERLOADED(true),
    /** 500: a bug; logged with its stack trace. */
    SERVER_ERROR(true);

    private final boolean infrastructure;

    RegisterOutcome(boolean infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** Whether the network, not the UE, caused it (logged at WARN). */
    public boolean infrastructure() {
        return infrastructure;
    }

    /** The metric tag value, e.g. {@code challenged_stale}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
