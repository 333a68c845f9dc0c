package io.kubeims.protocol.aka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexKeyTest {

    // TS 35.208 4.3.1 Test Set 1, K.
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final byte[] K_OCTETS = {0x46, 0x5b, 0x5c, (byte) 0xe8, (byte) 0xb1, (byte) 0x99, (byte) 0xb4,
        (byte) 0x9f, (byte) 0xaa, 0x5f, 0x0a, 0x2e, (byte) 0xe2, 0x38, (byte) 0xa6, (byte) 0xbc};

    @Test
    void parsesPlainPrefixedAndUpperCaseHex() {
        assertArrayEquals(K_OCTETS, HexKey.parse("K", K, 16));
        assertArrayEquals(K_OCTETS, HexKey.parse("K", "0x" + K, 16));
        assertArrayEquals(K_OCTETS, HexKey.parse("K", "0X" + K.toUpperCase(), 16));
        assertArrayEquals(K_OCTETS, HexKey.parse("K", "  " + K + "\n", 16));
        assertArrayEquals(new byte[0], HexKey.parse("serverData", ""));
    }

    @Test
    void formatsLowerCase() {
        assertEquals(K, HexKey.format(K_OCTETS));
    }

    @Test
    void nonHexCharacterIsRejectedWithItsPositionButNotTheValue() {
        MalformedHexException e = assertThrows(MalformedHexException.class,
                () -> HexKey.parse("K", "465b5ce8b199b49faa5f0a2ee238a6bg", 16));
        assertEquals("K", e.parameter());
        assertEquals("K: not a hex digit at position 31", e.getMessage());
        assertFalse(e.getMessage().contains("465b5c"));
    }

    @Test
    void oddNumberOfDigitsIsRejected() {
        MalformedHexException e = assertThrows(MalformedHexException.class,
                () -> HexKey.parse("OPc", "0x" + K.substring(1), 16));
        assertEquals("OPc: odd number of hex digits (31)", e.getMessage());
    }

    @Test
    void missingValueIsRejected() {
        assertEquals("OP: is missing",
                assertThrows(MalformedHexException.class, () -> HexKey.parse("OP", null, 16)).getMessage());
    }

    @Test
    void wrongLengthIsRejected() {
        ParameterLengthException e = assertThrows(ParameterLengthException.class,
                () -> HexKey.parse("AMF", "b9b9b9", 2));
        assertEquals("AMF: must be 2 octets, got 3", e.getMessage());
        assertEquals(2, e.expected());
        assertEquals(3, e.actual());
    }
}
