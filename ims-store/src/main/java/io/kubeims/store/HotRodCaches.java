package io.kubeims.store;

import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.commons.configuration.StringConfiguration;

import java.util.Objects;

/**
 * {@link VersionedCache}s on an Infinispan Server (cluster) over Hot Rod, shared by every replica that uses the same
 * names. A cache is created on first use from an XML template (passed through {@link StringConfiguration}: a plain
 * string argument would be taken for a template <em>name</em>) and reused when it exists. Owns its Hot Rod client.
 */
public final class HotRodCaches implements AutoCloseable {

    /**
     * A durable definition: distributed, synchronous, two owners, persisted to the server's file store. On a network
     * split the minority partition refuses reads and writes, so no two partitions can each decide (issue an SQN,
     * accept a nonce, expire a registration). {@code ${name}} is replaced by the cache name.
     */
    public static final String DISTRIBUTED_CACHE_XML = """
            <distributed-cache name="${name}" mode="SYNC" owners="2">
              <encoding media-type="application/x-protostream"/>
              <partition-handling when-split="DENY_READ_WRITES"/>
              <persistence passivation="false">
                <file-store/>
              </persistence>
            </distributed-cache>
            """;

    private final RemoteCacheManager manager;
    private final String cacheXmlTemplate;

    /**
     * @param manager          a started Hot Rod client; closed by {@link #close()}
     * @param cacheXmlTemplate the cache definition, with {@code ${name}} for the cache name
     */
    public HotRodCaches(RemoteCacheManager manager, String cacheXmlTemplate) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.cacheXmlTemplate = Objects.requireNonNull(cacheXmlTemplate, "cacheXmlTemplate");
    }

    /**
     * The cache {@code name}, created from the template if the server does not have it.
     *
     * @throws org.infinispan.client.hotrod.exceptions.HotRodClientException if the server is unreachable or refuses
     *         the definition
     */
    public VersionedCache cache(String name) {
        RemoteCache<String, String> cache = manager.administration()
                .getOrCreateCache(name, new StringConfiguration(cacheXmlTemplate.replace("${name}", name)));
        return new HotRodVersionedCache(cache);
    }

    /** Closes the Hot Rod client. */
    @Override
    public void close() {
        manager.close();
    }
}
