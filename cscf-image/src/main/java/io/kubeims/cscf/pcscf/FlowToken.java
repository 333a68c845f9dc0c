package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.store.TransportFlow;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The flow token the P-CSCF puts in the user part of its Path entry (RFC 5626 5.2, RFC 3327): the UE's flow
 * (transport, source IP address and port) with an HMAC-SHA256 over it, so that any replica holding the same key can
 * send a terminating request back over the flow, and a token forged or altered outside the P-CSCF is refused.
 *
 * <p>Format of the user part: {@code term-<base64url>} (the prefix marks the terminating direction, TS 24.229 5.2.2),
 * where the base64url (no padding) bytes are {@code code(1) | address(4 or 16) | port(2) | mac(10)}; {@code code} is
 * the transport in the high nibble (1 UDP, 2 TCP, 3 TLS, 4 SCTP, 5 WS, 6 WSS) and 4 or 6 (IP version) in the low one.
 * Thread-safe.
 */
public final class FlowToken {

    /** The user part prefix of our Path entries. */
    public static final String PATH_USER_PREFIX = "term-";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 10;
    private static final List<String> TRANSPORTS = List.of("UDP", "TCP", "TLS", "SCTP", "WS", "WSS");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * @param key the HMAC key, at least {@link PcscfSettings#MIN_KEY_BYTES} bytes (copied)
     * @throws InvalidPcscfSettingsException naming {@code flowTokenKey} when shorter
     */
    public FlowToken(byte[] key) {
        if (key == null || key.length < PcscfSettings.MIN_KEY_BYTES) {
            throw new InvalidPcscfSettingsException("flowTokenKey", "at least " + PcscfSettings.MIN_KEY_BYTES
                    + " bytes are required");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * The token of a flow.
     *
     * @throws FlowTokenException when the address is not an IP literal or the transport is not one of the six
     */
    public String encode(TransportFlow flow) {
        int transport = TRANSPORTS.indexOf(flow.transport()) + 1;
        if (transport == 0) {
            throw new FlowTokenException("transport " + flow.transport() + " has no flow token code");
        }
        byte[] address = literal(flow.address());
        ByteBuffer body = ByteBuffer.allocate(1 + address.length + 2);
        body.put((byte) (transport << 4 | (address.length == 4 ? 4 : 6))).put(address).putShort((short) flow.port());
        byte[] plain = body.array();
        byte[] mac = mac(plain);
        byte[] token = new byte[plain.length + MAC_BYTES];
        System.arraycopy(plain, 0, token, 0, plain.length);
        System.arraycopy(mac, 0, token, plain.length, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The flow of a token made with this key; empty when malformed, altered or made with another key. */
    public Optional<TransportFlow> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 1) {
            return Optional.empty();
        }
        int code = bytes[0] & 0xff;
        int transport = code >> 4;
        int addressLength = (code & 0x0f) == 4 ? 4 : (code & 0x0f) == 6 ? 16 : -1;
        if (transport < 1 || transport > TRANSPORTS.size() || addressLength < 0
                || bytes.length != 1 + addressLength + 2 + MAC_BYTES) {
            return Optional.empty();
        }
        int plainLength = 1 + addressLength + 2;
        byte[] plain = new byte[plainLength];
        System.arraycopy(bytes, 0, plain, 0, plainLength);
        byte[] expected = new byte[MAC_BYTES];
        System.arraycopy(mac(plain), 0, expected, 0, MAC_BYTES);
        byte[] given = new byte[MAC_BYTES];
        System.arraycopy(bytes, plainLength, given, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        byte[] address = new byte[addressLength];
        System.arraycopy(plain, 1, address, 0, addressLength);
        int port = ((plain[plainLength - 2] & 0xff) << 8) | (plain[plainLength - 1] & 0xff);
        try {
            return Optional.of(new TransportFlow(TRANSPORTS.get(transport - 1),
                    InetAddress.getByAddress(address).getHostAddress(), port));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty(); // port 0 and the like: not a flow
        }
    }

    /** The user part of our Path entry for this flow: {@code term-<token>}. */
    public String pathUser(TransportFlow flow) {
        return PATH_USER_PREFIX + encode(flow);
    }

    /** The flow of a Path/Route user part of ours; empty when it is not one or fails the check. */
    public Optional<TransportFlow> fromPathUser(String user) {
        if (user == null || !user.startsWith(PATH_USER_PREFIX)) {
            return Optional.empty();
        }
        return decode(user.substring(PATH_USER_PREFIX.length()));
    }

    private byte[] mac(byte[] plain) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(plain);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** The bytes of an IPv4 or IPv6 literal, without any name lookup. */
    private static byte[] literal(String address) {
        String text = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        boolean v4 = IPV4.matcher(text).matches();
        if (v4) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new FlowTokenException("address '" + address + "' is not an IP literal");
                }
            }
        } else if (text.indexOf(':') < 0) {
            throw new FlowTokenException("address '" + address + "' is not an IP literal");
        }
        try {
            // a literal (dotted quad or containing ':') is parsed, never looked up
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new FlowTokenException("address '" + address + "' is not an IP literal");
        }
    }

    @Override
    public String toString() {
        return "FlowToken[HmacSHA256, key redacted]";
    }
}
