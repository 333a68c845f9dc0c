package io.kubeims.cx.client;

import io.kubeims.cx.message.CxAnswer;
import io.kubeims.cx.message.CxScscfRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the requests the HSS addresses to an S-CSCF (RTR, PPR) to one replica of the S-CSCF pool named by a
 * Server-Name; see {@link ScscfPool} for which peers belong to a pool.
 */
public interface CxPoolClient {

    /**
     * Picks a connected replica of the pool of {@code serverName} (rotating the first choice between calls), sets
     * it as Destination-Host and sends; on DIAMETER_UNABLE_TO_DELIVER (3002), DIAMETER_TOO_BUSY (3004), no answer in
     * time or no connection it tries the next replica.
     *
     * @param serverName the S-CSCF's Server-Name, e.g. {@code sip:scscf.ims.example.com:6060}
     * @return the first answer that is none of those; completes exceptionally with
     *         {@link CxPoolUnavailableException} when no replica answered
     * @throws InvalidServerNameException when {@code serverName} has no host
     */
    <A extends CxAnswer> CompletableFuture<CxPoolAnswer<A>> sendToPool(String serverName, CxScscfRequest<A> request);
}
