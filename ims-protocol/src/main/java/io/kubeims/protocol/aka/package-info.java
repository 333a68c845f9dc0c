/**
 * 3GPP AKA with the Milenage algorithm set: the HSS generates vectors and handles resynchronisation, a test UE
 * answers challenges like a USIM.
 *
 * <ul>
 *   <li>{@link io.kubeims.protocol.aka.Milenage}: f1, f1*, f2, f3, f4, f5, f5* and OPc (TS 35.206).</li>
 *   <li>{@link io.kubeims.protocol.aka.AuthenticationVectorGenerator}: RAND, XRES, CK, IK, AUTN (TS 33.102 6.3.2).</li>
 *   <li>{@link io.kubeims.protocol.aka.HomeSqnCounter}: SQN_HE, one SEQ step and a cyclic IND per vector
 *       (TS 33.102 Annex C.1.2, C.3).</li>
 *   <li>{@link io.kubeims.protocol.aka.Usim}: MAC-A and SQN freshness with the SEQ_MS array, Δ and L
 *       (TS 33.102 6.3.3, Annex C.2); answers RES/CK/IK or AUTS.</li>
 *   <li>{@link io.kubeims.protocol.aka.Auts}: AUTS computation and the network-side recovery of SQN_MS
 *       (TS 33.102 6.3.3, 6.3.5).</li>
 * </ul>
 *
 * <p>SQN scheme (TS 33.102 Annex C): SQN = SEQ (43 bits) || IND (5 bits). The HE issues SEQ_HE + 1 with
 * IND_HE + 1 mod 32 per vector, so SQNs strictly increase; the USIM keeps the highest accepted SEQ for each of
 * the 32 IND values and accepts a SEQ above its slot's value, within Δ above (and, optionally, L below) the
 * highest accepted SEQ overall. A synchronisation failure moves SQN_HE up to SQN_MS. SEQ never wraps.
 *
 * <p>Bad parameters raise {@link io.kubeims.protocol.aka.AkaParameterException} subclasses whose messages name
 * the parameter but never show key material; {@code toString()} of every type holding secrets redacts them.
 */
package io.kubeims.protocol.aka;
