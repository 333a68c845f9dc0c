package io.kubeims.hss.cx;

import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.SipDigestAuthenticate;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.Credentials;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.cx.CxApplication;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.CxExperimentalResultCode;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UnknownAuthenticationSchemeException;
import io.kubeims.protocol.digest.Ha1;
import java.util.List;

/**
 * MAR: authentication vectors (TS 29.228 6.3.1, TS 29.229 6.1.7/6.1.8). The subscriber's provisioned scheme
 * decides: Digest-AKAv1-MD5 gives SIP-Number-Auth-Items vectors (capped by the settings), SIP Digest one
 * SIP-Digest-Authenticate; "Unknown" asks for the subscriber's scheme; any other scheme is
 * DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED. A SIP-Authorization in the request is an AKA synchronisation failure
 * (RAND || AUTS, TS 33.203 6.3.3).
 */
final class MultimediaAuthProcedure {

    /** Digest-QoP of SIP-Digest-Authenticate: integrity of the request line and headers (RFC 2617 "auth"). */
    static final String DIGEST_QOP = "auth";

    private final HssCxSettings settings;
    private final SubscriberResolver resolver;
    private final DynamicStateStore state;
    private final AkaVectorIssuer vectors;

    MultimediaAuthProcedure(HssCxSettings settings, SubscriberResolver resolver, DynamicStateStore state,
                            AkaVectorIssuer vectors) {
        this.settings = settings;
        this.resolver = resolver;
        this.state = state;
        this.vectors = vectors;
    }

    MultimediaAuthAnswer answer(MultimediaAuthRequest request) {
        SubscriberResolution resolution = resolver.byPair(request.userName(), request.publicIdentity());
        if (resolution instanceof SubscriberResolution.Refused refused) {
            return failure(request, refused.result(), refused.reason(), List.of());
        }
        Subscriber subscriber = ((SubscriberResolution.Found) resolution).subscriber();
        Credentials credentials = subscriber.credentials();
        SipAuthDataItem asked = request.authDataItem();
        SipAuthenticationScheme scheme;
        try {
            scheme = asked.scheme();
        } catch (UnknownAuthenticationSchemeException e) {
            return schemeNotSupported(request, "SIP-Authentication-Scheme '" + asked.authenticationScheme()
                    + "' is not a TS 29.228 scheme");
        }
        if (scheme == SipAuthenticationScheme.UNKNOWN) {
            scheme = credentials.scheme();
        }
        if (scheme != credentials.scheme()) {
            return schemeNotSupported(request, "the subscriber authenticates with " + credentials.scheme().wireValue()
                    + ", not " + scheme.wireValue());
        }
        if (credentials instanceof AkaCredentials aka) {
            return aka(request, subscriber, aka);
        }
        if (credentials instanceof SipDigestCredentials digest) {
            recordServerName(subscriber, request.serverName());
            Ha1 ha1 = Ha1.of(subscriber.privateIdentity(), settings.homeRealm(), digest.password());
            SipAuthDataItem item = SipAuthDataItem.sipDigest(1,
                    new SipDigestAuthenticate(settings.homeRealm(), DIGEST_QOP, ha1.hex()));
            return success(request, List.of(item));
        }
        return schemeNotSupported(request, scheme.wireValue() + " is not supported by this HSS");
    }

    private MultimediaAuthAnswer aka(MultimediaAuthRequest request, Subscriber subscriber, AkaCredentials aka) {
        byte[] randAuts = request.authDataItem().sipAuthorization();
        if (randAuts != null && vectors.resynchronise(subscriber.privateIdentity(), aka, randAuts).isEmpty()) {
            // RFC 6733 7.5: the offending AVP inside the Grouped AVP that carried it
            RawAvp authorization = new RawAvp(CxAvp.SIP_AUTHORIZATION.code(), CxApplication.VENDOR_ID_3GPP, true,
                    randAuts);
            RawAvp item = new RawAvp(CxAvp.SIP_AUTH_DATA_ITEM.code(), CxApplication.VENDOR_ID_3GPP, true,
                    authorization.wireBytes());
            String problem = randAuts.length != AkaVectorIssuer.RAND_AUTS_LENGTH
                    ? "SIP-Authorization must be RAND||AUTS (" + AkaVectorIssuer.RAND_AUTS_LENGTH + " octets), was "
                            + randAuts.length + " octets"
                    : "SIP-Authorization: AUTS does not verify (MAC-S)";
            return failure(request, CxResult.of(DiameterResultCode.INVALID_AVP_VALUE), problem, List.of(item));
        }
        recordServerName(subscriber, request.serverName());
        long asked = Math.max(1, request.numberAuthItems());
        int count = (int) Math.min(asked, settings.maxAuthItems());
        return success(request, vectors.issue(subscriber.privateIdentity(), aka, count));
    }

    /**
     * TS 29.228 6.3.1: the S-CSCF that authenticates is stored, as pending while another one is assigned (S-CSCF
     * re-assignment, settled by its SAR); nothing to record when it is the assigned one already.
     */
    private void recordServerName(Subscriber subscriber, String serverName) {
        RegistrationRecord current = state.registration(subscriber.privateIdentity());
        if (!serverName.equals(current.serverName()) && !serverName.equals(current.pendingServerName())) {
            state.recordPendingServerName(subscriber.privateIdentity(), serverName);
        }
    }

    private static MultimediaAuthAnswer success(MultimediaAuthRequest request, List<SipAuthDataItem> items) {
        return new MultimediaAuthAnswer(CxResult.of(DiameterResultCode.SUCCESS), request.userName(),
                request.publicIdentity(), (long) items.size(), items);
    }

    private static MultimediaAuthAnswer schemeNotSupported(MultimediaAuthRequest request, String reason) {
        return failure(request, CxResult.of(CxExperimentalResultCode.AUTH_SCHEME_NOT_SUPPORTED), reason, List.of());
    }

    private static MultimediaAuthAnswer failure(MultimediaAuthRequest request, CxResult result, String reason,
                                                List<RawAvp> failedAvps) {
        return new MultimediaAuthAnswer(result, request.userName(), request.publicIdentity(), null, List.of(),
                reason, failedAvps);
    }
}
