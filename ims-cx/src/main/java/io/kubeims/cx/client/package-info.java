/**
 * The outbound side of Cx: {@link io.kubeims.cx.client.CxClient} for the CSCFs (UAR/MAR/SAR/LIR to the HSS) and
 * {@link io.kubeims.cx.client.CxPoolClient} for the HSS (RTR/PPR to any connected replica of an S-CSCF pool).
 * Both are implemented by {@link io.kubeims.cx.node.CxNode}.
 *
 * <p>Futures complete on jdiameter threads: a dependent stage that blocks must run on an executor of its own
 * ({@code thenApplyAsync(f, executor)}). Failures are {@link io.kubeims.cx.client.CxSendException} subclasses
 * or a {@link io.kubeims.cx.codec.CxDecodeException} for an answer that breaks its grammar.
 */
package io.kubeims.cx.client;
