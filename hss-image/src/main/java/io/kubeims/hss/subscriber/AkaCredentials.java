package io.kubeims.hss.subscriber;

import io.kubeims.protocol.aka.AkaParameterException;
import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.aka.ParameterLengthException;
import io.kubeims.protocol.aka.SubscriberKeys;
import io.kubeims.protocol.cx.SipAuthenticationScheme;

import java.util.Arrays;
import java.util.Objects;

/**
 * IMS AKA credentials (TS 33.203, Milenage TS 35.206): K and OPc, plus the AMF the HSS puts into every AUTN.
 * When provisioned with OP, OPc is derived at once ({@link #fromOpHex}) and OP is not kept, as TS 35.206 4.1
 * recommends. {@code toString()} shows only the AMF, which is not secret.
 *
 * @param keys K and OPc
 * @param amf  authentication management field, 2 octets
 */
public record AkaCredentials(SubscriberKeys keys, byte[] amf) implements Credentials {

    private static final int AMF_OCTETS = 2;

    /**
     * @throws InvalidCredentialsException if the keys are missing
     * @throws AkaParameterException if the AMF is missing
     * @throws ParameterLengthException if the AMF is not 2 octets
     */
    public AkaCredentials {
        if (keys == null) {
            throw new InvalidCredentialsException("keys", "K and OPc are required");
        }
        if (amf == null) {
            throw new AkaParameterException("AMF", "is missing");
        }
        if (amf.length != AMF_OCTETS) {
            throw new ParameterLengthException("AMF", AMF_OCTETS, amf.length);
        }
        amf = amf.clone();
    }

    /**
     * Credentials from hex text with OPc.
     *
     * @throws io.kubeims.protocol.aka.MalformedHexException if a value is not hex
     * @throws ParameterLengthException if K or OPc is not 16 octets or AMF not 2
     */
    public static AkaCredentials fromOpcHex(String k, String opc, String amf) {
        return new AkaCredentials(SubscriberKeys.fromOpcHex(k, opc), HexKey.parse("AMF", amf, AMF_OCTETS));
    }

    /**
     * Credentials from hex text with OP: OPc = OP xor E_K(OP) is computed here and OP forgotten.
     *
     * @throws io.kubeims.protocol.aka.MalformedHexException if a value is not hex
     * @throws ParameterLengthException if K or OP is not 16 octets or AMF not 2
     */
    public static AkaCredentials fromOpHex(String k, String op, String amf) {
        return new AkaCredentials(SubscriberKeys.fromOpHex(k, op), HexKey.parse("AMF", amf, AMF_OCTETS));
    }

    /** A copy of the AMF. */
    @Override
    public byte[] amf() {
        return amf.clone();
    }

    @Override
    public SipAuthenticationScheme scheme() {
        return SipAuthenticationScheme.DIGEST_AKA_V1_MD5;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AkaCredentials that && keys.equals(that.keys) && Arrays.equals(amf, that.amf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, Arrays.hashCode(amf));
    }

    @Override
    public String toString() {
        return "AkaCredentials[K=<redacted>, OPc=<redacted>, AMF=" + HexKey.format(amf) + "]";
    }
}
