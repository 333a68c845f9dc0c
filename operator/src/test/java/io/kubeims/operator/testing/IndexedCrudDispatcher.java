package io.kubeims.operator.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.HttpURLConnection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The fabric8 mock API server's CRUD dispatcher with an index by object name for the lookups of create, update and
 * patch. The stock dispatcher finds the object a request names by scanning every stored object under its global
 * lock, so N objects cost O(N) per request and O(N^2) for N creates: with 10,000 Subscribers and their Secrets the
 * mock server, not the operator, took almost all the CPU (JFR: ~45% of all samples in its attribute matching at
 * 2,000). Same answers as the stock dispatcher: the index only narrows the candidates, which are still matched
 * against the query. DELETE by name (the stock one scans as well) is done here through the index, with the stock
 * finalizer semantics (marked for deletion while finalizers remain). Lists, watches and GET keep the stock path.
 *
 * <p>The stock dispatcher serialises requests with a private lock that this class cannot take; every request is
 * therefore serialised here first by an own lock, writes exclusively. The one stock path outside it is the initial
 * listing of a new watch, which only reads.
 */
public class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private final Map<Attribute, Set<AttributeSet>> byName = new ConcurrentHashMap<>();
    private final ReadWriteLock requests = new ReentrantReadWriteLock();

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        return locked(requests.writeLock(), () -> super.handleCreate(request));
    }

    @Override
    public MockResponse handleUpdate(RecordedRequest request) {
        return locked(requests.writeLock(), () -> super.handleUpdate(request));
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        return locked(requests.writeLock(), () -> super.handlePatch(request));
    }

    @Override
    public MockResponse handleGet(String path) {
        return locked(requests.readLock(), () -> super.handleGet(path));
    }

    /**
     * DELETE of one named object: removed when it has no finalizers, else marked for deletion (once); answered with
     * the object as it was, or 404. Anything else (a collection) takes the stock path.
     */
    @Override
    public MockResponse handleDelete(String path) {
        AttributeSet query = attributeExtractor.fromPath(path);
        if (query.getAttribute(KubernetesAttributesExtractor.NAME) == null) {
            return locked(requests.writeLock(), () -> super.handleDelete(path));
        }
        return locked(requests.writeLock(), () -> {
            Map.Entry<AttributeSet, String> entry = findResource(query);
            if (entry == null) {
                return new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND);
            }
            GenericKubernetesResource resource = Serialization.unmarshal(entry.getValue(),
                    GenericKubernetesResource.class);
            if (resource.getFinalizers().isEmpty()) {
                processEvent(path, query, entry.getKey(), null, null);
            } else if (!resource.isMarkedForDeletion()) {
                resource.getMetadata().setDeletionTimestamp(ZonedDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                resource.getMetadata().setResourceVersion(String.valueOf(requestResourceVersion()));
                processEvent(path, query, entry.getKey(), resource, Serialization.asJson(resource));
            }
            return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(entry.getValue());
        });
    }

    private static MockResponse locked(Lock lock, Supplier<MockResponse> request) {
        lock.lock();
        try {
            return request.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        Attribute name = query.getAttribute(KubernetesAttributesExtractor.NAME);
        if (name == null) {
            return super.findResource(query);
        }
        for (AttributeSet candidate : byName.getOrDefault(name, Set.of())) {
            if (candidate.matches(query)) {
                String value = map.get(candidate);
                if (value != null) {
                    return Map.entry(candidate, value);
                }
            }
        }
        return null;
    }

    /** Keeps the index in step with the store (called under the write locks). */
    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (oldAttributes != null) {
            unindex(oldAttributes);
        }
        if (newState != null) {
            // the key the stock dispatcher has just stored, computed the same way
            KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
            AttributeSet stored = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
            if (!stored.containsKey(KubernetesAttributesExtractor.PLURAL)) {
                stored = AttributeSet.merge(pathAttributes, stored);
            }
            index(stored);
        }
    }

    @Override
    public void reset() {
        super.reset();
        byName.clear();
    }

    private void index(AttributeSet attributes) {
        Attribute name = attributes.getAttribute(KubernetesAttributesExtractor.NAME);
        if (name != null) {
            byName.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(attributes);
        }
    }

    private void unindex(AttributeSet attributes) {
        Attribute name = attributes.getAttribute(KubernetesAttributesExtractor.NAME);
        if (name != null) {
            byName.computeIfPresent(name, (n, set) -> {
                set.remove(attributes);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
