package io.kubeims.cx.codec;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxRequest;
import io.kubeims.cx.message.CxResult;
import io.kubeims.cx.message.RawAvp;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.DiameterResultCode;
import io.kubeims.protocol.cx.UnknownCommandCodeException;
import java.util.List;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Request;

/**
 * Encodes Cx records into jdiameter messages and decodes received ones (TS 29.229 clause 6.1 over RFC 6733).
 * Immutable and thread-safe; one per node, since answers carry that node's Origin-Host and Origin-Realm.
 */
public final class CxCodec {

    private final CxMessageEncoder encoder;
    private final CxRequestDecoder requestDecoder;
    private final CxAnswerDecoder answerDecoder;

    /**
     * @param originHost  the local Diameter identity, put into every answer
     * @param originRealm the local realm, put into every answer
     */
    public CxCodec(String originHost, String originRealm) {
        if (originHost == null || originHost.isBlank() || originRealm == null || originRealm.isBlank()) {
            throw new IllegalArgumentException("originHost and originRealm are required");
        }
        AvpIndex index = new AvpIndex();
        GroupedAvps grouped = new GroupedAvps(index);
        this.encoder = new CxMessageEncoder(originHost, originRealm);
        this.requestDecoder = new CxRequestDecoder(index, grouped);
        this.answerDecoder = new CxAnswerDecoder(index, grouped);
    }

    /**
     * Writes {@code request} into {@code target}, a request jdiameter created with the same command code (it
     * holds Session-Id, Vendor-Specific-Application-Id, Origin and Destination AVPs already): sets the PXY bit
     * and adds Auth-Session-State NO_STATE_MAINTAINED and the Cx AVPs.
     *
     * @throws IllegalArgumentException when the command codes differ
     */
    public void encodeRequest(CxRequest<?> request, Request target) {
        requireCommand(request.command(), target.getCommandCode());
        encoder.request(request, target);
    }

    /**
     * Decodes a received Cx request.
     *
     * @throws CxDecodeException       when a mandatory AVP is missing, a value or length is invalid, a single AVP
     *                                 repeats or an unknown AVP has the M-bit
     * @throws UnknownCommandCodeException when the command is not one of the six Cx requests
     */
    public CxDecoded<CxRequest<?>> decodeRequest(Request request) throws CxDecodeException {
        CxCommand command = cxCommand(request.getCommandCode());
        return requestDecoder.decode(command, request.getAvps());
    }

    /**
     * The answer to {@code request} carrying {@code answer}, with Origin-Host/Realm, Auth-Session-State, and the
     * E-bit for 3xxx results.
     *
     * @throws IllegalArgumentException when the answer is not for this request's command
     */
    public Answer encodeAnswer(Request request, CxAnswer answer) {
        requireCommand(answer.command(), request.getCommandCode());
        Answer target = request.createAnswer();
        encoder.answer(answer, target);
        return target;
    }

    /**
     * An answer with a base Result-Code only, e.g. 3001 for an unknown command or the result of a
     * {@link CxDecodeException}; works for any command code.
     */
    public Answer encodeError(Request request, DiameterResultCode resultCode, String errorMessage,
                              List<RawAvp> failedAvps) {
        Answer target = request.createAnswer();
        encoder.error(CxResult.of(resultCode), errorMessage, failedAvps, target);
        return target;
    }

    /**
     * Decodes the answer received for {@code sent}.
     *
     * @throws CxDecodeException when it carries neither Result-Code nor Experimental-Result, or a value or length
     *                           is invalid
     */
    @SuppressWarnings("unchecked")
    public <A extends CxAnswer> CxDecoded<A> decodeAnswer(CxRequest<A> sent, Answer answer)
            throws CxDecodeException {
        requireCommand(sent.command(), answer.getCommandCode());
        // the answer type of each command is fixed by the sealed request types
        return (CxDecoded<A>) (CxDecoded<?>) answerDecoder.decode(sent.command(), answer.getAvps());
    }

    private static CxCommand cxCommand(int code) {
        CxCommand command = CxCommand.fromCode(code);
        if (command.applicationId() != io.kubeims.protocol.cx.CxApplication.CX_DX_APPLICATION_ID) {
            throw new UnknownCommandCodeException(code);
        }
        return command;
    }

    private static void requireCommand(CxCommand command, int code) {
        if (command.code() != code) {
            throw new IllegalArgumentException(
                    "command code " + code + " does not match " + command.requestAbbreviation());
        }
    }
}
