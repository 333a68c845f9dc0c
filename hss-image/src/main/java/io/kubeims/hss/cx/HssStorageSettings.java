package io.kubeims.hss.cx;

import io.kubeims.hss.store.EmbeddedHssStorage;
import io.kubeims.hss.store.HotRodHssStorage;
import io.kubeims.hss.store.HssCacheNames;
import io.kubeims.hss.store.HssStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;

/** Where an HSS instance keeps subscribers, SQNs and registrations (DESIGN.md section 2). */
public sealed interface HssStorageSettings {

    /** Opens the storage; the caller closes it. */
    HssStorage open();

    /**
     * Embedded Infinispan with file stores under a directory: one HSS instance, state survives a restart.
     *
     * @param dataDirectory the directory, created if needed; used by one instance at a time
     */
    record Embedded(Path dataDirectory) implements HssStorageSettings {

        public Embedded {
            if (dataDirectory == null) {
                throw new InvalidHssCxSettingsException("dataDirectory", "is required");
            }
        }

        @Override
        public HssStorage open() {
            return new EmbeddedHssStorage(dataDirectory);
        }
    }

    /**
     * An Infinispan Server (cluster) over Hot Rod, shared by several HSS instances.
     *
     * @param servers    "host:port" of one or more servers
     * @param cacheNames the caches; instances that share state use the same names
     */
    record HotRod(List<String> servers, HssCacheNames cacheNames) implements HssStorageSettings {

        public HotRod {
            if (servers == null || servers.isEmpty()) {
                throw new InvalidHssCxSettingsException("servers", "at least one host:port is required");
            }
            servers = List.copyOf(servers);
            for (String server : servers) {
                int colon = server.lastIndexOf(':');
                if (colon <= 0 || colon == server.length() - 1) {
                    throw new InvalidHssCxSettingsException("servers", "'" + server + "' is not host:port");
                }
                try {
                    int port = Integer.parseInt(server.substring(colon + 1));
                    if (port < 1 || port > 65535) {
                        throw new InvalidHssCxSettingsException("servers", "'" + server + "' has no valid port");
                    }
                } catch (NumberFormatException e) {
                    throw new InvalidHssCxSettingsException("servers", "'" + server + "' has no valid port");
                }
            }
            if (cacheNames == null) {
                throw new InvalidHssCxSettingsException("cacheNames", "are required");
            }
        }

        @Override
        public HssStorage open() {
            ConfigurationBuilder client = new ConfigurationBuilder();
            for (String server : servers) {
                int colon = server.lastIndexOf(':');
                client.addServer().host(server.substring(0, colon)).port(Integer.parseInt(server.substring(colon + 1)));
            }
            client.connectionTimeout(10_000).socketTimeout(30_000).maxRetries(2);
            return new HotRodHssStorage(new RemoteCacheManager(client.build()), cacheNames,
                    HotRodHssStorage.DEFAULT_CACHE_XML, Clock.systemUTC());
        }
    }
}
