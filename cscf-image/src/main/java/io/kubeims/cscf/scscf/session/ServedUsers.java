package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.store.Contact;
import io.kubeims.cscf.store.Registration;
import io.kubeims.cscf.store.RegistrationStore;
import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.xml.CxUserDataException;
import io.kubeims.protocol.ifc.xml.CxUserDataReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sip.message.Response;

/**
 * Finds the served user of an initial request: a registered user from the shared registration store (any replica's
 * registration, TS 24.229 5.4.3.2/5.4.3.3), an unregistered one by SAR UNREGISTERED_USER (TS 29.228 6.1.2.1: the
 * HSS assigns this pool and returns the profile). Nothing is cached, so a PPR or a new registration is seen at once.
 */
final class ServedUsers {

    private final RegistrationStore registrations;
    private final CxClient cx;
    private final String serverName;
    private final CxUserDataReader userData;
    private final Clock clock;

    ServedUsers(RegistrationStore registrations, CxClient cx, String serverName, CxUserDataReader userData,
            Clock clock) {
        this.registrations = registrations;
        this.cx = cx;
        this.serverName = serverName;
        this.userData = userData;
        this.clock = clock;
    }

    /**
     * The served user {@code identity}; completes exceptionally with {@link SessionRejectedException} when it is
     * unknown (404, or 403 when {@code originating}), barred (403 originating, 404 terminating; TS 24.229 5.4.3.2
     * step 1, 5.4.3.3 step 1) or the HSS cannot tell (480 with the HSS's reason).
     */
    CompletableFuture<ServedUser> find(String identity, boolean originating) {
        Instant now = clock.instant();
        Registration profileSource = null;
        List<Contact> active = new ArrayList<>();
        // an IMPU shared by several IMPIs (TS 23.228 4.3.3.4) has a registration each: every binding is a target
        for (Registration registration : registrations.findByPublicIdentity(identity)) {
            List<Contact> contacts = registration.activeContacts(now);
            if (!contacts.isEmpty()) {
                active.addAll(contacts);
                if (profileSource == null) {
                    profileSource = registration;
                }
            }
        }
        if (profileSource == null) {
            return unregistered(identity, originating);
        }
        try {
            return CompletableFuture.completedFuture(servedUser(identity, true, active,
                    userData.read(profileSource.serviceProfile()), originating));
        } catch (CxUserDataException e) {
            return CompletableFuture.failedFuture(new SessionRejectedException(Response.SERVER_INTERNAL_ERROR,
                    "Unreadable Service Profile", "stored profile of " + profileSource.impi() + " unreadable: "
                    + e.getMessage(), e));
        } catch (SessionRejectedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<ServedUser> unregistered(String identity, boolean originating) {
        CompletableFuture<ServerAssignmentAnswer> answer;
        try {
            answer = cx.send(new ServerAssignmentRequest(null, List.of(identity), serverName,
                    ServerAssignmentType.UNREGISTERED_USER, UserDataAlreadyAvailable.USER_DATA_NOT_AVAILABLE));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new SessionRejectedException(Response.TEMPORARILY_UNAVAILABLE,
                    "HSS Unreachable", "SAR UNREGISTERED_USER for " + identity + " not sent: " + e.getMessage(), e));
        }
        return answer.handle((saa, failure) -> {
            if (failure != null) {
                throw new CompletionException(new SessionRejectedException(Response.TEMPORARILY_UNAVAILABLE,
                        "HSS Unreachable", "SAR UNREGISTERED_USER for " + identity + " failed: " + failure, failure));
            }
            if (saa.result().is(CxExperimentalResultCode.USER_UNKNOWN)) {
                throw new CompletionException(unknown(identity, originating, "unknown to the HSS"));
            }
            if (!saa.result().isSuccess() || saa.userData() == null) {
                throw new CompletionException(new SessionRejectedException(Response.TEMPORARILY_UNAVAILABLE,
                        "Served User Not Assignable", "SAR UNREGISTERED_USER for " + identity + " answered "
                        + saa.result().code() + (saa.errorMessage() == null ? "" : " " + saa.errorMessage())));
            }
            try {
                return servedUser(identity, false, List.of(), userData.read(saa.userData()), originating);
            } catch (CxUserDataException e) {
                throw new CompletionException(new SessionRejectedException(Response.SERVER_INTERNAL_ERROR,
                        "Unreadable Service Profile", "profile of " + identity + " unreadable: " + e.getMessage(),
                        e));
            }
        });
    }

    private static ServedUser servedUser(String identity, boolean registered, List<Contact> contacts,
            ImsSubscription subscription, boolean originating) {
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            Optional<PublicIdentity> found = profile.publicIdentities().stream()
                    .filter(i -> i.identity().equalsIgnoreCase(identity)).findFirst();
            if (found.isPresent()) {
                if (found.get().barringIndication()) {
                    // TS 24.229 5.4.3.2 step 1 (originating) 403; 5.4.3.3 step 1 (terminating) 404
                    throw originating ? new SessionRejectedException(Response.FORBIDDEN, "Barred Identity",
                            identity + " is barred")
                            : new SessionRejectedException(Response.NOT_FOUND, "Not Found", identity + " is barred");
                }
                return new ServedUser(found.get().identity(), registered, contacts, profile);
            }
        }
        throw unknown(identity, originating, "in no service profile of its subscription");
    }

    private static SessionRejectedException unknown(String identity, boolean originating, String why) {
        return originating
                ? new SessionRejectedException(Response.FORBIDDEN, "Served User Unknown", identity + " " + why)
                : new SessionRejectedException(Response.NOT_FOUND, "Not Found", identity + " " + why);
    }
}
