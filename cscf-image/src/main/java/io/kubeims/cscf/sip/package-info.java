/**
 * The SIP layer of the CSCFs on jain-sip 1.3 (RFC 3261): {@link io.kubeims.cscf.sip.SipNode} (one stack on UDP and
 * TCP, client transactions with callbacks, stateless sending), {@link io.kubeims.cscf.sip.InboundRequest} and
 * {@link io.kubeims.cscf.sip.RequestDispatcher} for received requests, {@link io.kubeims.cscf.sip.NextHop} routing,
 * {@link io.kubeims.cscf.sip.ViaBranch} branch rules. Proxy behaviour is in {@code .proxy}, IMS header helpers in
 * {@code .header}. What was proven about jain-sip on this machine: docs/jain-sip-notes.md.
 */
package io.kubeims.cscf.sip;
