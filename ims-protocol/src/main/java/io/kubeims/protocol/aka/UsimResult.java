package io.kubeims.protocol.aka;

import java.security.MessageDigest;

/**
 * Outcome of {@link Usim#authenticate} (TS 33.102 6.3.3): the network is authenticated, or MAC-A does not verify
 * (user authentication reject, the challenge is not from the home network), or SQN is not fresh
 * (synchronisation failure, answered with AUTS).
 */
public sealed interface UsimResult {

    /**
     * The challenge verified; the USIM answers RES and derives CK and IK. {@code toString()} redacts them.
     *
     * @param res the response, 8 octets with Milenage
     * @param ck  the cipher key, 16 octets
     * @param ik  the integrity key, 16 octets
     * @param sqn the SQN the network sent, now accepted
     */
    record Authenticated(byte[] res, byte[] ck, byte[] ik, Sqn sqn) implements UsimResult {

        /** Copies the arrays. */
        public Authenticated {
            res = res.clone();
            ck = ck.clone();
            ik = ik.clone();
        }

        @Override
        public byte[] res() {
            return res.clone();
        }

        @Override
        public byte[] ck() {
            return ck.clone();
        }

        @Override
        public byte[] ik() {
            return ik.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Authenticated that && MessageDigest.isEqual(res, that.res)
                    && MessageDigest.isEqual(ck, that.ck) && MessageDigest.isEqual(ik, that.ik) && sqn.equals(that.sqn);
        }

        @Override
        public int hashCode() {
            return sqn.hashCode();
        }

        @Override
        public String toString() {
            return "Authenticated[RES=<redacted>, CK=<redacted>, IK=<redacted>, " + sqn + "]";
        }
    }

    /** MAC-A in AUTN does not match XMAC-A: the challenge was not made with this USIM's keys. */
    record MacFailure() implements UsimResult {
    }

    /**
     * MAC-A verified but SQN is not fresh (Annex C.2); the UE reports AUTS so the HE can resynchronise.
     *
     * @param auts the resynchronisation token
     */
    record SynchronisationFailure(Auts auts) implements UsimResult {

        /** @throws NullPointerException if {@code auts} is null */
        public SynchronisationFailure {
            if (auts == null) {
                throw new NullPointerException("auts");
            }
        }
    }
}
