package io.kubeims.hss.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cache names: defaults, per-core prefixes, refusal of unusable names. */
class HssCacheNamesTest {

    @Test
    void defaultsAndPrefixes() {
        assertEquals(List.of("hss-subscribers", "hss-public-identities", "hss-sqn", "hss-registrations"),
                HssCacheNames.defaults().all());
        assertEquals("lab.core-1-sqn", HssCacheNames.prefixed("lab.core-1").sqn());
    }

    @Test
    void unusableNamesAreRefused() {
        assertEquals("cache name 'a b-subscribers' must be 1 to 200 characters of [A-Za-z0-9._-]",
                assertThrows(InvalidStorageSettingsException.class, () -> HssCacheNames.prefixed("a b")).getMessage());
        assertEquals("cache name 'x' is used twice", assertThrows(InvalidStorageSettingsException.class,
                () -> new HssCacheNames("x", "y", "x", "z")).getMessage());
        assertThrows(InvalidStorageSettingsException.class, () -> new HssCacheNames(null, "y", "w", "z"));
    }
}
