package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.CommandAvps.OCTETS;
import static io.kubeims.cx.codec.CommandAvps.UNSIGNED32;
import static io.kubeims.cx.codec.CommandAvps.UTF8;
import static io.kubeims.cx.codec.CommandAvps.enumerated;
import static io.kubeims.cx.codec.GroupedAvps.require;

import io.kubeims.cx.message.CxEnvelope;
import io.kubeims.cx.message.CxRequest;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.cx.message.LocationInfoRequest;
import io.kubeims.cx.message.MultimediaAuthRequest;
import io.kubeims.cx.message.PushProfileRequest;
import io.kubeims.cx.message.RegistrationTerminationRequest;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationRequest;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.OriginatingRequest;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserAuthorizationType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdiameter.api.AvpSet;

/**
 * Decodes the six Cx requests (TS 29.229 clauses 6.1.1, 6.1.3, 6.1.5, 6.1.7, 6.1.9, 6.1.11), one pass over the
 * AVPs each. Strict: unknown AVPs with the M-bit are refused (5001), repeated single AVPs too (5009).
 */
final class CxRequestDecoder {

    private static final boolean STRICT = true;

    private final AvpIndex index;
    private final GroupedAvps grouped;

    CxRequestDecoder(AvpIndex index, GroupedAvps grouped) {
        this.index = index;
        this.grouped = grouped;
    }

    CxDecoded<CxRequest<?>> decode(CxCommand command, AvpSet avps) throws CxDecodeException {
        RequestEnvelope envelope = new RequestEnvelope();
        return switch (command) {
            case USER_AUTHORIZATION -> uar(avps, envelope);
            case MULTIMEDIA_AUTH -> mar(avps, envelope);
            case SERVER_ASSIGNMENT -> sar(avps, envelope);
            case LOCATION_INFO -> lir(avps, envelope);
            case REGISTRATION_TERMINATION -> rtr(avps, envelope);
            case PUSH_PROFILE -> ppr(avps, envelope);
            default -> throw new IllegalArgumentException("not a Cx request: " + command);
        };
    }

    /** One pass over the request's AVPs, the envelope AVPs going to {@code envelope}. */
    private CommandAvps read(AvpSet avps, RequestEnvelope envelope, CommandAvps expected) throws CxDecodeException {
        return expected.read(avps, index, STRICT, envelope::accept);
    }

    private CommandAvps.Reader<SipAuthDataItem> sipAuthDataItem() {
        return (avp, def) -> grouped.sipAuthDataItem(avp, STRICT);
    }

    private CxDecoded<CxRequest<?>> uar(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        CommandAvps a = read(avps, envelope, new CommandAvps()
                .one(CxAvp.USER_NAME, UTF8)
                .one(CxAvp.PUBLIC_IDENTITY, UTF8)
                .one(CxAvp.VISITED_NETWORK_IDENTIFIER, OCTETS)
                .one(CxAvp.USER_AUTHORIZATION_TYPE, enumerated(UserAuthorizationType::fromCode))
                .one(CxAvp.UAR_FLAGS, UNSIGNED32));
        CxEnvelope env = envelope.finish();
        String userName = a.require(CxAvp.USER_NAME);
        String publicIdentity = a.require(CxAvp.PUBLIC_IDENTITY);
        byte[] visitedNetwork = a.require(CxAvp.VISITED_NETWORK_IDENTIFIER);
        return new CxDecoded<>(env, new UserAuthorizationRequest(userName, publicIdentity,
                new String(visitedNetwork, StandardCharsets.UTF_8),
                a.get(CxAvp.USER_AUTHORIZATION_TYPE, UserAuthorizationType.REGISTRATION),
                a.get(CxAvp.UAR_FLAGS, 0L)));
    }

    private CxDecoded<CxRequest<?>> mar(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        CommandAvps a = read(avps, envelope, new CommandAvps()
                .one(CxAvp.USER_NAME, UTF8)
                .one(CxAvp.PUBLIC_IDENTITY, UTF8)
                .one(CxAvp.SERVER_NAME, UTF8)
                .one(CxAvp.SIP_NUMBER_AUTH_ITEMS, UNSIGNED32)
                .one(CxAvp.SIP_AUTH_DATA_ITEM, sipAuthDataItem()));
        CxEnvelope env = envelope.finish();
        String userName = a.require(CxAvp.USER_NAME);
        String publicIdentity = a.require(CxAvp.PUBLIC_IDENTITY);
        SipAuthDataItem item = a.require(CxAvp.SIP_AUTH_DATA_ITEM);
        Long numberAuthItems = a.require(CxAvp.SIP_NUMBER_AUTH_ITEMS);
        String serverName = a.require(CxAvp.SERVER_NAME);
        return new CxDecoded<>(env,
                new MultimediaAuthRequest(userName, publicIdentity, serverName, numberAuthItems, item));
    }

