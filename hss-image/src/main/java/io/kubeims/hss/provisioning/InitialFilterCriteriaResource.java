package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileMapping;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileSpec;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code /api/v1/subscribers/{impi}/ifcs}: the subscriber's iFCs in the IfcProfile JSON model
 * ({@code {"initialFilterCriteria": [...]}}), as the operator copies them from an IfcProfile.
 */
@Path("/api/v1/subscribers/{impi}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
@SecurityRequirement(name = "bearer")
public class InitialFilterCriteriaResource {

    private final SubscriberProvisioning provisioning;

    InitialFilterCriteriaResource(SubscriberProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @GET
    @Path("ifcs")
    @ProvisioningOperation("ifcs.get")
    @Operation(summary = "Read the subscriber's iFCs")
    public IfcProfileSpec get(@PathParam("impi") String impi) {
        return IfcProfileMapping.fromModel(provisioning.get(impi).initialFilterCriteria());
    }

    @PUT
    @Path("ifcs")
    @ProvisioningOperation("ifcs.put")
    @Operation(summary = "Replace the subscriber's iFCs (an empty list removes them)")
    public IfcProfileSpec put(@PathParam("impi") String impi, IfcProfileSpec request) {
        if (request == null) {
            throw new InvalidRequestException("body", "an object with initialFilterCriteria is required");
        }
        List<InitialFilterCriteria> criteria = IfcProfileMapping.toModel(request);
        Subscriber after = provisioning.update(impi, s -> new Subscriber(s.privateIdentity(), s.publicIdentities(),
                s.barred(), s.credentials(), criteria)).after();
        return IfcProfileMapping.fromModel(after.initialFilterCriteria());
    }
}
