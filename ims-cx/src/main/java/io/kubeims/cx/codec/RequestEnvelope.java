package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.AvpReader.once;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.protocol.cx.AuthSessionState;
import io.kubeims.protocol.cx.CxAvp;
import org.jdiameter.api.Avp;

/**
 * Collects the AVPs every Cx request carries (TS 29.229 clause 6.1.x: &lt; Session-Id &gt;,
 * { Vendor-Specific-Application-Id }, { Auth-Session-State }, { Origin-Host }, { Origin-Realm },
 * [ Destination-Host ], { Destination-Realm }) during the single pass of a request decoder.
 */
final class RequestEnvelope {

    private String sessionId;
    private String originHost;
    private String originRealm;
    private String destinationHost;
    private String destinationRealm;
    private AuthSessionState authSessionState;
    private boolean applicationId;

    /** @return whether {@code def} was one of the envelope AVPs (and has been read) */
    boolean accept(CxAvp def, Avp avp) throws CxDecodeException {
        switch (def) {
            case SESSION_ID -> {
                once(sessionId, def, avp);
                sessionId = AvpReader.utf8(avp, def);
            }
            case ORIGIN_HOST -> {
                once(originHost, def, avp);
                originHost = AvpReader.identity(avp, def);
            }
            case ORIGIN_REALM -> {
                once(originRealm, def, avp);
                originRealm = AvpReader.identity(avp, def);
            }
            case DESTINATION_HOST -> {
                once(destinationHost, def, avp);
                destinationHost = AvpReader.identity(avp, def);
            }
            case DESTINATION_REALM -> {
                once(destinationRealm, def, avp);
                destinationRealm = AvpReader.identity(avp, def);
            }
            case AUTH_SESSION_STATE -> {
                // either value is accepted: Cx is stateless whatever the peer says (TS 29.229 clause 5.3)
                once(authSessionState, def, avp);
                authSessionState = AvpReader.enumerated(avp, def, AuthSessionState::fromCode);
            }
            case VENDOR_SPECIFIC_APPLICATION_ID -> {
                once(applicationId ? Boolean.TRUE : null, def, avp);
                AvpReader.grouped(avp, def);
                applicationId = true;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The envelope, after checking the mandatory AVPs in the order of the command grammars. */
    CxEnvelope finish() throws CxDecodeException {
        GroupedAvps.require(sessionId, CxAvp.SESSION_ID);
        GroupedAvps.require(applicationId ? Boolean.TRUE : null, CxAvp.VENDOR_SPECIFIC_APPLICATION_ID);
        GroupedAvps.require(authSessionState, CxAvp.AUTH_SESSION_STATE);
        GroupedAvps.require(originHost, CxAvp.ORIGIN_HOST);
        GroupedAvps.require(originRealm, CxAvp.ORIGIN_REALM);
        GroupedAvps.require(destinationRealm, CxAvp.DESTINATION_REALM);
        return new CxEnvelope(sessionId, originHost, originRealm, destinationHost, destinationRealm);
    }

    /** The Session-Id if it has been read, for logs of a failed decode. */
    String sessionId() {
        return sessionId;
    }
}
