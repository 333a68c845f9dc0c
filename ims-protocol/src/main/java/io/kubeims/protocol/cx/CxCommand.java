package io.kubeims.protocol.cx;

import static io.kubeims.protocol.cx.CxApplication.CX_DX_APPLICATION_ID;
import static io.kubeims.protocol.cx.CxApplication.DIAMETER_COMMON_MESSAGES_APPLICATION_ID;

/**
 * The Diameter commands a Cx peer handles: the six Cx/Dx commands of TS 29.229 clause 6.1 and the base
 * protocol peer commands of RFC 6733 (CER/CEA, DWR/DWA, DPR/DPA).
 */
public enum CxCommand {

    USER_AUTHORIZATION(300, "UAR", "UAA", CX_DX_APPLICATION_ID, true),
    SERVER_ASSIGNMENT(301, "SAR", "SAA", CX_DX_APPLICATION_ID, true),
    LOCATION_INFO(302, "LIR", "LIA", CX_DX_APPLICATION_ID, true),
    MULTIMEDIA_AUTH(303, "MAR", "MAA", CX_DX_APPLICATION_ID, true),
    /** Sent by the HSS to the S-CSCF. */
    REGISTRATION_TERMINATION(304, "RTR", "RTA", CX_DX_APPLICATION_ID, true),
    /** Sent by the HSS to the S-CSCF. */
    PUSH_PROFILE(305, "PPR", "PPA", CX_DX_APPLICATION_ID, true),

    // Peer-to-peer messages of RFC 6733 section 5: never proxied (no PXY bit).
    CAPABILITIES_EXCHANGE(257, "CER", "CEA", DIAMETER_COMMON_MESSAGES_APPLICATION_ID, false),
    DEVICE_WATCHDOG(280, "DWR", "DWA", DIAMETER_COMMON_MESSAGES_APPLICATION_ID, false),
    DISCONNECT_PEER(282, "DPR", "DPA", DIAMETER_COMMON_MESSAGES_APPLICATION_ID, false);

    private final int code;
    private final String requestAbbreviation;
    private final String answerAbbreviation;
    private final long applicationId;
    private final boolean proxiable;

    CxCommand(int code, String requestAbbreviation, String answerAbbreviation, long applicationId,
              boolean proxiable) {
        this.code = code;
        this.requestAbbreviation = requestAbbreviation;
        this.answerAbbreviation = answerAbbreviation;
        this.applicationId = applicationId;
        this.proxiable = proxiable;
    }

    /** The Command-Code of the Diameter header. */
    public int code() {
        return code;
    }

    /** e.g. "UAR". */
    public String requestAbbreviation() {
        return requestAbbreviation;
    }

    /** e.g. "UAA". */
    public String answerAbbreviation() {
        return answerAbbreviation;
    }

    /** The abbreviation of the request (R-bit set) or of the answer. */
    public String abbreviation(boolean request) {
        return request ? requestAbbreviation : answerAbbreviation;
    }

    /** The Application-ID of the Diameter header: 16777216 for Cx/Dx, 0 for the base peer commands. */
    public long applicationId() {
        return applicationId;
    }

    /** Whether the header carries the P (proxiable) bit: "PXY" in the command grammar. */
    public boolean proxiable() {
        return proxiable;
    }

    /**
     * @throws UnknownCommandCodeException when the code is none of these commands (answer
     *         DIAMETER_COMMAND_UNSUPPORTED, 3001)
     */
    public static CxCommand fromCode(int code) {
        for (CxCommand command : values()) {
            if (command.code == code) {
                return command;
            }
        }
        throw new UnknownCommandCodeException(code);
    }
}
