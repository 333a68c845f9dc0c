package io.kubeims.hss.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer of the provisioning API. Never holds a secret value.
 *
 * @param error          what is wrong
 * @param field          the offending request field as a JSON path (e.g. {@code auth.k},
 *                       {@code publicIdentities[1].identity}), or null when no single field is to blame
 * @param publicIdentity 409 only: the contested public identity
 * @param owner          409 only: the private identity that holds it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, String publicIdentity, String owner) {

    /** An error about one field, or about no field in particular when {@code field} is null. */
    public static ApiError of(String error, String field) {
        return new ApiError(error, field, null, null);
    }
}
