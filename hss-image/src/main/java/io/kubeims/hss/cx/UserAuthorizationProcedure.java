package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.subscriber.PublicUserIdentity;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.UserAuthorizationType;
import java.util.List;

/** UAR: user registration status query (TS 29.228 6.1.1.1), answered from the provisioned and dynamic state. */
final class UserAuthorizationProcedure {

    /** UAR-Flags bit 0, IMS-Emergency-Registration (TS 29.229 6.3.44). */
    private static final long EMERGENCY_REGISTRATION = 1;

    private final HssCxSettings settings;
    private final SubscriberResolver resolver;
    private final DynamicStateStore state;

    UserAuthorizationProcedure(HssCxSettings settings, SubscriberResolver resolver, DynamicStateStore state) {
        this.settings = settings;
        this.resolver = resolver;
        this.state = state;
    }

    UserAuthorizationAnswer answer(UserAuthorizationRequest request) {
        SubscriberResolution resolution = resolver.byPair(request.userName(), request.publicIdentity());
        if (resolution instanceof SubscriberResolution.Refused refused) {
            return refused(refused.result(), refused.reason());
        }
        Subscriber subscriber = ((SubscriberResolution.Found) resolution).subscriber();
        UserAuthorizationType type = request.authorizationType();
        // Steps 3 and 4 (barring, roaming) authorise a registration: a de-registration is never refused for them,
        // and an emergency registration skips them (TS 29.228 6.1.1.1, UAR-Flags).
        boolean emergency = (request.uarFlags() & EMERGENCY_REGISTRATION) != 0;
        if (type != UserAuthorizationType.DE_REGISTRATION && !emergency) {
            UserAuthorizationAnswer barred = barring(subscriber, request.publicIdentity());
            if (barred != null) {
                return barred;
            }
            if (!settings.allowsVisitedNetwork(request.visitedNetworkIdentifier())) {
                return refused(CxResult.of(CxExperimentalResultCode.ROAMING_NOT_ALLOWED),
                        "visited network " + request.visitedNetworkIdentifier() + " is not allowed");
            }
        }
        RegistrationRecord registration = state.registration(subscriber.privateIdentity());
        return switch (type) {
            case REGISTRATION -> {
                // registered, unregistered, or not registered with a stored (or MAR-recorded) S-CSCF name: the
                // I-CSCF goes to that S-CSCF; otherwise it chooses one from the capabilities
                String stored = StoredServerName.of(registration);
                yield stored != null
                        ? new UserAuthorizationAnswer(CxResult.of(CxExperimentalResultCode.SUBSEQUENT_REGISTRATION),
                                stored, null)
                        : new UserAuthorizationAnswer(CxResult.of(CxExperimentalResultCode.FIRST_REGISTRATION),
                                null, settings.serverCapabilities());
            }
            // the I-CSCF asks for capabilities to (re-)select an S-CSCF: no Server-Name
            case REGISTRATION_AND_CAPABILITIES -> new UserAuthorizationAnswer(CxResult.of(DiameterResultCode.SUCCESS),
                    null, settings.serverCapabilities());
            case DE_REGISTRATION -> registration.serverName() != null
                    ? new UserAuthorizationAnswer(CxResult.of(DiameterResultCode.SUCCESS), registration.serverName(),
                            null)
                    : refused(CxResult.of(CxExperimentalResultCode.IDENTITY_NOT_REGISTERED),
                            "no S-CSCF is assigned to " + request.publicIdentity());
        };
    }

    /**
     * Step 3: a barred subscription cannot register; a barred public identity can, as long as another identity of
     * its implicit registration set is not barred (TS 29.228 6.1.1.1, TS 23.228 4.3.3.1).
     */
    private static UserAuthorizationAnswer barring(Subscriber subscriber, String publicIdentity) {
        if (subscriber.barred()) {
            return refused(CxResult.of(DiameterResultCode.AUTHORIZATION_REJECTED),
                    "the subscription of " + subscriber.privateIdentity() + " is barred");
        }
        boolean identityBarred = subscriber.publicIdentity(publicIdentity).map(PublicUserIdentity::barred)
                .orElse(false);
        if (identityBarred && subscriber.publicIdentities().stream().allMatch(PublicUserIdentity::barred)) {
            return refused(CxResult.of(DiameterResultCode.AUTHORIZATION_REJECTED),
                    publicIdentity + " and every identity of its implicit registration set are barred");
        }
        return null;
    }

    private static UserAuthorizationAnswer refused(CxResult result, String reason) {
        return new UserAuthorizationAnswer(result, null, null, reason, List.of());
    }
}
