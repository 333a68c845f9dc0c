package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.AvpReader.once;
import static io.kubeims.cx.codec.AvpReader.unknown;
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
import org.jdiameter.api.Avp;
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

    /** The definition of {@code avp}, or null after checking an unknown one (and for the envelope AVPs). */
    private CxAvp commandAvp(Avp avp, RequestEnvelope envelope) throws CxDecodeException {
        CxAvp def = index.find(avp);
        if (def == null) {
            unknown(avp, STRICT);
            return null;
        }
        return envelope.accept(def, avp) ? null : def;
    }

    private CxDecoded<CxRequest<?>> uar(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        String userName = null;
        String publicIdentity = null;
        byte[] visitedNetwork = null;
        UserAuthorizationType type = null;
        Long flags = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, envelope);
            if (def == null) {
                continue;
            }
            switch (def) {
                case USER_NAME -> {
                    once(userName, def, avp);
                    userName = AvpReader.utf8(avp, def);
                }
                case PUBLIC_IDENTITY -> {
                    once(publicIdentity, def, avp);
                    publicIdentity = AvpReader.utf8(avp, def);
                }
                case VISITED_NETWORK_IDENTIFIER -> {
                    once(visitedNetwork, def, avp);
                    visitedNetwork = AvpReader.octets(avp);
                }
                case USER_AUTHORIZATION_TYPE -> {
                    once(type, def, avp);
                    type = AvpReader.enumerated(avp, def, UserAuthorizationType::fromCode);
                }
                case UAR_FLAGS -> {
                    once(flags, def, avp);
                    flags = AvpReader.unsigned32(avp, def);
                }
                default -> {
                }
            }
        }
        CxEnvelope env = envelope.finish();
        require(userName, CxAvp.USER_NAME);
        require(publicIdentity, CxAvp.PUBLIC_IDENTITY);
        require(visitedNetwork, CxAvp.VISITED_NETWORK_IDENTIFIER);
        return new CxDecoded<>(env, new UserAuthorizationRequest(userName, publicIdentity,
                new String(visitedNetwork, StandardCharsets.UTF_8),
                type == null ? UserAuthorizationType.REGISTRATION : type, flags == null ? 0 : flags));
    }

    private CxDecoded<CxRequest<?>> mar(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        String userName = null;
        String publicIdentity = null;
        String serverName = null;
        Long numberAuthItems = null;
        SipAuthDataItem item = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, envelope);
            if (def == null) {
                continue;
            }
            switch (def) {
                case USER_NAME -> {
                    once(userName, def, avp);
                    userName = AvpReader.utf8(avp, def);
                }
                case PUBLIC_IDENTITY -> {
                    once(publicIdentity, def, avp);
                    publicIdentity = AvpReader.utf8(avp, def);
                }
                case SERVER_NAME -> {
                    once(serverName, def, avp);
                    serverName = AvpReader.utf8(avp, def);
                }
                case SIP_NUMBER_AUTH_ITEMS -> {
                    once(numberAuthItems, def, avp);
                    numberAuthItems = AvpReader.unsigned32(avp, def);
                }
                case SIP_AUTH_DATA_ITEM -> {
                    once(item, def, avp);
                    item = grouped.sipAuthDataItem(avp, STRICT);
                }
                default -> {
                }
            }
        }
        CxEnvelope env = envelope.finish();
        require(userName, CxAvp.USER_NAME);
        require(publicIdentity, CxAvp.PUBLIC_IDENTITY);
        require(item, CxAvp.SIP_AUTH_DATA_ITEM);
        require(numberAuthItems, CxAvp.SIP_NUMBER_AUTH_ITEMS);
        require(serverName, CxAvp.SERVER_NAME);
        return new CxDecoded<>(env,
                new MultimediaAuthRequest(userName, publicIdentity, serverName, numberAuthItems, item));
    }

    private CxDecoded<CxRequest<?>> sar(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        String userName = null;
        List<String> publicIdentities = new ArrayList<>();
        String serverName = null;
        ServerAssignmentType type = null;
        UserDataAlreadyAvailable dataAvailable = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, envelope);
            if (def == null) {
                continue;
            }
            switch (def) {
                case USER_NAME -> {
                    once(userName, def, avp);
                    userName = AvpReader.utf8(avp, def);
                }
                case PUBLIC_IDENTITY -> publicIdentities.add(AvpReader.utf8(avp, def));
                case SERVER_NAME -> {
                    once(serverName, def, avp);
                    serverName = AvpReader.utf8(avp, def);
                }
                case SERVER_ASSIGNMENT_TYPE -> {
                    once(type, def, avp);
                    type = AvpReader.enumerated(avp, def, ServerAssignmentType::fromCode);
                }
                case USER_DATA_ALREADY_AVAILABLE -> {
                    once(dataAvailable, def, avp);
                    dataAvailable = AvpReader.enumerated(avp, def, UserDataAlreadyAvailable::fromCode);
                }
                default -> {
                }
            }
        }
        CxEnvelope env = envelope.finish();
        if (userName == null && publicIdentities.isEmpty()) {
            // [ User-Name ] *[ Public-Identity ]: TS 29.228 table 6.1.2.1 needs one of them
            throw CxDecodeException.missing(CxAvp.PUBLIC_IDENTITY);
        }
        require(serverName, CxAvp.SERVER_NAME);
        require(type, CxAvp.SERVER_ASSIGNMENT_TYPE);
        require(dataAvailable, CxAvp.USER_DATA_ALREADY_AVAILABLE);
        return new CxDecoded<>(env,
                new ServerAssignmentRequest(userName, publicIdentities, serverName, type, dataAvailable));
    }

    private CxDecoded<CxRequest<?>> lir(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        OriginatingRequest originating = null;
        String publicIdentity = null;
        UserAuthorizationType type = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, envelope);
            if (def == null) {
                continue;
            }
            switch (def) {
                case ORIGINATING_REQUEST -> {
                    once(originating, def, avp);
                    originating = AvpReader.enumerated(avp, def, OriginatingRequest::fromCode);
                }
                case PUBLIC_IDENTITY -> {
                    once(publicIdentity, def, avp);
                    publicIdentity = AvpReader.utf8(avp, def);
                }
                case USER_AUTHORIZATION_TYPE -> {
                    once(type, def, avp);
                    type = AvpReader.enumerated(avp, def, UserAuthorizationType::fromCode);
                }
                default -> {
                }
            }
        }
        CxEnvelope env = envelope.finish();
        require(publicIdentity, CxAvp.PUBLIC_IDENTITY);
        return new CxDecoded<>(env, new LocationInfoRequest(publicIdentity, originating != null, type));
    }

    private CxDecoded<CxRequest<?>> rtr(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        String userName = null;
        List<String> associated = new ArrayList<>();
        boolean associatedSeen = false;
        List<String> publicIdentities = new ArrayList<>();
        DeregistrationReason reason = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, envelope);
            if (def == null) {
                continue;
            }
            switch (def) {
                case USER_NAME -> {
                    once(userName, def, avp);
                    userName = AvpReader.utf8(avp, def);
                }
                case ASSOCIATED_IDENTITIES -> {
                    once(associatedSeen ? Boolean.TRUE : null, def, avp);
                    associatedSeen = true;
                    grouped.associatedIdentities(avp, STRICT, associated);
                }
                case PUBLIC_IDENTITY -> publicIdentities.add(AvpReader.utf8(avp, def));
                case DEREGISTRATION_REASON -> {
                    once(reason, def, avp);
                    reason = grouped.deregistrationReason(avp, STRICT);
                }
                default -> {
                }
            }
        }
        CxEnvelope env = envelope.finish();
        // { Destination-Host } is mandatory in an RTR; jdiameter delivered it to us, so it named this node
        require(env.destinationHost(), CxAvp.DESTINATION_HOST);
        require(userName, CxAvp.USER_NAME);
        require(reason, CxAvp.DEREGISTRATION_REASON);
        return new CxDecoded<>(env,
                new RegistrationTerminationRequest(userName, associated, publicIdentities, reason));
    }

    private CxDecoded<CxRequest<?>> ppr(AvpSet avps, RequestEnvelope envelope) throws CxDecodeException {
        String userName = null;
        byte[] userData = null;
        SipAuthDataItem item = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, envelope);
            if (def == null) {
                continue;
            }
            switch (def) {
                case USER_NAME -> {
                    once(userName, def, avp);
                    userName = AvpReader.utf8(avp, def);
                }
                case USER_DATA -> {
                    once(userData, def, avp);
                    userData = AvpReader.octets(avp);
                }
                case SIP_AUTH_DATA_ITEM -> {
                    once(item, def, avp);
                    item = grouped.sipAuthDataItem(avp, STRICT);
                }
                default -> {
                }
            }
        }
        CxEnvelope env = envelope.finish();
        require(env.destinationHost(), CxAvp.DESTINATION_HOST);
        require(userName, CxAvp.USER_NAME);
        return new CxDecoded<>(env, new PushProfileRequest(userName, userData, item));
    }
}
