/**
 * The P-CSCF (TS 24.229 5.2), registration half: {@link io.kubeims.cscf.pcscf.PcscfRegistration} forwards a UE's
 * REGISTER to the I-CSCF with Path (RFC 3327, flow token of RFC 5626), Require: path, P-Visited-Network-ID,
 * P-Charging-Vector and the {@code integrity-protected} marking; {@link io.kubeims.cscf.pcscf.PcscfRegisterResponses}
 * strips {@code ck}/{@code ik} from challenges and keeps the registered flows in the shared
 * {@link io.kubeims.cscf.store.PcscfFlowStore}. Plain classes wired by constructor.
 */
package io.kubeims.cscf.pcscf;
