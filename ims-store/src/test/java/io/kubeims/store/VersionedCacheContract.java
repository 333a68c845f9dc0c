package io.kubeims.store;

import io.kubeims.store.testing.SimultaneousCalls;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link VersionedCache} adapter must do, and {@link TypedCache}'s update loop over it: conditional writes
 * that fail against a changed entry, lifespans, and no lost update between threads of two clients of one cache.
 */
abstract class VersionedCacheContract {

    private int caches;

    /** A client of the cache {@code name} (created empty on first use); clients of one name share its entries. */
    protected abstract VersionedCache client(String name);

    /** A second client, as another process would have, of the same cache. */
    protected abstract VersionedCache otherClient(String name);

    private String freshName() {
        return getClass().getSimpleName().toLowerCase() + "-" + (++caches);
    }

    @Test
    void putIfAbsentWritesOnlyTheFirstValue() {
        VersionedCache cache = client(freshName());
        assertEquals(Optional.empty(), cache.get("k"));
        assertTrue(cache.putIfAbsent("k", "one"));
        assertFalse(cache.putIfAbsent("k", "two"));
        assertEquals("one", cache.get("k").orElseThrow().value());
        assertEquals(1, cache.size());
    }

    @Test
    void replaceAndRemoveFailAgainstAValueChangedSinceTheRead() {
        String name = freshName();
        VersionedCache cache = client(name);
        VersionedCache other = otherClient(name);
        cache.putIfAbsent("k", "one");
        VersionedCache.StoredValue read = cache.get("k").orElseThrow();
        VersionedCache.StoredValue readByOther = other.get("k").orElseThrow();
        assertTrue(other.replace("k", readByOther, "two"));

        assertFalse(cache.replace("k", read, "three"));
        assertFalse(cache.remove("k", read));
        assertEquals("two", cache.get("k").orElseThrow().value());

        VersionedCache.StoredValue fresh = cache.get("k").orElseThrow();
        assertTrue(cache.replace("k", fresh, "three"));
        assertEquals("three", other.get("k").orElseThrow().value());
        assertTrue(cache.remove("k", cache.get("k").orElseThrow()));
        assertEquals(Optional.empty(), other.get("k"));
    }

    @Test
    void anEntryWrittenWithALifespanDisappearsAfterIt() throws InterruptedException {
        VersionedCache cache = client(freshName());
        assertTrue(cache.putIfAbsent("short", "x", Duration.ofMillis(300)));
        assertTrue(cache.putIfAbsent("replaced", "x"));
        assertTrue(cache.replace("replaced", cache.get("replaced").orElseThrow(), "y", Duration.ofMillis(300)));
        assertTrue(cache.putIfAbsent("long", "x", Duration.ofHours(1)));
        awaitAbsent(cache, "short");
        awaitAbsent(cache, "replaced");
        assertEquals("x", cache.get("long").orElseThrow().value());
    }

    @Test
    void aLifespanBelowOneMillisecondIsRefused() {
        VersionedCache cache = client(freshName());
        InvalidLifespanException e = assertThrows(InvalidLifespanException.class,
                () -> cache.putIfAbsent("k", "v", Duration.ZERO));
        assertEquals("lifespan must be at least 1 ms, was PT0S", e.getMessage());
        assertThrows(InvalidLifespanException.class, () -> cache.putIfAbsent("k", "v", null));
        assertEquals(Optional.empty(), cache.get("k"));
    }

