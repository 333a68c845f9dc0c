package io.kubeims.protocol.digest;

import io.kubeims.protocol.aka.HexKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 as lower-case hex, the H() of RFC 2617 3.2.1. */
final class Md5 {

    private Md5() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide MD5.
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] data) {
        return HexKey.format(newDigest().digest(data));
    }
}
