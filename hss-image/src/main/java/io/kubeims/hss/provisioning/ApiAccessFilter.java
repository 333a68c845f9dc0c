package io.kubeims.hss.provisioning;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a request reach the provisioning API only with the configured bearer token (RFC 6750); otherwise answers 401
 * with a {@code WWW-Authenticate: Bearer} challenge. It runs before resource matching, so an unauthenticated client
 * learns nothing about which paths exist. Only the REST application passes here: health ({@code /q/health}),
 * metrics ({@code /q/metrics}) and the OpenAPI document ({@code /q/openapi}) are separate routes and stay open.
 */
public class ApiAccessFilter {

    private static final Logger LOG = Logger.getLogger(ApiAccessFilter.class);
    private static final String REALM = "kube-ims-hss";

    private final BearerTokenVerifier verifier;

    ApiAccessFilter(BearerTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        BearerTokenVerifier.Verdict verdict = verifier.check(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (verdict == BearerTokenVerifier.Verdict.ACCEPTED) {
            return null;
        }
        // RFC 6750 3: no error code when the request carried no token, invalid_token when it carried a wrong one.
        String challenge = verdict == BearerTokenVerifier.Verdict.MISSING ? "Bearer realm=\"" + REALM + "\""
                : "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"";
        String error = verdict == BearerTokenVerifier.Verdict.MISSING ? "a bearer token is required"
                : "the bearer token is not valid";
        LOG.debugf("401 for %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), error);
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(error, null))
                .build();
    }
}