    private CxDecoded<CxRequest<?>> sar(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        CommandAvps a = read(avps, envelope, new CommandAvps()
                .one(CxAvp.USER_NAME, UTF8)
                .many(CxAvp.PUBLIC_IDENTITY, UTF8)
                .one(CxAvp.SERVER_NAME, UTF8)
                .one(CxAvp.SERVER_ASSIGNMENT_TYPE, enumerated(ServerAssignmentType::fromCode))
                .one(CxAvp.USER_DATA_ALREADY_AVAILABLE, enumerated(UserDataAlreadyAvailable::fromCode)));
        CxEnvelope env = envelope.finish();
        String userName = a.get(CxAvp.USER_NAME);
        List<String> publicIdentities = a.all(CxAvp.PUBLIC_IDENTITY);
        if (userName == null && publicIdentities.isEmpty()) {
            // [ User-Name ] *[ Public-Identity ]: TS 29.228 table 6.1.2.1 needs one of them
            throw CxDecodeException.missing(CxAvp.PUBLIC_IDENTITY);
        }
        String serverName = a.require(CxAvp.SERVER_NAME);
        ServerAssignmentType type = a.require(CxAvp.SERVER_ASSIGNMENT_TYPE);
        UserDataAlreadyAvailable dataAvailable = a.require(CxAvp.USER_DATA_ALREADY_AVAILABLE);
        return new CxDecoded<>(env,
                new ServerAssignmentRequest(userName, publicIdentities, serverName, type, dataAvailable));
    }

    private CxDecoded<CxRequest<?>> lir(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        CommandAvps a = read(avps, envelope, new CommandAvps()
                .one(CxAvp.ORIGINATING_REQUEST, enumerated(OriginatingRequest::fromCode))
                .one(CxAvp.PUBLIC_IDENTITY, UTF8)
                .one(CxAvp.USER_AUTHORIZATION_TYPE, enumerated(UserAuthorizationType::fromCode)));
        CxEnvelope env = envelope.finish();
        String publicIdentity = a.require(CxAvp.PUBLIC_IDENTITY);
        return new CxDecoded<>(env, new LocationInfoRequest(publicIdentity,
                a.get(CxAvp.ORIGINATING_REQUEST) != null, a.get(CxAvp.USER_AUTHORIZATION_TYPE)));
    }

    private CxDecoded<CxRequest<?>> rtr(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        CommandAvps a = read(avps, envelope, new CommandAvps()
                .one(CxAvp.USER_NAME, UTF8)
                .one(CxAvp.ASSOCIATED_IDENTITIES, (avp, def) -> {
                    List<String> names = new ArrayList<>();
                    grouped.associatedIdentities(avp, STRICT, names);
                    return names;
                })
                .many(CxAvp.PUBLIC_IDENTITY, UTF8)
                .one(CxAvp.DEREGISTRATION_REASON, (avp, def) -> grouped.deregistrationReason(avp, STRICT)));
        CxEnvelope env = envelope.finish();
        // { Destination-Host } is mandatory in an RTR; jdiameter delivered it to us, so it named this node
        require(env.destinationHost(), CxAvp.DESTINATION_HOST);
        String userName = a.require(CxAvp.USER_NAME);
        DeregistrationReason reason = a.require(CxAvp.DEREGISTRATION_REASON);
        return new CxDecoded<>(env, new RegistrationTerminationRequest(userName,
                a.get(CxAvp.ASSOCIATED_IDENTITIES, new ArrayList<String>()), a.all(CxAvp.PUBLIC_IDENTITY), reason));
    }

    private CxDecoded<CxRequest<?>> ppr(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        CommandAvps a = read(avps, envelope, new CommandAvps()
                .one(CxAvp.USER_NAME, UTF8)
                .one(CxAvp.USER_DATA, OCTETS)
                .one(CxAvp.SIP_AUTH_DATA_ITEM, sipAuthDataItem()));
        CxEnvelope env = envelope.finish();
        require(env.destinationHost(), CxAvp.DESTINATION_HOST);
        String userName = a.require(CxAvp.USER_NAME);
        return new CxDecoded<>(env,
                new PushProfileRequest(userName, a.get(CxAvp.USER_DATA), a.get(CxAvp.SIP_AUTH_DATA_ITEM)));
    }
}
