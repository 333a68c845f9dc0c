package io.kubeims.hss.app;

import io.kubeims.cx.client.InvalidServerNameException;
import io.kubeims.cx.client.ScscfPool;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.hss.cx.HssCxSettings;
import io.kubeims.hss.cx.InvalidHssCxSettingsException;
import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.hss.subscriber.InvalidIdentityException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The settings of the Cx procedures from {@code kubeims.hss.cx.*}: with nothing configured, one S-CSCF pool
 * {@code sip:scscf.<realm>:6060} (the Service name the operator gives the S-CSCF replicas), at most 4 vectors per
 * MAA, and no roaming.
 */
public class HssCxSettingsProducer {

    /** SIP port of the S-CSCF Service in the default pool name (the CSCF image listens there in local mode). */
    static final int DEFAULT_SCSCF_SIP_PORT = 6060;
    private static final String POOL_KEY = "kubeims.hss.cx.scscf-pool";

    @Produces
    @Singleton
    HssCxSettings hssCxSettings(HssSettings settings) {
        return build(settings);
    }

    /**
     * @throws InvalidHssSettingsException if a Server-Name is no SIP URI naming a pool host, or a value is out of
     *                                     range; the message names the {@code kubeims.hss.cx.*} key
     */
    static HssCxSettings build(HssSettings settings) {
        HssSettings.Cx cx = settings.cx();
        List<Long> mandatory = cx.mandatoryCapabilities().orElse(List.of());
        List<Long> optional = cx.optionalCapabilities().orElse(List.of());
        List<String> pools = cx.scscfPool().orElse(List.of());
        if (pools.isEmpty() && mandatory.isEmpty() && optional.isEmpty()) {
            pools = List.of(defaultPool(settings.realm()));
        }
        for (String pool : pools) {
            requirePoolName(pool);
        }
        for (Long capability : Stream.concat(mandatory.stream(), optional.stream()).toList()) {
            if (capability < 0 || capability > 0xFFFF_FFFFL) {
                throw new InvalidHssSettingsException("kubeims.hss.cx.mandatory-capabilities/optional-capabilities: "
                        + capability + " is not an Unsigned32");
            }
        }
        if (cx.maxAuthItems() < 1 || cx.maxAuthItems() > HssCxSettings.MAX_AUTH_ITEMS_LIMIT) {
            throw new InvalidHssSettingsException("kubeims.hss.cx.max-auth-items: must be 1.."
                    + HssCxSettings.MAX_AUTH_ITEMS_LIMIT + ", was " + cx.maxAuthItems());
        }
        try {
            return new HssCxSettings(settings.realm(), new ServerCapabilities(mandatory, optional, pools),
                    cx.maxAuthItems(), cx.allowAllVisitedNetworks(),
                    new LinkedHashSet<>(cx.allowedVisitedNetworks().orElse(List.of())));
        } catch (InvalidHssCxSettingsException e) {
            throw new InvalidHssSettingsException("kubeims.hss.cx: " + e.getMessage());
        }
    }

    /** {@code sip:scscf.<realm>:6060}: the pool whose replicas are {@code scscf-N.scscf.<realm>}. */
    static String defaultPool(String realm) {
        return "sip:scscf." + realm + ":" + DEFAULT_SCSCF_SIP_PORT;
    }

    private static void requirePoolName(String pool) {
        try {
            IdentitySyntax.requireSipUri(POOL_KEY, pool);
        } catch (InvalidIdentityException e) {
            throw new InvalidHssSettingsException(e.getMessage());
        }
        try {
            ScscfPool.ofServerName(pool);
        } catch (InvalidServerNameException e) {
            throw new InvalidHssSettingsException(POOL_KEY + ": " + e.getMessage());
        }
    }
}
