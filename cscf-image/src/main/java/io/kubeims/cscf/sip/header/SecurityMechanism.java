package io.kubeims.cscf.sip.header;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of Security-Client, Security-Server or Security-Verify (RFC 3329 2.2), e.g.
 * {@code ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064} (TS 33.203, TS 24.229 7.2A.7).
 *
 * @param mechanism  the mechanism name, lower case ({@code ipsec-3gpp}, {@code digest}, {@code tls})
 * @param parameters the parameters in order, names lower case, values unquoted ("" when a parameter has none)
 */
public record SecurityMechanism(String mechanism, Map<String, String> parameters) {

    /** Validates and copies. */
    public SecurityMechanism {
        if (mechanism == null || !HeaderParameters.isToken(mechanism)) {
            throw new MalformedSipHeaderException("Security-Client", "not a mechanism name: '" + mechanism + "'");
        }
        mechanism = mechanism.toLowerCase(Locale.ROOT);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses one entry. */
    public static SecurityMechanism parse(String header, String text) {
        String trimmed = text.trim();
        int semicolon = trimmed.indexOf(';');
        String name = semicolon < 0 ? trimmed : trimmed.substring(0, semicolon).trim();
        Map<String, String> params = semicolon < 0 ? Map.of()
                : HeaderParameters.parse(header, trimmed.substring(semicolon + 1));
        if (!HeaderParameters.isToken(name)) {
            throw new MalformedSipHeaderException(header, "not a mechanism name: '" + name + "'");
        }
        return new SecurityMechanism(name, params);
    }

    /** A parameter value, e.g. {@code spi-c}. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The preference {@code q}, 0.0 when absent (RFC 3329 2.2: equal preference). */
    public double preference() {
        try {
            return Double.parseDouble(parameters.getOrDefault("q", "0"));
        } catch (NumberFormatException e) {
            throw new MalformedSipHeaderException("Security-*", "q is not a number: '" + parameters.get("q") + "'");
        }
    }

    /** The entry as written in the header. */
    public String format() {
        return mechanism + HeaderParameters.format(parameters);
    }
}
