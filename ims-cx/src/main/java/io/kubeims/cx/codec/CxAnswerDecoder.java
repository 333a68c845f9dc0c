package io.kubeims.cx.codec;

import static io.kubeims.cx.codec.CommandAvps.OCTETS;
import static io.kubeims.cx.codec.CommandAvps.UNSIGNED32;
import static io.kubeims.cx.codec.CommandAvps.UTF8;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.LocationInfoAnswer;
import io.kubeims.cx.message.MultimediaAuthAnswer;
import io.kubeims.cx.message.PushProfileAnswer;
import io.kubeims.cx.message.RegistrationTerminationAnswer;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.UserAuthorizationAnswer;
import io.kubeims.protocol.cx.CxAvp;
import io.kubeims.protocol.cx.CxCommand;
import java.util.ArrayList;
import java.util.List;
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

    /** One pass over the answer's AVPs, the common ones (result, envelope) going to {@code fields}. */
    private CommandAvps read(AvpSet avps, AnswerFields fields, CommandAvps expected) throws CxDecodeException {
        return expected.read(avps, index, STRICT, fields::accept);
    }

    private CommandAvps serverNameAndCapabilities(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        return read(avps, fields, new CommandAvps()
                .one(CxAvp.SERVER_NAME, UTF8)
                .one(CxAvp.SERVER_CAPABILITIES, (avp, def) -> grouped.serverCapabilities(avp, STRICT)));
    }

    /** *[ Associated-Identities ]: the User-Names of every occurrence, in order. */
    private CommandAvps.Reader<List<String>> associatedIdentities() {
        return (avp, def) -> {
            List<String> names = new ArrayList<>();
            grouped.associatedIdentities(avp, STRICT, names);
            return names;
        };
    }

    private static List<String> associated(CommandAvps a) {
        List<String> names = new ArrayList<>();
        for (List<String> occurrence : a.<List<String>>all(CxAvp.ASSOCIATED_IDENTITIES)) {
            names.addAll(occurrence);
        }
        return names;
    }

    private CxDecoded<CxAnswer> uaa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        CommandAvps a = serverNameAndCapabilities(avps, fields);
        return new CxDecoded<>(fields.envelope(), new UserAuthorizationAnswer(fields.result(),
                a.get(CxAvp.SERVER_NAME), a.get(CxAvp.SERVER_CAPABILITIES), fields.errorMessage(),
                fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> maa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        CommandAvps a = read(avps, fields, new CommandAvps()
                .one(CxAvp.USER_NAME, UTF8)
                .one(CxAvp.PUBLIC_IDENTITY, UTF8)
                .one(CxAvp.SIP_NUMBER_AUTH_ITEMS, UNSIGNED32)
                .many(CxAvp.SIP_AUTH_DATA_ITEM, (avp, def) -> grouped.sipAuthDataItem(avp, STRICT)));
        return new CxDecoded<>(fields.envelope(), new MultimediaAuthAnswer(fields.result(),
                a.get(CxAvp.USER_NAME), a.get(CxAvp.PUBLIC_IDENTITY), a.get(CxAvp.SIP_NUMBER_AUTH_ITEMS),
                a.all(CxAvp.SIP_AUTH_DATA_ITEM), fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> saa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        CommandAvps a = read(avps, fields, new CommandAvps()
                .one(CxAvp.USER_NAME, UTF8)
                .one(CxAvp.USER_DATA, OCTETS)
                .many(CxAvp.ASSOCIATED_IDENTITIES, associatedIdentities())
                .one(CxAvp.SERVER_NAME, UTF8));
        return new CxDecoded<>(fields.envelope(), new ServerAssignmentAnswer(fields.result(),
                a.get(CxAvp.USER_NAME), a.get(CxAvp.USER_DATA), associated(a), a.get(CxAvp.SERVER_NAME),
                fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> lia(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        CommandAvps a = serverNameAndCapabilities(avps, fields);
        return new CxDecoded<>(fields.envelope(), new LocationInfoAnswer(fields.result(),
                a.get(CxAvp.SERVER_NAME), a.get(CxAvp.SERVER_CAPABILITIES), fields.errorMessage(),
                fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> rta(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        CommandAvps a = read(avps, fields, new CommandAvps()
                .many(CxAvp.ASSOCIATED_IDENTITIES, associatedIdentities()));
        return new CxDecoded<>(fields.envelope(), new RegistrationTerminationAnswer(fields.result(),
                associated(a), fields.errorMessage(), fields.failedAvps()));
    }

    private CxDecoded<CxAnswer> ppa(AvpSet avps, AnswerFields fields) throws CxDecodeException {
        read(avps, fields, new CommandAvps());
        return new CxDecoded<>(fields.envelope(),
                new PushProfileAnswer(fields.result(), fields.errorMessage(), fields.failedAvps()));
    }
}
