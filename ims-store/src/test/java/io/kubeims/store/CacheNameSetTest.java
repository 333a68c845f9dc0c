package io.kubeims.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CacheNameSetTest {

    @Test
    void validNamesAreKeptInOrder() {
        assertEquals(List.of("cscf-registrations", "a.b_C-9"),
                CacheNameSet.of("cscf-registrations", "a.b_C-9").names());
    }

    @Test
    void badNamesAreRefusedNamingThem() {
        assertEquals("cache name 'a b' must be 1 to 200 characters of [A-Za-z0-9._-]",
                assertThrows(InvalidCacheSettingsException.class, () -> CacheNameSet.of("ok", "a b")).getMessage());
        assertEquals("cache name '' must be 1 to 200 characters of [A-Za-z0-9._-]",
                assertThrows(InvalidCacheSettingsException.class, () -> CacheNameSet.of("")).getMessage());
        assertEquals("cache name 'null' must be 1 to 200 characters of [A-Za-z0-9._-]",
                assertThrows(InvalidCacheSettingsException.class, () -> CacheNameSet.of("x", null)).getMessage());
        assertThrows(InvalidCacheSettingsException.class, () -> CacheNameSet.of("x".repeat(201)));
        assertEquals("cache name 'x' is used twice",
                assertThrows(InvalidCacheSettingsException.class, () -> CacheNameSet.of("x", "y", "x")).getMessage());
    }

    @Test
    void aTypedCacheNeedsAtLeastOneAttempt() {
        try (EmbeddedCaches caches = EmbeddedCaches.inMemory("attempts-test")) {
            assertEquals("maxAttempts must be at least 1, was 0", assertThrows(InvalidCacheSettingsException.class,
                    () -> new TypedCache<>(caches.inMemoryCache("c"), new Counter.Json(),
                            TypedCache.EntryLifespan.immortal(), 0)).getMessage());
        }
    }
}
