/** Micrometer counters shared by the CSCF roles' handlers. */
package io.kubeims.cscf.metrics;
