package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.AvpReader.once;
import static io.kubeims.cx.codec.AvpReader.unknown;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerCapabilities;
import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.CxCommand;
import java.util.ArrayList;
import java.util.List;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;

/**
 * Decodes the six Cx answers (TS 29.229 clauses 6.1.2, 6.1.4, 6.1.6, 6.1.8, 6.1.10, 6.1.12), one pass each.
 * Lenient where an answer cannot be refused: unknown AVPs are ignored whatever their M-bit; values and lengths of
 * the AVPs read are still checked.
 */
final class CxAnswerDecoder {

    private static final boolean STRICT = false;

    private final AvpIndex index;
    private final GroupedAvps grouped;

    CxAnswerDecoder(AvpIndex index, GroupedAvps grouped) {
        this.index = index;
        this.grouped = grouped;
    }

    CxDecoded<CxAnswer> decode(CxCommand command, AvpSet avps) throws CxDecodeException {
        AnswerFields fields = new AnswerFields(grouped);
        return switch (command) {
            case USER_AUTHORIZATION -> uaa(avps, fields);
            case MULTIMEDIA_AUTH -> maa(avps, fields);
            case SERVER_ASSIGNMENT -> saa(avps, fields);
            case LOCATION_INFO -> lia(avps, fields);
            case REGISTRATION_TERMINATION -> rta(avps, fields);
            case PUSH_PROFILE -> ppa(avps, fields);
            default -> throw new IllegalArgumentException("not a Cx answer: " + command);
        };
    }

    private CxAvp commandAvp(Avp avp, AnswerFields fields) throws CxDecodeException {
        CxAvp def = index.find(avp);
        if (def == null) {
            unknown(avp, STRICT);
            return null;
        }
        return fields.accept(def, avp) ? null : def;
    }

    private CxDecoded<CxAnswer> uaa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        String serverName = null;
        ServerCapabilities capabilities = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, fields);
            if (def == CxAvp.SERVER_NAME) {
                once(serverName, def, avp);
                serverName = AvpReader.utf8(avp, def);
            } else if (def == CxAvp.SERVER_CAPABILITIES) {
                once(capabilities, def, avp);
                capabilities = grouped.serverCapabilities(avp, STRICT);
            }
        }
        return new CxDecoded<>(fields.envelope(), new UserAuthorizationAnswer(fields.result(), serverName,
                capabilities, fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> maa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        String userName = null;
        String publicIdentity = null;
        Long numberAuthItems = null;
        List<SipAuthDataItem> items = new ArrayList<>();
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, fields);
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
                case SIP_NUMBER_AUTH_ITEMS -> {
                    once(numberAuthItems, def, avp);
                    numberAuthItems = AvpReader.unsigned32(avp, def);
                }
                case SIP_AUTH_DATA_ITEM -> items.add(grouped.sipAuthDataItem(avp, STRICT));
                default -> {
                }
            }
        }
        return new CxDecoded<>(fields.envelope(), new MultimediaAuthAnswer(fields.result(), userName,
                publicIdentity, numberAuthItems, items, fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> saa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        String userName = null;
        byte[] userData = null;
        List<String> associated = new ArrayList<>();
        String serverName = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, fields);
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
                case ASSOCIATED_IDENTITIES -> grouped.associatedIdentities(avp, STRICT, associated);
                case SERVER_NAME -> {
                    once(serverName, def, avp);
                    serverName = AvpReader.utf8(avp, def);
                }
                default -> {
                }
            }
        }
        return new CxDecoded<>(fields.envelope(), new ServerAssignmentAnswer(fields.result(), userName, userData,
                associated, serverName, fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> lia(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        String serverName = null;
        ServerCapabilities capabilities = null;
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, fields);
            if (def == CxAvp.SERVER_NAME) {
                once(serverName, def, avp);
                serverName = AvpReader.utf8(avp, def);
            } else if (def == CxAvp.SERVER_CAPABILITIES) {
                once(capabilities, def, avp);
                capabilities = grouped.serverCapabilities(avp, STRICT);
            }
        }
        return new CxDecoded<>(fields.envelope(), new LocationInfoAnswer(fields.result(), serverName,
                capabilities, fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> rta(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        List<String> associated = new ArrayList<>();
        for (Avp avp : avps) {
            CxAvp def = commandAvp(avp, fields);
            if (def == CxAvp.ASSOCIATED_IDENTITIES) {
                grouped.associatedIdentities(avp, STRICT, associated);
            }
        }
        return new CxDecoded<>(fields.envelope(), new RegistrationTerminationAnswer(fields.result(), associated,
                fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> ppa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        for (Avp avp : avps) {
            commandAvp(avp, fields);
        }
        return new CxDecoded<>(fields.envelope(),
                new PushProfileAnswer(fields.result(), fields.errorMessage(), fields.failedAvps()));
    }
}
