package io.kubeims.hss.provisioning;

import io.kubeims.store.StoreContentionException;
import jakarta.ws.rs.core.Response;
import org.infinispan.commons.CacheException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server-side failures, which the HTTP tests cannot provoke on a healthy embedded store. */
class ApiErrorMappingTest {

    private final ApiErrorMapping mapping = new ApiErrorMapping();

    @Test
    void storeFailuresAre503() {
        Response unavailable = mapping.storeUnavailable(new CacheException("ISPN004031: connection refused"));
        assertEquals(503, unavailable.getStatus());
        assertEquals(ApiError.of("the subscriber store is unavailable; retry", null), unavailable.getEntity());

        Response busy = mapping.storeContention(new StoreContentionException("hss-subscribers", "a@b.c", 8));
        assertEquals(503, busy.getStatus());
    }

    @Test
    void unexpectedFailuresAre500WithoutTheirMessage() {
        Response response = mapping.unexpected(new IllegalStateException("internal detail"));
        assertEquals(500, response.getStatus());
        assertEquals(ApiError.of("internal error of the HSS", null), response.getEntity());
    }
}
