package io.kubeims.hss.cx;

import io.kubeims.cx.message.ServerCapabilities;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the HSS's Cx procedures (TS 29.228 clauses 6.1 and 6.3) need besides the stores.
 *
 * @param homeRealm               the home network domain: Digest-Realm of SIP Digest vectors (TS 29.229 6.3.37)
 *                                and a Visited-Network-Identifier that is always allowed (the user is at home)
 * @param serverCapabilities      what UAA/LIA carry for the I-CSCF to choose an S-CSCF (TS 29.229 6.3.4): the
 *                                capabilities and/or the Server-Names of the S-CSCF pools
 * @param maxAuthItems            the most authentication vectors one MAA carries, whatever SIP-Number-Auth-Items asks
 * @param allowAllVisitedNetworks whether every Visited-Network-Identifier is allowed (no roaming restriction)
 * @param allowedVisitedNetworks  the visited networks allowed besides the home network, compared ignoring case;
 *                                used when {@code allowAllVisitedNetworks} is false
 */
public record HssCxSettings(String homeRealm, ServerCapabilities serverCapabilities, int maxAuthItems,
                            boolean allowAllVisitedNetworks, Set<String> allowedVisitedNetworks) {

    /** A bound that keeps one MAA small and one MAR from consuming many SQNs. */
    public static final int MAX_AUTH_ITEMS_LIMIT = 32;

    /** @throws InvalidHssCxSettingsException when a setting is missing or out of range */
    public HssCxSettings {
        if (homeRealm == null || homeRealm.isBlank()) {
            throw new InvalidHssCxSettingsException("homeRealm", "is required");
        }
        if (serverCapabilities == null) {
            throw new InvalidHssCxSettingsException("serverCapabilities", "are required");
        }
        if (serverCapabilities.serverNames().isEmpty() && serverCapabilities.mandatoryCapabilities().isEmpty()
                && serverCapabilities.optionalCapabilities().isEmpty()) {
            throw new InvalidHssCxSettingsException("serverCapabilities",
                    "need at least one S-CSCF Server-Name or capability for the I-CSCF to choose with");
        }
        if (maxAuthItems < 1 || maxAuthItems > MAX_AUTH_ITEMS_LIMIT) {
            throw new InvalidHssCxSettingsException("maxAuthItems",
                    "must be 1.." + MAX_AUTH_ITEMS_LIMIT + ", was " + maxAuthItems);
        }
        if (allowedVisitedNetworks == null) {
            throw new InvalidHssCxSettingsException("allowedVisitedNetworks", "is required (empty for none)");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String network : allowedVisitedNetworks) {
            if (network == null || network.isBlank()) {
                throw new InvalidHssCxSettingsException("allowedVisitedNetworks", "must not hold a blank name");
            }
            normalised.add(network.strip().toLowerCase(Locale.ROOT));
        }
        allowedVisitedNetworks = Set.copyOf(normalised);
    }

    /** Settings for a home-only network (no roaming) with these S-CSCF pool names and 1..{@code maxAuthItems} vectors. */
    public static HssCxSettings homeOnly(String homeRealm, List<String> scscfServerNames, int maxAuthItems) {
        return new HssCxSettings(homeRealm, new ServerCapabilities(List.of(), List.of(), scscfServerNames),
                maxAuthItems, false, Set.of());
    }

    /** Whether a UAR from this visited network may proceed (TS 29.228 6.1.1.1: roaming allowed). */
    public boolean allowsVisitedNetwork(String visitedNetworkIdentifier) {
        if (allowAllVisitedNetworks) {
            return true;
        }
        if (visitedNetworkIdentifier == null) {
            return false;
        }
        String network = visitedNetworkIdentifier.strip().toLowerCase(Locale.ROOT);
        return network.equals(homeRealm.toLowerCase(Locale.ROOT)) || allowedVisitedNetworks.contains(network);
    }
}
