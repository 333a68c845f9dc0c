/**
 * The I-CSCF (TS 24.229 5.3): registration routing — a REGISTER becomes a Cx user registration status query (UAR,
 * TS 29.228 6.1.1) and is forwarded statefully to the S-CSCF the HSS names or the I-CSCF selects from its pool by
 * the answered capabilities; HSS refusals and failures become SIP rejects. Plain classes wired by constructor:
 * {@link io.kubeims.cscf.icscf.IcscfRegistration} is the REGISTER handler.
 */
package io.kubeims.cscf.icscf;
