package io.kubeims.hss.provisioning;

import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.Subscriber;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/subscribers/{impi}/barring}: subscription barring and the barred public identities. */
@Path("/api/v1/subscribers/{impi}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
@SecurityRequirement(name = "bearer")
public class BarringResource {

    private final SubscriberProvisioning provisioning;

    BarringResource(SubscriberProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @GET
    @Path("barring")
    @ProvisioningOperation("barring.get")
    @Operation(summary = "Read the barring of the subscription and of its public identities")
    public BarringDocument get(@PathParam("impi") String impi) {
        return BarringDocument.of(provisioning.get(impi));
    }

    @PUT
    @Path("barring")
    @ProvisioningOperation("barring.put")
    @Operation(summary = "Replace the barring: listed public identities are barred, the others not")
    public BarringDocument put(@PathParam("impi") String impi, BarringDocument request) {
        if (request == null || request.barred() == null) {
            throw new InvalidRequestException("barred", "is required (true or false)");
        }
        List<String> listed = request.barredPublicIdentities() == null ? List.of() : request.barredPublicIdentities();
        Subscriber after = provisioning.update(impi, s -> {
            Set<String> barred = new HashSet<>();
            for (int i = 0; i < listed.size(); i++) {
                if (s.publicIdentity(listed.get(i)).isEmpty()) {
                    throw new InvalidRequestException("barredPublicIdentities[" + i + "]", "'" + listed.get(i)
                            + "' is not a public identity of " + s.privateIdentity());
                }
                barred.add(listed.get(i));
            }
            List<PublicUserIdentity> identities = new ArrayList<>();
            for (PublicUserIdentity identity : s.publicIdentities()) {
                identities.add(new PublicUserIdentity(identity.identity(), barred.contains(identity.identity()),
                        identity.displayName()));
            }
            return new Subscriber(s.privateIdentity(), identities, request.barred(), s.credentials(),
                    s.initialFilterCriteria());
        }).after();
        return BarringDocument.of(after);
    }
}
