package io.kubeims.cscf.icscf;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One S-CSCF (pool) the I-CSCF may choose for a first registration (TS 24.229 5.3.1.2): its SIP URI as the HSS
 * would name it in Server-Name, and the capabilities it offers, compared with the Mandatory-Capability and
 * Optional-Capability values of a UAA (TS 29.229 6.3.4-6.3.6; the numbers are the operator's own).
 *
 * @param serverName   SIP URI, e.g. {@code sip:scscf.ims.example.com:6060}; the host may be a pool (Service) name,
 *                     resolved when the REGISTER is sent
 * @param capabilities the capability values offered, each an Unsigned32
 */
public record ScscfCandidate(String serverName, Set<Long> capabilities) {

    /**
     * Validates and copies.
     *
     * @throws InvalidIcscfSettingsException when the name is not a sip: URI with a host or a capability is not an
     *                                       Unsigned32
     */
    public ScscfCandidate {
        if (serverName == null || serverName.isBlank()) {
            throw new InvalidIcscfSettingsException("scscfPool.serverName", "is required");
        }
        serverName = serverName.strip();
        if (!serverName.toLowerCase(Locale.ROOT).startsWith("sip:") || serverName.length() == 4
                || serverName.contains(" ")) {
            throw new InvalidIcscfSettingsException("scscfPool.serverName",
                    "'" + serverName + "' is not a sip: URI (Server-Name is a SIP URI, TS 29.229 6.3.2)");
        }
        if (capabilities == null) {
            throw new InvalidIcscfSettingsException("scscfPool.capabilities",
                    "are required for " + serverName + " (empty for none)");
        }
        for (Long capability : capabilities) {
            if (capability == null || capability < 0 || capability > 0xFFFF_FFFFL) {
                throw new InvalidIcscfSettingsException("scscfPool.capabilities",
                        capability + " of " + serverName + " is not an Unsigned32");
            }
        }
        capabilities = Set.copyOf(new TreeSet<>(capabilities));
    }

    /** A candidate offering these capabilities. */
    public static ScscfCandidate of(String serverName, Long... capabilities) {
        return new ScscfCandidate(serverName, Set.of(capabilities));
    }

    /** Whether {@code name} (a Server-Name from the HSS) designates this candidate: compared ignoring case. */
    public boolean isNamed(String name) {
        return name != null && serverName.equalsIgnoreCase(name.strip());
    }
}
