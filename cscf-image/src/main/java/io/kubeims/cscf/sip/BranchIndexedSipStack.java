package io.kubeims.cscf.sip;

import gov.nist.javax.sip.SIPConstants;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.ServerResponseInterface;
import java.util.Locale;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * jain-sip's stack, except that a response whose topmost Via branch carries the RFC 3261 magic cookie and matches no
 * client transaction goes straight to the listener as a stray response. RFC 3261 17.1.3 matches responses to client
 * transactions by that branch (and the CSeq method), which is exactly jain-sip's table key; when the lookup fails,
 * jain-sip scans every client transaction for RFC 2543 peers, which cannot match a magic-cookie branch. Under call
 * load every stray response (a 2xx retransmitted after the INVITE transaction ended, a response to a request sent
 * without transaction) paid that scan: about a sixth of the P-CSCF's CPU (JFR, e2e/bench-calls). The same holds for
 * a CANCEL, which RFC 3261 9.2 matches to the INVITE's transaction by the same branch: jain-sip scanned every server
 * transaction for each one (a tenth of a CSCF's CPU once calls started timing out under overload).
 */
final class BranchIndexedSipStack extends SipStackImpl {

    BranchIndexedSipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    @Override
    public ServerResponseInterface newSIPServerResponse(SIPResponse response, MessageChannel channel) {
        String key = response.getTransactionId();
        if ((sipMessageValves == null || sipMessageValves.isEmpty()) && key.startsWith(SIPConstants.BRANCH_MAGIC_COOKIE_LOWER_CASE)
                && findTransaction(key, false) == null) {
            return sipMessageFactory.newSIPServerResponse(response, channel);
        }
        return super.newSIPServerResponse(response, channel);
    }

    @Override
    public SIPTransaction findCancelTransaction(SIPRequest cancel, boolean isServer) {
        Via top = cancel.getTopmostVia();
        String branch = top == null || top.getBranch() == null ? null : top.getBranch().toLowerCase(Locale.ROOT);
        if (branch == null || !branch.startsWith(SIPConstants.BRANCH_MAGIC_COOKIE_LOWER_CASE)) {
            return super.findCancelTransaction(cancel, isServer);
        }
        // the INVITE's transaction is keyed by its branch (getTransactionId), which the CANCEL repeats
        SIPTransaction invite = findTransaction(branch, isServer);
        return invite != null && invite.doesCancelMatchTransaction(cancel) ? invite : null;
    }
}
