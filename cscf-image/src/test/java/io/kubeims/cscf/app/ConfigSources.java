package io.kubeims.cscf.app;

import io.kubeims.hss.app.HssSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * SmallRye Config built as Quarkus builds it for these mappings (expressions expanded, Quarkus durations, unknown
 * keys under a mapped prefix refused), from plain maps: the application's properties and, at a lower ordinal, the environment.
 */
final class ConfigSources {

    private ConfigSources() {
    }

    static CscfConfig cscf(Map<String, String> properties) {
        return cscf(properties, Map.of());
    }

    /** @param environment values that {@code ${NAME}} expressions refer to, as environment variables would give */
    static CscfConfig cscf(Map<String, String> properties, Map<String, String> environment) {
        return build(CscfConfig.class, properties, environment).getConfigMapping(CscfConfig.class);
    }

    static HssSettings hss(Map<String, String> properties, Map<String, String> environment) {
        return build(HssSettings.class, properties, environment).getConfigMapping(HssSettings.class);
    }

    private static SmallRyeConfig build(Class<?> mapping, Map<String, String> properties,
                                        Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(mapping)
                .withValidateUnknown(true)
                // Quarkus reads durations as "5s" as well as ISO-8601
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250),
                        new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
