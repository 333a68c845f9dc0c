/**
 * One jdiameter stack speaking Cx: {@link io.kubeims.cx.node.CxNode}, built from an immutable
 * {@link io.kubeims.cx.node.CxNodeSettings}. Both the HSS and the CSCFs use jdiameter's server-flavour stack
 * (it listens and connects; the client flavour drops requests of unknown sessions, which RTR/PPR are), as
 * docs/jdiameter-notes.md section 2 explains.
 */
package io.kubeims.cx.node;
