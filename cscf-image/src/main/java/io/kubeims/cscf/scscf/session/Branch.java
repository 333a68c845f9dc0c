package io.kubeims.cscf.scscf.session;

import io.kubeims.cscf.sip.NextHop;
import javax.sip.message.Request;

/**
 * One request a {@link ResponseContext} sends downstream (RFC 3261 16.6): the copy, complete with our Via, and the
 * hop it is bound to.
 *
 * @param request the copy to send
 * @param hop     where it goes
 * @param target  what it is sent to, for logs (an AS, a contact, the I-CSCF)
 */
record Branch(Request request, NextHop hop, String target) {
}
