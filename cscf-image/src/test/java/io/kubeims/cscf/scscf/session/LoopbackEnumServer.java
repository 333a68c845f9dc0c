package io.kubeims.cscf.scscf.session;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A one-zone authoritative DNS responder on a loopback UDP port for the ENUM routing tests: NAPTR records for one
 * ENUM domain, NXDOMAIN for every other name. Real sockets and real DNS messages (dnsjava's wire format), so the
 * S-CSCF's real {@link io.kubeims.protocol.enumdns.EnumResolver} queries it as it would BIND.
 */
final class LoopbackEnumServer implements AutoCloseable {

    /** One NAPTR record: order, preference and the Regexp field (flags "u", service "E2U+sip"). */
    record Naptr(int order, int preference, String regexp) {
    }

    private final DatagramSocket socket;
    private final Name domain;
    private final List<Naptr> records;
    private final Thread thread;

    private LoopbackEnumServer(String domain, List<Naptr> records) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        this.domain = Name.fromString(domain.endsWith(".") ? domain : domain + ".");
        this.records = List.copyOf(records);
        this.thread = new Thread(this::serve, "loopback-enum-dns");
        thread.setDaemon(true);
        thread.start();
    }

    static LoopbackEnumServer serving(String domain, List<Naptr> records) throws IOException {
        return new LoopbackEnumServer(domain, records);
    }

    /** {@code 127.0.0.1:<port>}, as EnumResolverSettings.forServer takes it. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire();
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                // a malformed query: no answer, as a server would drop it
            }
        }
    }

    private Message answer(Message query) throws IOException {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        if (!question.getName().equals(domain)) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        for (Naptr naptr : records) {
            response.addRecord(new NAPTRRecord(domain, DClass.IN, 60, naptr.order(), naptr.preference(), "u",
                    "E2U+sip", naptr.regexp(), Name.root), Section.ANSWER);
        }
        return response;
    }

    @Override
    public void close() {
        socket.close();
    }
}
