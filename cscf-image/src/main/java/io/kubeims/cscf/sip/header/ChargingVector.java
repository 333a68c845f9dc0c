package io.kubeims.cscf.sip.header;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/**
 * P-Charging-Vector (RFC 7315 4.6, TS 24.229 7.2A.5): the IMS charging identifier and the inter-operator
 * identifiers, e.g. {@code icid-value=1234bc9876e;icid-generated-at=192.0.6.8;orig-ioi=home1.net}.
 *
 * @param icidValue       the ICID, required
 * @param icidGeneratedAt the host that generated it, if given
 * @param origIoi         originating inter-operator identifier, if given
 * @param termIoi         terminating inter-operator identifier, if given
 * @param otherParameters any further parameters (e.g. {@code transit-ioi}, access-network charging info), in order
 */
public record ChargingVector(String icidValue, Optional<String> icidGeneratedAt, Optional<String> origIoi,
        Optional<String> termIoi, Map<String, String> otherParameters) {

    /** The header name. */
    public static final String NAME = "P-Charging-Vector";

    /** Validates and copies. */
    public ChargingVector {
        if (icidValue == null || icidValue.isBlank()) {
            throw new MalformedSipHeaderException(NAME, "icid-value is required");
        }
        otherParameters = Collections.unmodifiableMap(new LinkedHashMap<>(otherParameters));
    }

    /** A vector with only an ICID. */
    public static ChargingVector of(String icidValue) {
        return new ChargingVector(icidValue, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** Parses a header value. */
    public static ChargingVector parse(String value) {
        Map<String, String> params = new LinkedHashMap<>(HeaderParameters.parse(NAME, value.trim()));
        String icid = params.remove("icid-value");
        if (icid == null) {
            throw new MalformedSipHeaderException(NAME, "icid-value is required");
        }
        return new ChargingVector(icid, Optional.ofNullable(params.remove("icid-generated-at")),
                Optional.ofNullable(params.remove("orig-ioi")), Optional.ofNullable(params.remove("term-ioi")),
                params);
    }

    /** The vector of a message, if it has one. */
    public static Optional<ChargingVector> read(Message message) {
        List<String> values = HeaderText.values(message, NAME);
        return values.isEmpty() ? Optional.empty() : Optional.of(parse(values.get(0)));
    }

    /** A copy with the originating IOI set. */
    public ChargingVector withOrigIoi(String ioi) {
        return new ChargingVector(icidValue, icidGeneratedAt, Optional.of(ioi), termIoi, otherParameters);
    }

    /** A copy with the terminating IOI set. */
    public ChargingVector withTermIoi(String ioi) {
        return new ChargingVector(icidValue, icidGeneratedAt, origIoi, Optional.of(ioi), otherParameters);
    }

    /** The header value. */
    public String format() {
        Map<String, String> params = new LinkedHashMap<>();
        icidGeneratedAt.ifPresent(v -> params.put("icid-generated-at", v));
        origIoi.ifPresent(v -> params.put("orig-ioi", v));
        termIoi.ifPresent(v -> params.put("term-ioi", v));
        params.putAll(otherParameters);
        return "icid-value=" + HeaderParameters.tokenOrQuoted(icidValue) + HeaderParameters.format(params);
    }

    /** Sets this vector as the message's only P-Charging-Vector. */
    public void write(Message message, HeaderFactory headers) {
        HeaderText.replace(message, headers, NAME, List.of(format()), false);
    }
}
