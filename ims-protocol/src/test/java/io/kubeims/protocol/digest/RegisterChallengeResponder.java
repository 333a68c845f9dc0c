package io.kubeims.protocol.digest;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal UDP registrar for tests on 127.0.0.1: answers a REGISTER without Authorization with 401 and a given
 * WWW-Authenticate value, captures the first REGISTER that carries Authorization and answers it 200.
 * Retransmissions get the same answers. Not a SIP stack: just enough for SIPp's REGISTER scenarios.
 */
final class RegisterChallengeResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final String wwwAuthenticate;
    private final CompletableFuture<AuthorizedRegister> authorized = new CompletableFuture<>();
    private final Thread thread;

    /** @param wwwAuthenticate the challenge to put in the 401, e.g. {@code DigestChallenge.format()} */
    RegisterChallengeResponder(String wwwAuthenticate) throws SocketException {
        this.wwwAuthenticate = wwwAuthenticate;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setSoTimeout(200);
        this.thread = new Thread(this::serve, "register-challenge-responder");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Where SIPp must send its REGISTERs. */
    InetSocketAddress address() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    /** The authenticated REGISTER, waiting at most {@code timeout}. */
    AuthorizedRegister awaitAuthorizedRegister(Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return authorized.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void serve() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                SipRequest request = SipRequest.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (!request.method().equals("REGISTER")) {
                    continue;
                }
                String authorization = request.header("Authorization");
                String reply;
                if (authorization == null) {
                    reply = request.response("401 Unauthorized", "WWW-Authenticate: " + wwwAuthenticate);
                } else {
                    authorized.complete(new AuthorizedRegister(request.method(), authorization, request.body()));
                    reply = request.response("200 OK", null);
                }
                byte[] octets = reply.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(octets, octets.length, packet.getSocketAddress()));
            } catch (SocketTimeoutException e) {
                // poll again, so that close() ends the loop
            } catch (IOException | RuntimeException e) {
                if (!socket.isClosed()) {
                    authorized.completeExceptionally(e);
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The request that carried credentials.
     *
     * @param method        the request method
     * @param authorization the Authorization header value
     * @param body          the message body
     */
    record AuthorizedRegister(String method, String authorization, byte[] body) {
    }

    private record SipRequest(String method, List<String> headers, byte[] body) {

        static SipRequest parse(byte[] datagram) {
            String text = new String(datagram, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalArgumentException("no end of headers in datagram");
            }
            int bodyStart = new String(datagram, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\r\n")));
            String requestLine = lines.remove(0);
            int bodyEnd = datagram.length;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    bodyEnd = Math.min(bodyEnd, bodyStart + Integer.parseInt(line.substring(15).strip()));
                }
            }
            return new SipRequest(requestLine.split(" ", 2)[0], lines,
                    Arrays.copyOfRange(datagram, bodyStart, bodyEnd));
        }

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst().orElse(null);
        }

        String response(String status, String extraHeader) {
            StringBuilder out = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
            for (String line : headers) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                        || lower.startsWith("cseq:")) {
                    out.append(line).append("\r\n");
                } else if (lower.startsWith("to:")) {
                    out.append(line).append(lower.contains(";tag=") ? "" : ";tag=kube-ims-test").append("\r\n");
                }
            }
            if (extraHeader != null) {
                out.append(extraHeader).append("\r\n");
            }
            return out.append("Content-Length: 0\r\n\r\n").toString();
        }
    }
}
