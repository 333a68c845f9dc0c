package io.kubeims.protocol.aka;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MilenageTest {

    static List<Ts35208TestSet> testSets() {
        return Ts35208TestSet.all();
    }

    @Test
    void allTwentyTestSetsOfTs35208AreLoaded() {
        List<Ts35208TestSet> sets = testSets();
        assertEquals(Ts35208TestSet.COUNT, sets.size());
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(),
                sets.stream().map(Ts35208TestSet::number).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSets")
    void everyOutputMatchesTs35208(Ts35208TestSet set) {
        Milenage milenage = new Milenage(SubscriberKeys.fromOp(set.k(), set.op()));
        assertAll(
                () -> assertArrayEquals(set.opc(), Milenage.opc(set.k(), set.op()), "OPc"),
                () -> assertArrayEquals(set.f1(), milenage.f1(set.rand(), set.sqn(), set.amf()), "f1"),
                () -> assertArrayEquals(set.f1Star(), milenage.f1Star(set.rand(), set.sqn(), set.amf()), "f1*"),
                () -> assertArrayEquals(set.f2(), milenage.f2(set.rand()), "f2"),
                () -> assertArrayEquals(set.f3(), milenage.f3(set.rand()), "f3"),
                () -> assertArrayEquals(set.f4(), milenage.f4(set.rand()), "f4"),
                () -> assertArrayEquals(set.f5(), milenage.f5(set.rand()), "f5"),
                () -> assertArrayEquals(set.f5Star(), milenage.f5Star(set.rand()), "f5*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSets")
    void keysGivenWithOpcGiveTheSameOutputs(Ts35208TestSet set) {
        Milenage milenage = new Milenage(SubscriberKeys.fromOpc(set.k(), set.opc()));
        assertAll(
                () -> assertArrayEquals(set.f1(), milenage.f1(set.rand(), set.sqn(), set.amf()), "f1"),
                () -> assertArrayEquals(set.f2(), milenage.f2(set.rand()), "f2"),
                () -> assertArrayEquals(set.f5Star(), milenage.f5Star(set.rand()), "f5*"));
    }

    @Test
    void wrongParameterLengthsNameTheParameter() {
        Ts35208TestSet set = Ts35208TestSet.number(1);
        Milenage milenage = new Milenage(set.keys());
        ParameterLengthException rand = assertThrows(ParameterLengthException.class,
                () -> milenage.f2(new byte[15]));
        assertEquals("RAND", rand.parameter());
        assertEquals("RAND: must be 16 octets, got 15", rand.getMessage());
        assertEquals("SQN", assertThrows(ParameterLengthException.class,
                () -> milenage.f1(set.rand(), new byte[5], set.amf())).parameter());
        assertEquals("AMF", assertThrows(ParameterLengthException.class,
                () -> milenage.f1Star(set.rand(), set.sqn(), new byte[3])).parameter());
        assertEquals("K", assertThrows(ParameterLengthException.class,
                () -> Milenage.opc(new byte[15], set.op())).parameter());
        ParameterLengthException op = assertThrows(ParameterLengthException.class,
                () -> Milenage.opc(set.k(), new byte[17]));
        assertEquals("OP", op.parameter());
        assertEquals(16, op.expected());
        assertEquals(17, op.actual());
        assertEquals("OPc", assertThrows(ParameterLengthException.class,
                () -> SubscriberKeys.fromOpc(set.k(), new byte[8])).parameter());
        assertEquals("K", assertThrows(AkaParameterException.class,
                () -> SubscriberKeys.fromOpc(null, set.opc())).parameter());
    }

    @Test
    void keysAreNeverShownAndArrayArgumentsAreCopied() {
        Ts35208TestSet set = Ts35208TestSet.number(3);
        byte[] k = set.k().clone();
        SubscriberKeys keys = SubscriberKeys.fromOpc(k, set.opc());
        k[0] ^= 1;
        keys.k()[1] ^= 1;
        assertArrayEquals(set.k(), keys.k());
        assertEquals(SubscriberKeys.fromOpc(set.k(), set.opc()), keys);
        for (String text : List.of(keys.toString(), new Milenage(keys).toString())) {
            assertFalse(text.contains(HexKey.format(set.k())), text);
            assertFalse(text.contains(HexKey.format(set.opc())), text);
        }
    }

    @Test
    void keysFromHexConfiguration() {
        Ts35208TestSet set = Ts35208TestSet.number(20);
        assertEquals(set.keys(), SubscriberKeys.fromOpHex("0x" + HexKey.format(set.k()), HexKey.format(set.op())));
        assertEquals(set.keys(), SubscriberKeys.fromOpcHex(HexKey.format(set.k()).toUpperCase(),
                " " + HexKey.format(set.opc()) + "\n"));
        MalformedHexException malformed = assertThrows(MalformedHexException.class,
                () -> SubscriberKeys.fromOpHex(HexKey.format(set.k()), "3ffcfe5b7b1111589920d3528e84e65"));
        assertEquals("OP", malformed.parameter());
        assertEquals("K", assertThrows(ParameterLengthException.class,
                () -> SubscriberKeys.fromOpcHex("90dca4eda45b53cf0f12d7c9c3bc6a", HexKey.format(set.opc())))
                .parameter());
    }
}
