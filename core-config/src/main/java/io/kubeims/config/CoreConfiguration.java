package io.kubeims.config;

import io.kubeims.api.v1alpha1.imscore.ImsCore;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of every network function of one ImsCore in one placement, and the warnings about its spec.
 *
 * <pre>{@code
 * CoreConfiguration core = CoreConfiguration.derive(imsCore, Placement.kubernetes());
 * String text = core.function(NetworkFunction.SCSCF).asApplicationProperties();   // the ConfigMap's content
 * core.warnings();                                                                 // for a condition
 * }</pre>
 *
 * @param names     the names derived from the ImsCore
 * @param placement where the functions run
 * @param functions one configuration per network function
 * @param warnings  spec combinations that work but are probably not meant, in spec order
 */
public record CoreConfiguration(CoreNames names, Placement placement,
                                Map<NetworkFunction, FunctionConfiguration> functions,
                                List<ConfigurationWarning> warnings) {

    public CoreConfiguration {
        functions = Collections.unmodifiableMap(new EnumMap<>(functions));
        warnings = List.copyOf(warnings);
    }

    /**
     * Derives every function's configuration. Pure: reads nothing but its arguments.
     *
     * @throws InvalidImsCoreException   naming the first spec field that cannot work
     * @throws InvalidPlacementException when the placement conflicts with the spec (e.g. a local P-CSCF port that
     *                                   another function uses)
     */
    public static CoreConfiguration derive(ImsCore core, Placement placement) {
        if (placement == null) {
            throw new InvalidPlacementException("placement", "is required");
        }
        return new CoreDerivation(core, placement).derive();
    }

    /** One function's configuration. */
    public FunctionConfiguration function(NetworkFunction function) {
        return functions.get(function);
    }
}
