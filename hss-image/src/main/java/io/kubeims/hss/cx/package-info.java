/**
 * The HSS's Cx procedures (TS 29.228 clauses 6.1, 6.2.1, 6.3; TS 29.229): {@link io.kubeims.hss.cx.HssCxProcedures}
 * answers UAR, MAR, SAR and LIR from the stores, and {@link io.kubeims.hss.cx.HssCore} assembles storage, the
 * Diameter node, the procedures and the RTR/PPR notifier of one HSS instance from one settings record.
 */
package io.kubeims.hss.cx;
