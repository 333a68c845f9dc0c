/**
 * Third-party registration (TS 24.229 5.4.1.7, 5.4.1.7A; iFCs per TS 29.228 Annex B/C):
 * {@link io.kubeims.cscf.scscf.thirdparty.ThirdPartyRegistration} is a registration observer that sends the S-CSCF's
 * REGISTER to each AS whose iFC matches the user's REGISTER, and asks for a network-initiated de-registration
 * ({@link io.kubeims.cscf.scscf.thirdparty.NetworkDeregistration}) when a SESSION_TERMINATED AS fails.
 */
package io.kubeims.cscf.scscf.thirdparty;
