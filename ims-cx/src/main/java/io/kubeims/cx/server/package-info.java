/**
 * The inbound side of a Cx node: {@link io.kubeims.cx.server.CxRequestDispatcher} receives every Cx request
 * jdiameter hands over and answers it through a handler, {@link io.kubeims.cx.server.CxHssHandler} on the HSS
 * (UAR, MAR, SAR, LIR) or {@link io.kubeims.cx.server.CxScscfHandler} on the S-CSCF (RTR, PPR).
 *
 * <p>Handlers run on jdiameter's peer state-machine threads (PeerFSMThreadCount per peer,
 * docs/jdiameter-notes.md section 3): while one blocks, requests queued behind it from the same peer wait. A
 * handler must answer from memory or a fast cache; anything slow belongs in a bounded executor of its own.
 */
package io.kubeims.cx.server;
