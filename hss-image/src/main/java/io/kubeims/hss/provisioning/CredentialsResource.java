package io.kubeims.hss.provisioning;

import io.kubeims.hss.subscriber.Credentials;
import io.kubeims.hss.subscriber.Subscriber;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/subscribers/{impi}/auth}: write-only credentials (there is no GET). */
@Path("/api/v1/subscribers/{impi}")
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
@SecurityRequirement(name = "bearer")
public class CredentialsResource {

    private final SubscriberProvisioning provisioning;

    CredentialsResource(SubscriberProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @PUT
    @Path("auth")
    @ProvisioningOperation("auth.put")
    @Operation(summary = "Replace the credentials: AKAv1-MD5 (k, op or opc, amf in hex) or SIP-Digest (password)")
    public void put(@PathParam("impi") String impi, CredentialsRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a credentials JSON object is required");
        }
        Credentials credentials = request.toCredentials("");
        provisioning.update(impi, s -> new Subscriber(s.privateIdentity(), s.publicIdentities(), s.barred(),
                credentials, s.initialFilterCriteria()));
    }
}
