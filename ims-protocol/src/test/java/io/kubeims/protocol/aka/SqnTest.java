package io.kubeims.protocol.aka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqnTest {

    @Test
    void seqIsTheHigh43BitsAndIndTheLow5() {
        assertEquals(32, Sqn.of(1, 0).value());
        assertEquals(31, Sqn.of(0, 31).value());
        Sqn sqn = Sqn.of(0x123456789L, 7);
        assertEquals(0x123456789L, sqn.seq());
        assertEquals(7, sqn.ind());
        assertEquals(0x123456789L * 32 + 7, sqn.value());
    }

    @Test
    void sixOctetsMostSignificantFirst() {
        // TS 35.208 4.3.1: SQN = ff9bb4d0b607.
        Sqn sqn = Sqn.parseHex("ff9bb4d0b607");
        assertEquals(0xff9bb4d0b607L, sqn.value());
        assertEquals(0xff9bb4d0b607L >>> 5, sqn.seq());
        assertEquals(0x07, sqn.ind());
        assertArrayEquals(HexKey.parse("SQN", "ff9bb4d0b607"), sqn.toOctets());
        assertEquals(sqn, Sqn.fromOctets(sqn.toOctets()));
        Sqn max = Sqn.parseHex("ffffffffffff");
        assertEquals(Sqn.MAX_VALUE, max.value());
        assertEquals(Sqn.MAX_SEQ, max.seq());
        assertEquals(31, max.ind());
    }

    @Test
    void ordersNumerically() {
        assertTrue(Sqn.of(2, 0).compareTo(Sqn.of(1, 31)) > 0);
        assertTrue(Sqn.of(1, 1).compareTo(Sqn.of(1, 2)) < 0);
    }

    @Test
    void valuesOutsideTheirFieldsAreRejected() {
        assertEquals("SQN: must be within 0 .. 2^48-1",
                assertThrows(SqnOutOfRangeException.class, () -> new Sqn(1L << 48)).getMessage());
        assertThrows(SqnOutOfRangeException.class, () -> new Sqn(-1));
        assertEquals("SEQ", assertThrows(SqnOutOfRangeException.class,
                () -> Sqn.of(Sqn.MAX_SEQ + 1, 0)).parameter());
        assertEquals("IND: must be within 0 .. 31",
                assertThrows(SqnOutOfRangeException.class, () -> Sqn.of(0, 32)).getMessage());
        assertThrows(SqnOutOfRangeException.class, () -> Sqn.of(0, -1));
        assertEquals("SQN: must be 6 octets, got 7",
                assertThrows(ParameterLengthException.class, () -> Sqn.parseHex("ff9bb4d0b60701")).getMessage());
    }
}
