/**
 * The S-CSCF's session half (TS 24.229 5.4.3, TS 23.218, RFC 3261 16): originating and terminating initial requests
 * through the served user's iFCs to application servers (resumed on any replica by a signed ODI in the Route), target
 * resolution (I-CSCF, ENUM, breakout), parallel forking to the registered contacts, and in-dialog requests routed by
 * Route and Request-URI without dialog state.
 */
package io.kubeims.cscf.scscf.session;
