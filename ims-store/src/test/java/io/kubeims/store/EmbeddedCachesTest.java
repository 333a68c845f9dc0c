package io.kubeims.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File-stored embedded caches keep their entries across a restart; memory-only containers refuse them. */
class EmbeddedCachesTest {

    @TempDir
    Path directory;

    @Test
    void fileStoredEntriesSurviveARestartAndMemoryOnlyOnesDoNot() {
        try (EmbeddedCaches caches = EmbeddedCaches.persistent("restart-test", directory)) {
            assertEquals(directory.toAbsolutePath(), caches.directory().orElseThrow());
            assertTrue(caches.fileStoredCache("durable", true).putIfAbsent("k", "synced"));
            assertTrue(caches.fileStoredCache("lazy", false).putIfAbsent("k", "written"));
            assertTrue(caches.inMemoryCache("volatile").putIfAbsent("k", "gone"));
        }
        assertTrue(Files.isDirectory(directory.resolve("durable").resolve("data")));
        try (EmbeddedCaches caches = EmbeddedCaches.persistent("restart-test", directory)) {
            assertEquals("synced", caches.fileStoredCache("durable", true).get("k").orElseThrow().value());
            assertEquals("written", caches.fileStoredCache("lazy", false).get("k").orElseThrow().value());
            assertTrue(caches.inMemoryCache("volatile").get("k").isEmpty());
        }
    }

    @Test
    void aMemoryOnlyContainerRefusesFileStoredCaches() {
        try (EmbeddedCaches caches = EmbeddedCaches.inMemory("memory-test")) {
            assertTrue(caches.directory().isEmpty());
            InvalidCacheSettingsException e = assertThrows(InvalidCacheSettingsException.class,
                    () -> caches.fileStoredCache("durable", true));
            assertEquals("cache durable cannot be file-stored: the embedded container is memory-only", e.getMessage());
        }
    }
}
