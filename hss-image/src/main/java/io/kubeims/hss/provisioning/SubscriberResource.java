package io.kubeims.hss.provisioning;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/subscribers/{impi}}: create or replace, read (without secrets) and delete a subscriber. */
@Path("/api/v1/subscribers/{impi}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "bearer")
public class SubscriberResource {

    private final SubscriberProvisioning provisioning;

    SubscriberResource(SubscriberProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @PUT
    @ProvisioningOperation("subscriber.put")
    @Operation(summary = "Create (201) or replace (200) the subscriber with this private identity")
    public Response put(@PathParam("impi") String impi, SubscriberRequest request, @Context UriInfo uri) {
        SubscriberProvisioning.PutResult result = provisioning.put(impi, request);
        SubscriberView view = SubscriberView.of(result.subscriber());
        return result.created() ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @ProvisioningOperation("subscriber.get")
    @Operation(summary = "Read a subscriber; of the credentials only the scheme is shown")
    public SubscriberView get(@PathParam("impi") String impi) {
        return SubscriberView.of(provisioning.get(impi));
    }

    @DELETE
    @ProvisioningOperation("subscriber.delete")
    @Operation(summary = "Delete a subscriber (a registered one is de-registered by RTR)")
    public void delete(@PathParam("impi") String impi) {
        provisioning.delete(impi);
    }
}
