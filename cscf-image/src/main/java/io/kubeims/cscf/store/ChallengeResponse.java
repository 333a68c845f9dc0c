package io.kubeims.cscf.store;

/**
 * One answer to a challenge, as an authenticated REGISTER carries it (RFC 2617 3.2.2): the nonce count, the
 * digest {@code response}, and the Via branch of the request, so that a retransmission of the same REGISTER (same
 * all three) is told from a replay (docs/jain-sip-notes.md section 2: a stateless registrar must keep a consumed
 * nonce acceptable for retransmissions). None of these is secret: all travel in clear.
 *
 * @param nc        nonce count, 1 to 2^32 - 1 (8 hex digits); a registrar without qop uses 1 (one use only)
 * @param response  the digest response value
 * @param viaBranch the branch parameter of the topmost Via
 */
public record ChallengeResponse(long nc, String response, String viaBranch) {

    /** @throws InvalidCscfStateException if nc is out of range or a field is blank */
    public ChallengeResponse {
        if (nc < 1 || nc > 0xFFFF_FFFFL) {
            throw new InvalidCscfStateException("nc " + nc + " is not between 1 and ffffffff");
        }
        StateFields.requireText("response", response);
        StateFields.requireText("viaBranch", viaBranch);
    }
}
