package io.kubeims.protocol.enumdns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Test-only authoritative DNS server: answers UDP queries on 127.0.0.1 from a dnsjava
 * {@link Zone}, with the AA flag, NXDOMAIN and NOERROR/no-data carrying the SOA (RFC 2308), and
 * REFUSED outside the zone.
 *
 * <p>Wildcards follow RFC 4592: dnsjava 3.7.1's {@code Zone.findRecords} only expands a wildcard
 * one label below its parent ({@code Name.wild(1)}), so where it answers NXDOMAIN this server looks
 * for the closest encloser and its {@code *} child itself, as BIND does. Empty non-terminals block
 * a wildcard (RFC 4592 2.2.2), as they do in BIND.
 */
final class ZoneDnsServer implements AutoCloseable {

    private final Zone zone;
    private final Set<Name> existingNames = new HashSet<>();
    private final DatagramSocket socket;
    private final Thread thread;
    private final AtomicInteger queries = new AtomicInteger();

    ZoneDnsServer(Zone zone) throws SocketException {
        this.zone = zone;
        Name origin = zone.getOrigin();
        for (RRset set : zone) {
            // Every owner name exists, and so does each of its ancestors (empty non-terminals).
            for (Name name = set.getName(); name.labels() >= origin.labels(); name = parent(name)) {
                existingNames.add(name);
                if (name.equals(origin)) {
                    break;
                }
            }
        }
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::serve, "zone-dns-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The UDP port the server listens on (127.0.0.1). */
    int port() {
        return socket.getLocalPort();
    }

    /** How many queries have been received so far. */
    int queriesReceived() {
        return queries.get();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5_000);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                queries.incrementAndGet();
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] answer = answer(query);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                // A malformed query: drop it, as a server would.
            }
        }
    }

    private byte[] answer(byte[] wire) throws IOException {
        Message query = new Message(wire);
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response.toWire(512);
        }
        response.addRecord(question, Section.QUESTION);
        Name qname = question.getName();
        if (!qname.subdomain(zone.getOrigin())) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response.toWire(512);
        }
        response.getHeader().setFlag(Flags.AA);
        SetResponse found = zone.findRecords(qname, question.getType());
        if (found.isSuccessful()) {
            for (RRset set : found.answers()) {
                for (Record r : set.rrs(false)) {
                    response.addRecord(r, Section.ANSWER);
                }
            }
        } else if (found.isCNAME()) {
            response.addRecord(found.getCNAME(), Section.ANSWER);
        } else if (found.isNXRRSET()) {
            response.addRecord(zone.getSOA(), Section.AUTHORITY);
        } else if (found.isNXDOMAIN()) {
            synthesizeFromWildcard(qname, question.getType(), response);
        } else {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        }
        return response.toWire(512);
    }

    /** RFC 4592 3.3.1: the closest encloser's "*" child, if any, answers for qname. */
    private void synthesizeFromWildcard(Name qname, int type, Message response) {
        Name closestEncloser = parent(qname);
        while (!existingNames.contains(closestEncloser)) {
            closestEncloser = parent(closestEncloser);
        }
        Name wildcard = Name.fromConstantString("*." + closestEncloser);
        RRset set = zone.findExactMatch(wildcard, type);
        if (set != null) {
            for (Record r : set.rrs(false)) {
                response.addRecord(r.withName(qname), Section.ANSWER);
            }
        } else {
            if (!existingNames.contains(wildcard)) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            response.addRecord(zone.getSOA(), Section.AUTHORITY);
        }
    }

    private static Name parent(Name name) {
        return new Name(name, 1);
    }
}
