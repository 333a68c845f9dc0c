package io.kubeims.cscf.scscf.regevent;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the S-CSCF serves the reg event package (RFC 3680, RFC 6665, TS 24.229 5.4.2.1).
 *
 * @param minExpires        shortest subscription accepted; a SUBSCRIBE asking less (but not 0) gets 423 with
 *                          Min-Expires (RFC 6665 4.2.1.1)
 * @param maxExpires        longest subscription granted; longer requests are cut to it (TS 24.229 5.4.2.1.1 step 3:
 *                          the same or a decreased value). UEs ask for 600 000 s (TS 24.229 5.1.1.3)
 * @param defaultExpires    the duration of a SUBSCRIBE without Expires (RFC 3680 section 3.3 suggests 3761 s)
 * @param trustedPcscfHosts host names or addresses of the home network's P-CSCFs (Service name, pod names), lower
 *                          case. A SUBSCRIBE asserted by a P-CSCF is authorised when its host is on the user's Path,
 *                          or when it and a host on the user's Path are both in this list (replicas of one P-CSCF
 *                          pool stand in for each other). May be empty
 * @param notifierContact   the Contact URI of our 200 (OK) and NOTIFYs: in-dialog requests of the subscriber go
 *                          there, so it should name the S-CSCF pool (any replica serves the dialog); null for this
 *                          node's own address
 * @param notifyTimeout     how long to wait for the final response to a NOTIFY before the subscription is given up
 */
public record RegEventSettings(Duration minExpires, Duration maxExpires, Duration defaultExpires,
        List<String> trustedPcscfHosts, String notifierContact, Duration notifyTimeout) {

    /** UEs subscribe for 600 000 s (TS 24.229 5.1.1.3); the default maximum grants it. */
    public static final Duration DEFAULT_MAX_EXPIRES = Duration.ofSeconds(600_000);
    /** RFC 3680 section 3.3. */
    public static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(3761);
    /** Shorter subscriptions mean a SUBSCRIBE a minute per watcher: refused with 423. */
    public static final Duration DEFAULT_MIN_EXPIRES = Duration.ofSeconds(60);
    /** RFC 3261 Timer F. */
    public static final Duration DEFAULT_NOTIFY_TIMEOUT = Duration.ofSeconds(32);

    /**
     * Validates and copies.
     *
     * @throws InvalidRegEventSettingsException naming the refused setting
     */
    public RegEventSettings {
        requireSeconds("minExpires", minExpires);
        requireSeconds("maxExpires", maxExpires);
        requireSeconds("defaultExpires", defaultExpires);
        if (maxExpires.compareTo(minExpires) < 0) {
            throw new InvalidRegEventSettingsException("maxExpires", maxExpires + " is below minExpires " + minExpires);
        }
        if (defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw new InvalidRegEventSettingsException("defaultExpires", defaultExpires
                    + " is not between minExpires and maxExpires");
        }
        if (maxExpires.toSeconds() > Integer.MAX_VALUE) {
            throw new InvalidRegEventSettingsException("maxExpires", maxExpires + " does not fit an Expires header");
        }
        if (trustedPcscfHosts == null) {
            throw new InvalidRegEventSettingsException("trustedPcscfHosts", "is required (may be empty)");
        }
        trustedPcscfHosts = trustedPcscfHosts.stream().map(host -> {
            if (host == null || host.isBlank() || !host.strip().matches("[A-Za-z0-9.:\\[\\]-]+")) {
                throw new InvalidRegEventSettingsException("trustedPcscfHosts", "'" + host + "' is not a host");
            }
            return host.strip().toLowerCase(Locale.ROOT);
        }).toList();
        if (notifierContact != null && !notifierContact.strip().regionMatches(true, 0, "sip:", 0, 4)) {
            throw new InvalidRegEventSettingsException("notifierContact", "'" + notifierContact
                    + "' is not a sip: URI");
        }
        notifierContact = notifierContact == null ? null : notifierContact.strip();
        if (notifyTimeout == null || notifyTimeout.isZero() || notifyTimeout.isNegative()) {
            throw new InvalidRegEventSettingsException("notifyTimeout", "must be positive, was " + notifyTimeout);
        }
    }

    /** The defaults with these P-CSCF hosts and this node's address as Contact. */
    public static RegEventSettings of(List<String> trustedPcscfHosts) {
        return new RegEventSettings(DEFAULT_MIN_EXPIRES, DEFAULT_MAX_EXPIRES, DEFAULT_EXPIRES, trustedPcscfHosts, null,
                DEFAULT_NOTIFY_TIMEOUT);
    }

    /** A copy with other subscription bounds. */
    public RegEventSettings withExpires(Duration min, Duration max, Duration standard) {
        return new RegEventSettings(min, max, standard, trustedPcscfHosts, notifierContact, notifyTimeout);
    }

    /** A copy with another NOTIFY timeout. */
    public RegEventSettings withNotifyTimeout(Duration timeout) {
        return new RegEventSettings(minExpires, maxExpires, defaultExpires, trustedPcscfHosts, notifierContact,
                timeout);
    }

    /** A copy with another Contact for 200 (OK) and NOTIFY. */
    public RegEventSettings withNotifierContact(String contact) {
        return new RegEventSettings(minExpires, maxExpires, defaultExpires, trustedPcscfHosts, contact,
                notifyTimeout);
    }

    private static void requireSeconds(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidRegEventSettingsException(name, "must be positive, was " + value);
        }
        if (value.toMillis() % 1000 != 0) {
            throw new InvalidRegEventSettingsException(name, "must be whole seconds (an Expires value), was " + value);
        }
    }
}
