package io.kubeims.protocol.aka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AutsTest {

    static List<Ts35208TestSet> testSets() {
        return Ts35208TestSet.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSets")
    void networkRecoversSqnMsAndChecksMacS(Ts35208TestSet set) {
        Sqn sqnMs = Sqn.fromOctets(set.sqn());
        Auts auts = Auts.compute(set.keys(), set.rand(), sqnMs);
        // SQN_MS xor AK*, with AK* = f5*(RAND) as published.
        byte[] concealed = auts.concealedSqnMs();
        for (int i = 0; i < 6; i++) {
            assertEquals((byte) (set.sqn()[i] ^ set.f5Star()[i]), concealed[i]);
        }
        // MAC-S = f1*(SQN_MS || RAND || AMF*) with AMF* = 0x0000 (TS 33.102 6.3.3), not the set's AMF.
        assertArrayEquals(new Milenage(set.keys()).f1Star(set.rand(), set.sqn(), new byte[2]), auts.macS());
        assertEquals(sqnMs, auts.recoverSqnMs(set.keys(), set.rand()).orElseThrow());
    }

    @Test
    void aBadMacSIsRejected() {
        Ts35208TestSet set = Ts35208TestSet.number(12);
        byte[] octets = Auts.compute(set.keys(), set.rand(), Sqn.of(99, 3)).toOctets();
        for (int octet = 0; octet < octets.length; octet++) {
            byte[] tampered = octets.clone();
            tampered[octet] ^= (byte) 0x80;
            assertTrue(Auts.fromOctets(tampered).recoverSqnMs(set.keys(), set.rand()).isEmpty(),
                    "octet " + octet + " changed");
        }
        Auts genuine = Auts.fromOctets(octets);
        assertTrue(genuine.recoverSqnMs(set.keys(), Ts35208TestSet.number(13).rand()).isEmpty(), "other RAND");
        assertTrue(genuine.recoverSqnMs(Ts35208TestSet.number(13).keys(), set.rand()).isEmpty(), "other keys");
    }

    @Test
    void autsIsFourteenOctets() {
        assertEquals("AUTS: must be 14 octets, got 13",
                assertThrows(ParameterLengthException.class, () -> Auts.fromOctets(new byte[13])).getMessage());
        assertEquals("MAC-S", assertThrows(ParameterLengthException.class,
                () -> new Auts(new byte[6], new byte[7])).parameter());
        Ts35208TestSet set = Ts35208TestSet.number(1);
        assertEquals("RAND", assertThrows(ParameterLengthException.class,
                () -> Auts.fromOctets(new byte[14]).recoverSqnMs(set.keys(), new byte[8])).parameter());
    }
}
