/**
 * Immutable records of the six Cx/Dx commands of TS 29.229 clause 6.1 (UAR/UAA, MAR/MAA, SAR/SAA, LIR/LIA,
 * RTR/RTA, PPR/PPA), holding the application AVPs each needs in practice.
 *
 * <p>The records carry no Diameter routing AVPs (Session-Id, Origin-/Destination-Host/Realm): the node adds
 * them on sending and the codec reports them in a {@link io.kubeims.cx.message.CxEnvelope} on receiving.
 * Optional AVPs are {@code null} when absent; repeated AVPs are lists, never {@code null}. Byte arrays are
 * copied in and out; key material and expected responses are redacted in {@code toString()}.
 */
package io.kubeims.cx.message;
