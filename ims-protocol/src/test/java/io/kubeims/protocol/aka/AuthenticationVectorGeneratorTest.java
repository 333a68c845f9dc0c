package io.kubeims.protocol.aka;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AuthenticationVectorGeneratorTest {

    static List<Ts35208TestSet> testSets() {
        return Ts35208TestSet.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSets")
    void vectorIsBuiltFromTheMilenageOutputsOfTs35208(Ts35208TestSet set) {
        AuthenticationVectorGenerator generator = new AuthenticationVectorGenerator(new FixedRandom(set.rand()));
        AuthenticationVector vector = generator.generate(set.keys(), Sqn.fromOctets(set.sqn()), set.amf());
        assertAll(
                () -> assertArrayEquals(set.rand(), vector.rand(), "RAND"),
                () -> assertArrayEquals(set.f2(), vector.xres(), "XRES"),
                () -> assertArrayEquals(set.f3(), vector.ck(), "CK"),
                () -> assertArrayEquals(set.f4(), vector.ik(), "IK"),
                () -> assertArrayEquals(set.autn(), vector.autn(), "AUTN = SQN xor AK || AMF || MAC-A"));
    }

    @Test
    void randComesFromTheInjectedGenerator() {
        Ts35208TestSet set = Ts35208TestSet.number(4);
        AuthenticationVectorGenerator generator = new AuthenticationVectorGenerator(new SecureRandom());
        AuthenticationVector first = generator.generate(set.keys(), Sqn.of(1, 1), set.amf());
        AuthenticationVector second = generator.generate(set.keys(), Sqn.of(1, 1), set.amf());
        assertFalse(Arrays.equals(first.rand(), second.rand()));
        assertFalse(Arrays.equals(first.xres(), second.xres()));
    }

    @Test
    void toStringShowsRandAndAutnButNotXresCkIk() {
        Ts35208TestSet set = Ts35208TestSet.number(9);
        AuthenticationVector vector = new AuthenticationVectorGenerator(new FixedRandom(set.rand()))
                .generate(set.keys(), Sqn.fromOctets(set.sqn()), set.amf());
        String text = vector.toString();
        assertTrue(text.contains(HexKey.format(set.rand())), text);
        assertTrue(text.contains(HexKey.format(set.autn())), text);
        for (byte[] secret : List.of(set.f2(), set.f3(), set.f4())) {
            assertFalse(text.contains(HexKey.format(secret)), text);
        }
    }

    @Test
    void wrongAmfLengthIsRejected() {
        Ts35208TestSet set = Ts35208TestSet.number(5);
        AuthenticationVectorGenerator generator = new AuthenticationVectorGenerator(new SecureRandom());
        assertEquals("AMF: must be 2 octets, got 1", assertThrows(ParameterLengthException.class,
                () -> generator.generate(set.keys(), Sqn.of(1, 1), new byte[1])).getMessage());
    }

    @Test
    void vectorPartsAreLengthChecked() {
        byte[] sixteen = new byte[16];
        assertEquals("XRES: must be 4 to 16 octets, got 3", assertThrows(AkaParameterException.class,
                () -> new AuthenticationVector(sixteen, new byte[3], sixteen, sixteen, sixteen)).getMessage());
        assertEquals("AUTN", assertThrows(ParameterLengthException.class,
                () -> new AuthenticationVector(sixteen, new byte[8], sixteen, sixteen, new byte[15])).parameter());
        assertEquals("RAND", assertThrows(ParameterLengthException.class,
                () -> new AuthenticationVector(new byte[17], new byte[8], sixteen, sixteen, sixteen)).parameter());
    }
}
