package io.kubeims.cscf.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.store.JsonFields;
import io.kubeims.store.TypedCache;
import io.kubeims.store.ValueCodec;
import io.kubeims.store.VersionedCache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A secondary index over a cache without queries: index key -> set of members (keys of the indexed cache), each
 * with an end after which it no longer counts. It is only ever a hint: readers check each member against the
 * indexed record, so a stale member is harmless and a writer may add before it writes the record. Members past
 * their end are pruned on each write, and the entry's lifespan is that of its longest-lived member.
 */
final class MemberIndex {

    /** Members with this end never lapse. */
    static final long NEVER = Long.MAX_VALUE;

    private final TypedCache<Members> cache;
    private final Clock clock;

    MemberIndex(VersionedCache cache, Clock clock) {
        this.clock = clock;
        this.cache = new TypedCache<>(cache, new Json(), members -> members.lifespan(clock.millis()),
                TypedCache.DEFAULT_MAX_ATTEMPTS);
    }

    /** Adds {@code member} under {@code key} until {@code endMillis} (or extends it); no write if already so. */
    void add(String key, String member, long endMillis) {
        cache.update(key, current -> {
            long now = clock.millis();
            Members members = current.orElse(Members.EMPTY);
            Long end = members.ends().get(member);
            if (end != null && end >= endMillis && end > now) {
                return current;
            }
            return Optional.of(members.pruned(now).with(member, endMillis));
        });
    }

    /** Removes {@code member} from {@code key}. */
    void remove(String key, String member) {
        cache.update(key, current -> {
            if (current.isEmpty() || !current.get().ends().containsKey(member)) {
                return current;
            }
            Members rest = current.get().pruned(clock.millis()).without(member);
            return rest.ends().isEmpty() ? Optional.empty() : Optional.of(rest);
        });
    }

    /** The members of {@code key} whose end has not passed. */
    Set<String> members(String key) {
        long now = clock.millis();
        Set<String> live = new TreeSet<>();
        cache.get(key).ifPresent(members -> members.ends().forEach((member, end) -> {
            if (end > now) {
                live.add(member);
            }
        }));
        return live;
    }

    /** One index entry: member -> end in epoch milliseconds ({@link #NEVER} for none). */
    record Members(SortedMap<String, Long> ends) {

        static final Members EMPTY = new Members(new TreeMap<>());

        Members {
            ends = Collections.unmodifiableSortedMap(new TreeMap<>(ends));
        }

        Members with(String member, long end) {
            TreeMap<String, Long> next = new TreeMap<>(ends);
            next.put(member, end);
            return new Members(next);
        }

        Members without(String member) {
            TreeMap<String, Long> next = new TreeMap<>(ends);
            next.remove(member);
            return new Members(next);
        }

        Members pruned(long now) {
            TreeMap<String, Long> next = new TreeMap<>(ends);
            next.values().removeIf(end -> end <= now);
            return new Members(next);
        }

        Optional<Duration> lifespan(long now) {
            long last = ends.values().stream().mapToLong(Long::longValue).max().orElse(now);
            return last == NEVER ? Optional.empty() : Optional.of(Duration.ofMillis(last - now));
        }
    }

    /** {"members": {"member": endMillis, ...}}. */
    private static final class Json implements ValueCodec<Members> {

        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        public String encode(Members members) {
            ObjectNode root = JsonFields.newObject();
            ObjectNode ends = root.putObject("members");
            members.ends().forEach(ends::put);
            return JsonFields.write(root);
        }

        @Override
        public Members decode(String cache, String key, String stored) {
            JsonFields fields = new JsonFields(mapper, cache, key);
            ObjectNode members = fields.object(fields.parseObject(stored), "members");
            TreeMap<String, Long> ends = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : members.properties()) {
                ends.put(entry.getKey(), fields.integer(members, entry.getKey()));
            }
            return new Members(ends);
        }
    }
}
