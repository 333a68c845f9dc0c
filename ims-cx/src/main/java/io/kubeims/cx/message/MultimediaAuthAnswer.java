package io.kubeims.cx.message;

import io.kubeims.protocol.cx.CxCommand;
import java.util.List;

/**
 * Multimedia-Auth-Answer (TS 29.229 clause 6.1.8): the authentication vectors.
 *
 * @param result          Result-Code or Experimental-Result
 * @param userName        User-Name, null when absent
 * @param publicIdentity  Public-Identity, null when absent
 * @param numberAuthItems SIP-Number-Auth-Items, null when absent
 * @param authDataItems   SIP-Auth-Data-Item values
 * @param errorMessage    Error-Message, null when absent
 * @param failedAvps      Failed-AVP content
 */
public record MultimediaAuthAnswer(CxResult result, String userName, String publicIdentity, Long numberAuthItems,
                                   List<SipAuthDataItem> authDataItems, String errorMessage,
                                   List<RawAvp> failedAvps) implements CxAnswer {

    public MultimediaAuthAnswer {
        MessageFields.required(result, "result");
        MessageFields.optionalUnsigned32(numberAuthItems, "numberAuthItems");
        authDataItems = MessageFields.list(authDataItems, "authDataItems");
        failedAvps = MessageFields.list(failedAvps, "failedAvps");
    }

    public MultimediaAuthAnswer(CxResult result, String userName, String publicIdentity, Long numberAuthItems,
                                List<SipAuthDataItem> authDataItems) {
        this(result, userName, publicIdentity, numberAuthItems, authDataItems, null, List.of());
    }

    /** An answer carrying only a result (an error). */
    public static MultimediaAuthAnswer of(CxResult result) {
        return new MultimediaAuthAnswer(result, null, null, null, List.of());
    }

    @Override
    public CxCommand command() {
        return CxCommand.MULTIMEDIA_AUTH;
    }
}
