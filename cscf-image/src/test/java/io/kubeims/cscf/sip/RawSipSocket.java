package io.kubeims.cscf.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A raw UDP or TCP socket on loopback for sending hand-written (also broken) SIP and reading what comes back. */
public final class RawSipSocket implements AutoCloseable {

    private static final int WAIT_MILLIS = 5000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress peer;

    private RawSipSocket(DatagramSocket udp, Socket tcp, InetSocketAddress peer) {
        this.udp = udp;
        this.tcp = tcp;
        this.peer = peer;
    }

    public static RawSipSocket udp(int peerPort) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(WAIT_MILLIS);
        return new RawSipSocket(socket, null, new InetSocketAddress(InetAddress.getLoopbackAddress(), peerPort));
    }

    public static RawSipSocket tcp(int peerPort) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), peerPort);
        socket.setSoTimeout(WAIT_MILLIS);
        return new RawSipSocket(null, socket, null);
    }

    /** A UDP socket that only listens (a next hop that never answers, or a raw UAS). */
    public static RawSipSocket listeningUdp() throws IOException {
        return udp(9);
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    String transport() {
        return udp != null ? "UDP" : "TCP";
    }

    /** Sends text with every line ending turned into CRLF; {@code %PORT%} becomes our local port. */
    public void send(String message) throws IOException {
        byte[] bytes = message.replace("%PORT%", Integer.toString(localPort()))
                .replace("%TRANSPORT%", transport()).replace("\r\n", "\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        sendBytes(bytes);
    }

    public void sendBytes(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, peer));
        } else {
            tcp.getOutputStream().write(bytes);
            tcp.getOutputStream().flush();
        }
    }

    /** The next message received, waiting at most 5 s. */
    public String receive() throws IOException {
        return receive(WAIT_MILLIS);
    }

    /** The next message received, waiting at most the given time (UDP only; TCP always waits 5 s). */
    public String receive(int waitMillis) throws IOException {
        if (udp != null) {
            udp.setSoTimeout(waitMillis);
            byte[] buffer = new byte[65536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            udp.receive(packet);
            return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        }
        return readTcpMessage(tcp.getInputStream());
    }

    /** The next message containing the text, skipping others (e.g. 100 Trying, duplicates). */
    public String receiveContaining(String text) throws IOException {
        for (int i = 0; i < 20; i++) {
            String message = receive();
            if (message.contains(text)) {
                return message;
            }
        }
        throw new SocketTimeoutException("no message containing " + text);
    }

    private static String readTcpMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head.toString(StandardCharsets.UTF_8));
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // keep-alive CRLFs
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.UTF_8);
        Matcher length = CONTENT_LENGTH.matcher(text);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return text + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        } else {
            tcp.close();
        }
    }
}
