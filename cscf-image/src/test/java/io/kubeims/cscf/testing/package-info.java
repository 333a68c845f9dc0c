/**
 * Test helpers the CSCF tests share, in the cscf-image test-jar for the e2e module too: a real HSS on loopback
 * ({@link io.kubeims.cscf.testing.LoopbackHss}), captured log lines, a settable clock, free ports, daemon executors
 * and teardown of what a test class started.
 */
package io.kubeims.cscf.testing;
