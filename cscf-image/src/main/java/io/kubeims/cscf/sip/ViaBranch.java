package io.kubeims.cscf.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Via branch parameters (RFC 3261 8.1.1.7, 16.6 step 8, 16.11) and the derived values our responses need.
 *
 * <p>A branch we put on a forwarded request is {@code z9hG4bK<loop-key>.<unique>}: the loop key is a hash of what
 * stays the same when a request comes back to us unchanged (16.3 step 4), the unique part is random (stateful) or a
 * hash of the received branch (stateless, 16.11: a retransmission gets the same branch, also on another replica).
 * The loop key covers Request-URI, Call-ID, From tag, CSeq number and the Route values as received; unlike RFC 3261
 * 16.6 it leaves out the topmost Via (which changes on every hop, so a loop would never match, as RFC 5393 notes),
 * and the To tag and method, so that a stateless CANCEL or non-2xx ACK gets the branch of its INVITE (16.11).
 */
public final class ViaBranch {

    /** RFC 3261 8.1.1.7 magic cookie. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private static final int KEY_HEX = 16;
    private static final HexFormat HEX = HexFormat.of();

    private ViaBranch() {
    }

    /** A fresh random branch for a request this node originates or forwards statefully without loop key. */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return MAGIC_COOKIE + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }

    /** The branch for forwarding {@code received} statefully: loop key plus a random part. */
    public static String stateful(Request received) {
        return MAGIC_COOKIE + loopKey(received) + "." + HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * The branch for forwarding {@code received} statelessly (RFC 3261 16.11): loop key plus a hash of the received
     * branch when it has the magic cookie, else of the topmost Via, tags, Call-ID, CSeq number and Request-URI.
     */
    public static String stateless(Request received) {
        ViaHeader top = (ViaHeader) received.getHeader(ViaHeader.NAME);
        String branch = top == null ? null : top.getBranch();
        String unique;
        if (branch != null && branch.startsWith(MAGIC_COOKIE)) {
            unique = hash(branch);
        } else {
            unique = hash(String.valueOf(top), toTag(received), fromTag(received), callId(received),
                    String.valueOf(cseqNumber(received)), received.getRequestURI().toString());
        }
        return MAGIC_COOKIE + loopKey(received) + "." + unique;
    }

    /** The loop-detection key of a received request (see the class comment for what it covers). */
    public static String loopKey(Request received) {
        StringBuilder routes = new StringBuilder();
        for (ListIterator<?> it = received.getHeaders("Route"); it.hasNext(); ) {
            routes.append(it.next()).append('\n');
        }
        return hash(received.getRequestURI().toString(), callId(received), fromTag(received),
                String.valueOf(cseqNumber(received)), routes.toString());
    }

    /** The loop key inside a branch we generated, if it is one of ours. */
    public static Optional<String> loopKeyOf(String branch) {
        if (branch == null || branch.length() < MAGIC_COOKIE.length() + KEY_HEX + 1
                || !branch.startsWith(MAGIC_COOKIE) || branch.charAt(MAGIC_COOKIE.length() + KEY_HEX) != '.') {
            return Optional.empty();
        }
        return Optional.of(branch.substring(MAGIC_COOKIE.length(), MAGIC_COOKIE.length() + KEY_HEX));
    }

    /**
     * A To tag for a response we generate to {@code received} (RFC 3261 8.2.6.2), derived from the transaction so
     * that a stateless answer to a retransmission carries the same tag, whichever replica sends it.
     */
    public static String responseToTag(Request received) {
        ViaHeader top = (ViaHeader) received.getHeader(ViaHeader.NAME);
        return hash(top == null ? "" : String.valueOf(top.getBranch()), callId(received), fromTag(received),
                String.valueOf(cseqNumber(received)), received.getMethod());
    }

    private static String callId(Request request) {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }

    private static String fromTag(Request request) {
        FromHeader header = (FromHeader) request.getHeader(FromHeader.NAME);
        return header == null ? "" : String.valueOf(header.getTag());
    }

    private static String toTag(Request request) {
        ToHeader header = (ToHeader) request.getHeader(ToHeader.NAME);
        return header == null ? "" : String.valueOf(header.getTag());
    }

    private static long cseqNumber(Request request) {
        CSeqHeader header = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        return header == null ? -1 : header.getSeqNumber();
    }

    private static String hash(String... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HEX.formatHex(digest.digest(), 0, KEY_HEX / 2);
    }
}
