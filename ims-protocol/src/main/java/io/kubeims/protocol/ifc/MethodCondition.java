package io.kubeims.protocol.ifc;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * SPT condition on the SIP method (TS 29.228 Annex B.2.2 Method), with the optional RegistrationType list
 * of the SPT extension that narrows a REGISTER trigger to some kinds of registration.
 *
 * @param method the method token, compared case-sensitively (RFC 3261 7.1)
 * @param registrationTypes the kinds of REGISTER that match; empty matches every REGISTER. Only allowed
 *        with method REGISTER, and at most two (the schema's limit: all three is the same as none)
 */
public record MethodCondition(String method, Set<RegistrationType> registrationTypes) implements SptCondition {

    /** The schema's maxOccurs of RegistrationType (TS 29.228 Annex E, tSePoTriExtension). */
    public static final int MAX_REGISTRATION_TYPES = 2;

    /** @throws InvalidIfcException if the method is not a token or the registration types are misplaced */
    public MethodCondition {
        FieldChecks.sipToken(method, "Method");
        FieldChecks.required(registrationTypes, "RegistrationType list");
        for (RegistrationType type : registrationTypes) {
            // Iterated rather than contains(null), which immutable sets refuse.
            FieldChecks.required(type, "RegistrationType list element");
        }
        if (!registrationTypes.isEmpty() && !"REGISTER".equals(method)) {
            throw new InvalidIfcException("RegistrationType " + registrationTypes + " given for Method '"
                    + method + "'; it only applies to REGISTER");
        }
        if (registrationTypes.size() > MAX_REGISTRATION_TYPES) {
            throw new InvalidIfcException("RegistrationType lists all of " + registrationTypes
                    + "; omit the list to match every REGISTER (TS 29.228 allows at most "
                    + MAX_REGISTRATION_TYPES + ")");
        }
        // EnumSet keeps code order, so writers emit the list canonically.
        registrationTypes = registrationTypes.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(registrationTypes));
    }

    /**
     * @param method the method token
     * @throws InvalidIfcException if it is not a token
     */
    public MethodCondition(String method) {
        this(method, Set.of());
    }

    @Override
    public boolean matches(IfcRequest request) {
        if (!method.equals(request.method())) {
            return false;
        }
        // TS 29.228 Annex B.2.2: with a RegistrationType list the REGISTER must be one of those kinds.
        return registrationTypes.isEmpty()
                || (request.registrationType() != null && registrationTypes.contains(request.registrationType()));
    }
}
