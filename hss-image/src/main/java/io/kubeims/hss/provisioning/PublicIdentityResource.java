package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.Subscriber;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/subscribers/{impi}/public-identities}: the implicit registration set as a whole, and one identity
 * by its URI ({@code .../public-identities/{impu}}, URL-encoded; a {@code ;} of URI parameters must be sent as
 * {@code %3B}).
 */
@Path("/api/v1/subscribers/{impi}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
@SecurityRequirement(name = "bearer")
public class PublicIdentityResource {

    private final SubscriberProvisioning provisioning;

    PublicIdentityResource(SubscriberProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @GET
    @Path("public-identities")
    @ProvisioningOperation("public-identities.get")
    @Operation(summary = "Read the public identities, default identity first")
    public PublicIdentityList list(@PathParam("impi") String impi) {
        return PublicIdentityList.of(provisioning.get(impi));
    }

    @PUT
    @Path("public-identities")
    @ProvisioningOperation("public-identities.put")
    @Operation(summary = "Replace the public identities (at least one; the first is the default identity)")
    public PublicIdentityList replace(@PathParam("impi") String impi, PublicIdentityList request) {
        if (request == null) {
            throw new InvalidRequestException("publicIdentities", "at least one public identity is required");
        }
        List<PublicUserIdentity> identities = PublicIdentityMapping.toModel(request.publicIdentities(),
                "publicIdentities");
        return PublicIdentityList.of(provisioning.update(impi, s -> new Subscriber(s.privateIdentity(), identities,
                s.barred(), s.credentials(), s.initialFilterCriteria())).after());
    }

    @GET
    @Path("public-identities/{impu}")
    @ProvisioningOperation("public-identity.get")
    @Operation(summary = "Read one public identity")
    public PublicIdentitySpec get(@PathParam("impi") String impi, @PathParam("impu") String impu) {
        Subscriber subscriber = provisioning.get(impi);
        return PublicIdentityMapping.toSpec(subscriber.publicIdentity(impu)
                .orElseThrow(() -> UnknownResourceException.publicIdentity(impi, impu)));
    }

    @PUT
    @Path("public-identities/{impu}")
    @ProvisioningOperation("public-identity.put")
    @Operation(summary = "Add (201, appended) or replace (200) one public identity; the body is optional")
    public Response put(@PathParam("impi") String impi, @PathParam("impu") String impu, PublicIdentitySpec request) {
        PublicIdentitySpec spec = request == null ? new PublicIdentitySpec() : request;
        if (spec.getIdentity() != null && !spec.getIdentity().equals(impu)) {
            throw new InvalidRequestException("identity", "'" + spec.getIdentity()
                    + "' differs from the public identity of the path, " + impu);
        }
        spec.setIdentity(impu);
        PublicUserIdentity identity = PublicIdentityMapping.toModel(spec, "");
        SubscriberProvisioning.Revision revision = provisioning.update(impi, s -> {
            List<PublicUserIdentity> identities = new ArrayList<>(s.publicIdentities());
            int index = s.publicIdentityUris().indexOf(impu);
            if (index < 0) {
                identities.add(identity);
            } else {
                identities.set(index, identity);
            }
            return new Subscriber(s.privateIdentity(), identities, s.barred(), s.credentials(),
                    s.initialFilterCriteria());
        });
        PublicIdentitySpec body = PublicIdentityMapping.toSpec(identity);
        boolean added = revision.before().publicIdentity(impu).isEmpty();
        return added ? Response.status(Response.Status.CREATED).entity(body).build() : Response.ok(body).build();
    }

    @DELETE
    @Path("public-identities/{impu}")
    @ProvisioningOperation("public-identity.delete")
    @Operation(summary = "Remove one public identity (not the last one)")
    public void delete(@PathParam("impi") String impi, @PathParam("impu") String impu) {
        provisioning.update(impi, s -> {
            if (s.publicIdentity(impu).isEmpty()) {
                throw UnknownResourceException.publicIdentity(impi, impu);
            }
            if (s.publicIdentities().size() == 1) {
                throw new InvalidRequestException("publicIdentities", "the last public identity of "
                        + s.privateIdentity() + " cannot be removed; delete the subscriber instead");
            }
            List<PublicUserIdentity> identities = new ArrayList<>(s.publicIdentities());
            identities.removeIf(p -> p.identity().equals(impu));
            return new Subscriber(s.privateIdentity(), identities, s.barred(), s.credentials(),
                    s.initialFilterCriteria());
        });
    }
}
