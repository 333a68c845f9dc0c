package io.kubeims.cscf.ue;

import io.kubeims.protocol.aka.SubscriberKeys;

/** What a test UE authenticates with: an ISIM's K/OPc (IMS AKA, TS 33.203) or a SIP Digest password. */
public sealed interface UeCredentials {

    /**
     * IMS AKA: the USIM application's keys and the AMF the test uses when it drives its own SQN ahead.
     *
     * @param keys K and OPc
     * @param amf  2 octets
     */
    record Aka(SubscriberKeys keys, byte[] amf) implements UeCredentials {

        public Aka {
            amf = amf.clone();
        }

        @Override
        public byte[] amf() {
            return amf.clone();
        }

        @Override
        public String toString() {
            return "Aka[K=<redacted>, OPc=<redacted>]";
        }
    }

    /** SIP Digest (RFC 2617, TS 33.203 annex N). */
    record Password(String password) implements UeCredentials {

        @Override
        public String toString() {
            return "Password[<redacted>]";
        }
    }
}
