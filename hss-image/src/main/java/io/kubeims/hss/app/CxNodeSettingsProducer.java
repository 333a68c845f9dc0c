package io.kubeims.hss.app;

import io.kubeims.cx.node.CxNodeSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The settings of the HSS's Cx node from {@code kubeims.hss.diameter.*}: Origin-Host {@code hss.<realm>} and the
 * home realm unless configured, listening on port 3868 of every address by default, accepting any CSCF peer.
 */
public class CxNodeSettingsProducer {

    @Produces
    @Singleton
    CxNodeSettings cxNodeSettings(HssSettings settings) {
        return build(settings);
    }

    /** @throws io.kubeims.cx.node.InvalidCxNodeSettingsException if a Diameter setting is unusable */
    static CxNodeSettings build(HssSettings settings) {
        HssSettings.Diameter diameter = settings.diameter();
        String realm = diameter.realm().orElse(settings.realm());
        CxNodeSettings.Builder builder = CxNodeSettings.hss(diameter.originHost().orElse("hss." + realm), realm,
                diameter.bindAddress(), diameter.port());
        diameter.requestTimeout().ifPresent(builder::requestTimeout);
        return builder.build();
    }
}