    @Test
    void updatesFromThreadsOfTwoClientsAreNeverLost() throws Exception {
        String name = freshName();
        List<TypedCache<Counter>> clients = List.of(new TypedCache<>(client(name), new Counter.Json()),
                new TypedCache<>(otherClient(name), new Counter.Json()));
        int threadsPerClient = 3;
        int perThread = 60;
        List<Callable<List<Long>>> tasks = new ArrayList<>();
        for (TypedCache<Counter> counters : clients) {
            for (int t = 0; t < threadsPerClient; t++) {
                tasks.add(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        TypedCache.Change<Counter> change = counters.update("n",
                                current -> Optional.of(current.orElse(new Counter(0)).next()));
                        long before = change.previous().map(Counter::value).orElse(0L);
                        assertEquals(before + 1, change.current().orElseThrow().value());
                        seen.add(before);
                    }
                    return seen;
                });
            }
        }
        Set<Long> previousValues = new TreeSet<>();
        int total = 0;
        for (List<Long> seen : SimultaneousCalls.run(tasks)) {
            previousValues.addAll(seen);
            total += seen.size();
        }
        assertEquals(2 * threadsPerClient * perThread, total);
        assertEquals(total, previousValues.size(), "two updates saw the same value");
        assertEquals(Optional.of(new Counter(total)), clients.get(0).get("n"));
    }

    @Test
    void anUpdateToEmptyRemovesAndAnUnchangedValueWritesNothing() {
        String name = freshName();
        TypedCache<Counter> counters = new TypedCache<>(client(name), new Counter.Json());
        TypedCache.Change<Counter> created = counters.update("n", current -> Optional.of(new Counter(5)));
        assertEquals(new TypedCache.Change<>(Optional.empty(), Optional.of(new Counter(5))), created);
        assertTrue(created.changed());

        VersionedCache.StoredValue before = client(name).get("n").orElseThrow();
        TypedCache.Change<Counter> same = counters.update("n", current -> current);
        assertFalse(same.changed());
        assertEquals(before, client(name).get("n").orElseThrow(), "an unchanged value is not rewritten");

        assertEquals(Optional.of(new Counter(5)), counters.remove("n"));
        assertEquals(Optional.empty(), counters.get("n"));
        assertFalse(counters.update("n", current -> Optional.empty()).changed());
    }

    @Test
    void anUpdateThatLosesEveryRaceGivesUpAfterItsBound() {
        String name = freshName();
        VersionedCache rival = otherClient(name);
        TypedCache<Counter> counters = new TypedCache<>(client(name), new Counter.Json(),
                TypedCache.EntryLifespan.immortal(), 5);
        counters.update("n", current -> Optional.of(new Counter(0)));
        AtomicInteger attempts = new AtomicInteger();
        StoreContentionException e = assertThrows(StoreContentionException.class, () -> counters.update("n",
                current -> {
                    attempts.incrementAndGet();
                    // another writer changes the entry between this read and the conditional write, every time
                    VersionedCache.StoredValue seen = rival.get("n").orElseThrow();
                    rival.replace("n", seen, new Counter.Json().encode(current.orElseThrow().next().next()));
                    return Optional.of(current.orElseThrow().next());
                }));
        assertEquals(5, attempts.get());
        assertEquals("cache " + name + ", key n: gave up after 5 conflicting compare-and-set attempts", e.getMessage());
        assertEquals(Optional.of(new Counter(10)), counters.get("n"), "only the rival's writes took effect");
    }

    @Test
    void aFailingChangeWritesNothing() {
        TypedCache<Counter> counters = new TypedCache<>(client(freshName()), new Counter.Json());
        counters.update("n", current -> Optional.of(new Counter(1)));
        assertThrows(IllegalStateException.class, () -> counters.update("n", current -> {
            throw new IllegalStateException("refused");
        }));
        assertEquals(Optional.of(new Counter(1)), counters.get("n"));
    }

    @Test
    void anUndecodableValueIsReportedWithoutQuotingIt() {
        String name = freshName();
        client(name).putIfAbsent("n", "{\"value\": \"secret-ish\"}");
        client(name).putIfAbsent("m", "secret-ish garbage");
        TypedCache<Counter> counters = new TypedCache<>(client(name), new Counter.Json());
        CorruptStoredValueException notInteger = assertThrows(CorruptStoredValueException.class,
                () -> counters.get("n"));
        assertEquals("cache " + name + ", key n: field 'value' is missing or not an integer", notInteger.getMessage());
        CorruptStoredValueException notJson = assertThrows(CorruptStoredValueException.class,
                () -> counters.update("m", current -> current));
        assertTrue(notJson.getMessage().matches("cache " + name + ", key m: not JSON \\(line 1, column \\d+\\)"),
                notJson.getMessage());
        assertFalse(notJson.getMessage().contains("secret"));
    }

    @Test
    void updatesWriteTheLifespanTheValueAsks() throws InterruptedException {
        String name = freshName();
        TypedCache<Counter> counters = new TypedCache<>(client(name), new Counter.Json(),
                counter -> counter.value() < 0 ? Optional.of(Duration.ofMillis(300)) : Optional.empty(),
                TypedCache.DEFAULT_MAX_ATTEMPTS);
        counters.update("kept", current -> Optional.of(new Counter(1)));
        counters.update("dropped", current -> Optional.of(new Counter(1)));
        counters.update("dropped", current -> Optional.of(new Counter(-1)));
        counters.update("past", current -> Optional.of(new Counter(-2)));
        awaitAbsent(client(name), "dropped");
        awaitAbsent(client(name), "past");
        assertEquals(Optional.of(new Counter(1)), counters.get("kept"));
    }

    /** Waits (at most 20 s) until {@code key} is gone, failing otherwise. */
    private static void awaitAbsent(VersionedCache cache, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cache.get(key).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(key + " did not expire");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
