package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.UserAuthorizationType;
import java.util.List;

/**
 * LIR: user location query (TS 29.228 6.1.4.1). A registered user's S-CSCF is returned; a user with an S-CSCF for
 * unregistered-state services too, unless the I-CSCF asks for capabilities (User-Authorization-Type
 * REGISTRATION_AND_CAPABILITIES, to re-select an S-CSCF). A user without S-CSCF gets DIAMETER_UNREGISTERED_SERVICE
 * when it has unregistered-state services (see {@link UnregisteredServices}) or the request is an originating one
 * (an AS acting for the user): with the stored S-CSCF name when there is one, else with Server-Capabilities.
 */
final class LocationInfoProcedure {

    private final HssCxSettings settings;
    private final SubscriberResolver resolver;
    private final DynamicStateStore state;

    LocationInfoProcedure(HssCxSettings settings, SubscriberResolver resolver, DynamicStateStore state) {
        this.settings = settings;
        this.resolver = resolver;
        this.state = state;
    }

    LocationInfoAnswer answer(LocationInfoRequest request) {
        SubscriberResolution resolution = resolver.byPublicIdentity(request.publicIdentity());
        if (resolution instanceof SubscriberResolution.Refused refused) {
            return new LocationInfoAnswer(refused.result(), null, null, refused.reason(), List.of());
        }
        Subscriber subscriber = ((SubscriberResolution.Found) resolution).subscriber();
        RegistrationRecord registration = state.registration(subscriber.privateIdentity());
        boolean reselect = request.authorizationType() == UserAuthorizationType.REGISTRATION_AND_CAPABILITIES;
        CxResult unregisteredService = CxResult.of(CxExperimentalResultCode.UNREGISTERED_SERVICE);
        switch (registration.state()) {
            case REGISTERED:
                return new LocationInfoAnswer(CxResult.of(DiameterResultCode.SUCCESS), registration.serverName(), null);
            case UNREGISTERED:
                return reselect ? new LocationInfoAnswer(unregisteredService, null, settings.serverCapabilities())
                        : new LocationInfoAnswer(CxResult.of(DiameterResultCode.SUCCESS), registration.serverName(),
                                null);
            default:
                break;
        }
        if (!request.originatingRequest() && !UnregisteredServices.offeredTo(subscriber)) {
            return new LocationInfoAnswer(CxResult.of(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED), null, null,
                    request.publicIdentity() + " is not registered and has no unregistered-state services",
                    List.of());
        }
        String stored = registration.pendingServerName();
        return stored != null && !reselect ? new LocationInfoAnswer(unregisteredService, stored, null)
                : new LocationInfoAnswer(unregisteredService, null, settings.serverCapabilities());
    }
}
