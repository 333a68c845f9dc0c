package io.kubeims.cscf.scscf.registrar;

import io.kubeims.cscf.scscf.auth.HssRefusalException;
import io.kubeims.cx.client.CxClient;
import io.kubeims.cx.message.ServerAssignmentAnswer;
import io.kubeims.cx.message.ServerAssignmentRequest;
import io.kubeims.protocol.cx.CxCommand;
import io.kubeims.protocol.cx.ServerAssignmentType;
import io.kubeims.protocol.cx.UserDataAlreadyAvailable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The S-CSCF's Server-Assignment-Requests (TS 29.228 6.1.2), naming its pool's Server-Name, for the registrar and
 * the expiry handler alike: a non-success result fails the answer with {@link HssRefusalException} and a send that
 * throws fails it too, so that every caller classifies failures with {@link HssFailures}.
 */
final class ServerAssignment {

    private final CxClient cx;
    private final String serverName;

    ServerAssignment(CxClient cx, String serverName) {
        this.cx = cx;
        this.serverName = serverName;
    }

    /** A SAR of {@code type} for {@code impi} naming {@code impu}; completes with a successful SAA only. */
    CompletableFuture<ServerAssignmentAnswer> send(String impi, String impu, ServerAssignmentType type,
            UserDataAlreadyAvailable userData) {
        CompletableFuture<ServerAssignmentAnswer> answer;
        try {
            answer = cx.send(new ServerAssignmentRequest(impi, List.of(impu), serverName, type, userData));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return answer.thenApply(saa -> {
            if (!saa.result().isSuccess()) {
                throw new CompletionException(new HssRefusalException(CxCommand.SERVER_ASSIGNMENT, saa.result(),
                        saa.errorMessage()));
            }
            return saa;
        });
    }
}
