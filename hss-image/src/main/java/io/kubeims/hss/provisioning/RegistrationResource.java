package io.kubeims.hss.provisioning;

import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.hss.store.RegistrationRecord;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/subscribers/{impi}/registration} (read-only state and serving S-CSCF) and
 * {@code .../deregistration} (administrative de-registration, answered 202: the RTR goes out asynchronously).
 */
@Path("/api/v1/subscribers/{impi}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
@SecurityRequirement(name = "bearer")
public class RegistrationResource {

    private final SubscriberProvisioning provisioning;

    RegistrationResource(SubscriberProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @GET
    @Path("registration")
    @ProvisioningOperation("registration.get")
    @Operation(summary = "Read the registration state and the serving S-CSCF")
    public RegistrationView registration(@PathParam("impi") String impi) {
        return RegistrationView.of(impi, provisioning.registration(impi));
    }

    @POST
    @Path("deregistration")
    @Consumes(MediaType.APPLICATION_JSON)
    @ProvisioningOperation("deregistration.post")
    @Operation(summary = "De-register the subscriber (RTR); 409 when no S-CSCF is assigned")
    public Response deregister(@PathParam("impi") String impi, DeregistrationRequest request) {
        DeregistrationReason reason = (request == null ? new DeregistrationRequest(null, null) : request).toReason();
        RegistrationRecord record = provisioning.requestDeregistration(impi, reason);
        return Response.accepted(new DeregistrationAccepted(impi, record.serverName(), reason.reasonCode(),
                reason.reasonInfo())).build();
    }
}
