package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.RegistrationChange;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.RegistrationState;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import io.kubeims.protocol.ifc.xml.CxUserDataWriter;
import java.util.List;

/**
 * SAR: S-CSCF registration/de-registration notification and user profile download (TS 29.228 6.1.2.1, 6.2.1),
 * one branch per Server-Assignment-Type of TS 29.229 6.3.15. The registration record covers the whole implicit
 * registration set of the private identity. Every change is one atomic update of the record, so two HSS instances
 * cannot both assign different S-CSCFs, and a request from an S-CSCF that no longer holds the user never undoes
 * the assignment of the one that does.
 */
final class ServerAssignmentProcedure {

    private final SubscriberResolver resolver;
    private final DynamicStateStore state;
    private final CxUserDataWriter userDataWriter;

    ServerAssignmentProcedure(SubscriberResolver resolver, DynamicStateStore state, CxUserDataWriter userDataWriter) {
        this.resolver = resolver;
        this.state = state;
        this.userDataWriter = userDataWriter;
    }

    ServerAssignmentAnswer answer(ServerAssignmentRequest request) {
        SubscriberResolution resolution = resolver.forAssignment(request.userName(), request.publicIdentities());
        if (resolution instanceof SubscriberResolution.Refused refused) {
            return failure(refused.result(), refused.reason());
        }
        Subscriber subscriber = ((SubscriberResolution.Found) resolution).subscriber();
        String impi = subscriber.privateIdentity();
        String server = request.serverName();
        boolean sendUserData = request.userDataAlreadyAvailable() != UserDataAlreadyAvailable.USER_DATA_ALREADY_AVAILABLE;
        return switch (request.assignmentType()) {
            case NO_ASSIGNMENT -> {
                // profile download only, for the S-CSCF that serves the user (6.1.2.1: else UNABLE_TO_COMPLY)
                String assigned = state.registration(impi).serverName();
                yield server.equals(assigned) ? success(subscriber, true)
                        : failure(CxResult.of(DiameterResultCode.UNABLE_TO_COMPLY),
                                server + " is not the S-CSCF assigned to " + impi);
            }
            case REGISTRATION, RE_REGISTRATION -> assign(subscriber, server, RegistrationState.REGISTERED, sendUserData);
            case UNREGISTERED_USER -> assign(subscriber, server, RegistrationState.UNREGISTERED, sendUserData);
            case TIMEOUT_DEREGISTRATION, USER_DEREGISTRATION, ADMINISTRATIVE_DEREGISTRATION,
                    DEREGISTRATION_TOO_MUCH_DATA -> deregister(subscriber, server, false);
            case TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME, USER_DEREGISTRATION_STORE_SERVER_NAME ->
                    deregister(subscriber, server, true);
            case AUTHENTICATION_FAILURE, AUTHENTICATION_TIMEOUT -> {
                // the registration state stays; only the name this S-CSCF's MAR recorded goes (6.1.2.1)
                state.updateRegistration(impi, current -> server.equals(current.pendingServerName())
                        ? new RegistrationRecord(current.state(), current.serverName(), null) : current);
                yield success(subscriber, false);
            }
            case RESTORATION -> restore(subscriber, server, sendUserData);
            // used by a 3GPP AAA server on SWx (TS 29.273), never on Cx
            case AAA_USER_DATA_REQUEST, PGW_UPDATE -> failure(CxResult.of(CxExperimentalResultCode.IN_ASSIGNMENT_TYPE),
                    "Server-Assignment-Type " + request.assignmentType() + " is not a Cx assignment type");
        };
    }

    /**
     * REGISTRATION, RE_REGISTRATION, UNREGISTERED_USER: assign this S-CSCF unless another one holds the user, which
     * is DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED, except when this S-CSCF authenticated the user after the
     * other one was assigned (its MAR left it pending): then the assignment moves to it (S-CSCF re-assignment,
     * TS 29.228 6.3.1). UNREGISTERED_USER for a user registered with this same S-CSCF keeps REGISTERED.
     */
    private ServerAssignmentAnswer assign(Subscriber subscriber, String server, RegistrationState target,
                                          boolean sendUserData) {
        RegistrationChange change = state.updateRegistration(subscriber.privateIdentity(), current -> {
            boolean held = current.serverName() != null && !current.serverName().equals(server);
            if (held && !server.equals(current.pendingServerName())) {
                return current;
            }
            if (target == RegistrationState.UNREGISTERED && current.state() == RegistrationState.REGISTERED && !held) {
                return current;
            }
            return current.assignedTo(server, target);
        });
        if (!server.equals(change.current().serverName())) {
            return failure(CxResult.of(CxExperimentalResultCode.IDENTITY_ALREADY_REGISTERED),
                    subscriber.privateIdentity() + " is served by another S-CSCF");
        }
        return success(subscriber, sendUserData);
    }

    /**
     * The de-registration types: NOT_REGISTERED, the name cleared or (STORE_SERVER_NAME) kept as the stored name.
     * A request from an S-CSCF that does not hold the user (it lost it to a re-assignment) changes nothing and is
     * answered with success: the user is de-registered from that S-CSCF's point of view.
     */
    private ServerAssignmentAnswer deregister(Subscriber subscriber, String server, boolean keepName) {
        state.updateRegistration(subscriber.privateIdentity(), current -> {
            String stored = StoredServerName.of(current);
            if (stored != null && !stored.equals(server)) {
                return current;
            }
            return keepName ? new RegistrationRecord(RegistrationState.NOT_REGISTERED, null, server)
                    : RegistrationRecord.notRegistered();
        });
        return success(subscriber, false);
    }

    /**
     * RESTORATION (TS 23.380): a replacement S-CSCF takes over a user that is registered or unregistered, the state
     * kept; for a user with no S-CSCF there is nothing to restore.
     */
    private ServerAssignmentAnswer restore(Subscriber subscriber, String server, boolean sendUserData) {
        RegistrationChange change = state.updateRegistration(subscriber.privateIdentity(),
                current -> current.serverName() == null ? current : current.assignedTo(server, current.state()));
        if (change.current().serverName() == null) {
            return failure(CxResult.of(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED),
                    subscriber.privateIdentity() + " has no S-CSCF to restore");
        }
        return success(subscriber, sendUserData);
    }

    private ServerAssignmentAnswer success(Subscriber subscriber, boolean withUserData) {
        byte[] userData = withUserData ? userDataWriter.writeBytes(subscriber.imsSubscription()) : null;
        return new ServerAssignmentAnswer(CxResult.of(DiameterResultCode.SUCCESS), subscriber.privateIdentity(),
                userData, List.of(), null);
    }

    private static ServerAssignmentAnswer failure(CxResult result, String reason) {
        return new ServerAssignmentAnswer(result, null, null, List.of(), null, reason, List.of());
    }
}
