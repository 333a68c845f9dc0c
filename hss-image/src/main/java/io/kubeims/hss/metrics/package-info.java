/**
 * Micrometer metrics of the HSS's Diameter Cx traffic: requests by command and result code, latency histograms per
 * command, connected peers, and the outcomes of RTR/PPR notifications. Decorators ({@link
 * io.kubeims.hss.metrics.MeteredCxHssHandler}, {@link io.kubeims.hss.metrics.MeteredCxPoolClient}) measure without
 * the procedures knowing.
 */
package io.kubeims.hss.metrics;
