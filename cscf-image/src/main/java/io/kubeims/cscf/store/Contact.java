package io.kubeims.cscf.store;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One binding of a registration (RFC 3261 10.3): the contact URI with its expiry, the Path the REGISTER carried
 * (RFC 3327), the RFC 5626 instance-id and reg-id that tell flows apart, the Call-ID and CSeq of the REGISTER that
 * last wrote it (for the out-of-order check of RFC 3261 10.3 step 7), where that REGISTER came from, and q.
 *
 * @param uri          the Contact URI, as registered
 * @param expiresAt    when the binding expires (kept to the millisecond)
 * @param path         the Path header values, topmost first (may be empty)
 * @param instanceId   the {@code +sip.instance} value (e.g. {@code <urn:uuid:...>}), or null
 * @param regId        the {@code reg-id} (1 to 2^31 - 1; RFC 5626 needs an instance-id with it), or null
 * @param callId       Call-ID of the REGISTER that last wrote the binding
 * @param cseq         its CSeq number (0 to 2^31 - 1, RFC 3261 8.1.1.5)
 * @param receivedFrom where that REGISTER came from
 * @param q            the q value as given (RFC 3261 qvalue: 0 to 1, three decimals at most), or null
 */
public record Contact(String uri, Instant expiresAt, List<String> path, String instanceId, Integer regId,
        String callId, long cseq, TransportFlow receivedFrom, String q) {

    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
    private static final long MAX_CSEQ = (1L << 31) - 1;

    /** @throws InvalidCscfStateException if a field is missing or out of range */
    public Contact {
        StateFields.requireText("contact uri", uri);
        expiresAt = StateFields.instant("expiresAt", expiresAt);
        path = StateFields.textList("path", path);
        if (instanceId != null && instanceId.isBlank()) {
            throw new InvalidCscfStateException("instanceId is blank");
        }
        if (regId != null) {
            if (regId < 1) {
                throw new InvalidCscfStateException("reg-id " + regId + " is not between 1 and 2^31-1");
            }
            if (instanceId == null) {
                throw new InvalidCscfStateException("reg-id " + regId + " without +sip.instance (RFC 5626)");
            }
        }
        StateFields.requireText("callId", callId);
        if (cseq < 0 || cseq > MAX_CSEQ) {
            throw new InvalidCscfStateException("cseq " + cseq + " is not between 0 and 2^31-1");
        }
        StateFields.requirePresent("receivedFrom", receivedFrom);
        if (q != null && !QVALUE.matcher(q).matches()) {
            throw new InvalidCscfStateException("q '" + q + "' is not a qvalue");
        }
    }

    /**
     * What identifies this binding among the registration's: the instance-id and reg-id for an RFC 5626 flow (so two
     * flows of one instance stay distinct), the instance-id alone without reg-id (one binding per instance, RFC 5627),
     * else the contact URI.
     */
    public String bindingKey() {
        if (instanceId != null) {
            return regId != null ? "instance " + instanceId + " reg-id " + regId : "instance " + instanceId;
        }
        return "uri " + uri;
    }

    /** Whether the binding has expired at {@code now} (an expiry at {@code now} counts as expired). */
    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * Whether a REGISTER with this Call-ID and CSeq may update or remove the binding (RFC 3261 10.3 step 7): another
     * Call-ID always may, the same Call-ID only with a higher CSeq; otherwise the REGISTER is a duplicate or arrived
     * out of order and must fail.
     */
    public boolean isSupersededBy(String registerCallId, long registerCseq) {
        return !callId.equals(registerCallId) || registerCseq > cseq;
    }
}
