package io.kubeims.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The configuration of one network function: the Quarkus properties it starts with ({@code kubeims.hss.*} or
 * {@code kubeims.cscf.*}, plus {@code quarkus.http.port}), the environment variables and secret files those
 * properties refer to, the ports it listens on and the directory of its embedded store. No secret value is ever held
 * here: properties name a file path or refer to {@code ${VARIABLE}}.
 *
 * @param function      the network function
 * @param properties    Quarkus properties, sorted by key
 * @param environment   variables the container must have (downward API, Secret keys)
 * @param secretFiles   files the container must have (mounted Secret keys)
 * @param ports         ports it listens on
 * @param dataDirectory the directory of its embedded store (a volume in Kubernetes), if it keeps one
 */
public record FunctionConfiguration(NetworkFunction function, SortedMap<String, String> properties,
                                    List<EnvironmentVariable> environment, List<SecretFile> secretFiles,
                                    List<FunctionPort> ports, Optional<String> dataDirectory) {

    /** The key under which a ConfigMap holds {@link #asApplicationProperties()}. */
    public static final String CONFIG_MAP_KEY = "application.properties";

    /** Validates and copies. */
    public FunctionConfiguration {
        if (function == null) {
            throw new IllegalArgumentException("function is required");
        }
        if (properties == null || environment == null || secretFiles == null || ports == null
                || dataDirectory == null) {
            throw new IllegalArgumentException("properties, environment, secret files, ports and data directory of "
                    + function.id() + " are required (empty when none)");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank() || entry.getValue() == null) {
                throw new IllegalArgumentException("property " + entry.getKey() + " of " + function.id()
                        + " has no key or no value");
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        properties = Collections.unmodifiableSortedMap(copy);
        environment = List.copyOf(environment);
        secretFiles = List.copyOf(secretFiles);
        ports = List.copyOf(ports);
    }

    /** The value of one property. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /**
     * The properties as an {@code application.properties} text (ISO 8859-1-safe escapes as
     * {@link java.util.Properties#load(java.io.Reader)} reads them), one {@code key=value} per line in key order.
     */
    public String asApplicationProperties() {
        StringBuilder text = new StringBuilder();
        text.append("# kube-ims ").append(function.id()).append(": derived from the ImsCore (io.kubeims.config);")
                .append(" change the ImsCore, not this file.\n");
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            text.append(PropertiesText.escape(entry.getKey(), true)).append('=')
                    .append(PropertiesText.escape(entry.getValue(), false)).append('\n');
        }
        return text.toString();
    }
}
