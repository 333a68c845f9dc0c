package io.kubeims.hss.cx;

import io.kubeims.cx.message.SipAuthDataItem;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.protocol.aka.AuthenticationVector;
import io.kubeims.protocol.aka.AuthenticationVectorGenerator;
import io.kubeims.protocol.aka.Auts;
import io.kubeims.protocol.aka.Sqn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Digest-AKAv1-MD5 vectors for a MAA (TS 29.228 6.3.1, TS 29.229 6.3.13): each vector takes its own SQN from the
 * store's atomic counter, so no SQN is ever handed out twice, by any HSS instance, also across restarts
 * (TS 33.102 6.3.2, C.3.2). Resynchronisation verifies AUTS and moves SQN_HE up to SQN_MS (TS 33.102 6.3.5).
 */
final class AkaVectorIssuer {

    /** SIP-Authorization of a resynchronising MAR: RAND (16 octets) || AUTS (14 octets), TS 29.229 6.3.11. */
    static final int RAND_AUTS_LENGTH = 30;
    private static final int RAND_LENGTH = 16;

    private final DynamicStateStore state;
    private final AuthenticationVectorGenerator generator;

    AkaVectorIssuer(DynamicStateStore state, AuthenticationVectorGenerator generator) {
        this.state = state;
        this.generator = generator;
    }

    /**
     * {@code count} vectors, SIP-Item-Number 1..count in the order the S-CSCF should use them (ascending SQN).
     *
     * @throws io.kubeims.protocol.aka.SqnExhaustedException if the subscriber's SEQ space is used up
     */
    List<SipAuthDataItem> issue(String privateIdentity, AkaCredentials credentials, int count) {
        List<SipAuthDataItem> items = new ArrayList<>(count);
        for (int item = 1; item <= count; item++) {
            Sqn sqn = state.nextSqn(privateIdentity);
            AuthenticationVector vector = generator.generate(credentials.keys(), sqn, credentials.amf());
            byte[] randAutn = new byte[32];
            System.arraycopy(vector.rand(), 0, randAutn, 0, 16);
            System.arraycopy(vector.autn(), 0, randAutn, 16, 16);
            items.add(SipAuthDataItem.akaVector(item, randAutn, vector.xres(), vector.ck(), vector.ik()));
        }
        return items;
    }

    /**
     * Verifies the AUTS of a synchronisation failure and, when MAC-S is right, resynchronises SQN_HE (never
     * backwards: TS 33.102 C.3.4 as {@link DynamicStateStore#resync} does it).
     *
     * @param randAuts the SIP-Authorization of the MAR, {@value #RAND_AUTS_LENGTH} octets expected
     * @return SQN_MS recovered from AUTS, or empty when the length or MAC-S is wrong (nothing is changed then)
     */
    Optional<Sqn> resynchronise(String privateIdentity, AkaCredentials credentials, byte[] randAuts) {
        if (randAuts.length != RAND_AUTS_LENGTH) {
            return Optional.empty();
        }
        byte[] rand = Arrays.copyOfRange(randAuts, 0, RAND_LENGTH);
        Auts auts = Auts.fromOctets(Arrays.copyOfRange(randAuts, RAND_LENGTH, RAND_AUTS_LENGTH));
        Optional<Sqn> sqnMs = auts.recoverSqnMs(credentials.keys(), rand);
        sqnMs.ifPresent(reported -> state.resync(privateIdentity, reported));
        return sqnMs;
    }
}
