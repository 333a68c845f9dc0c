package io.kubeims.cscf.sip;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * The three JAIN SIP factories (messages, headers, addresses). Stateless and thread-safe; taking them from
 * {@link SipFactory} is fine, only stacks must not come from there (docs/jain-sip-notes.md 1).
 */
public record SipFactories(MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {

    /** The jain-sip RI factories. */
    public static SipFactories create() {
        SipFactory factory = SipFactory.getInstance();
        try {
            return new SipFactories(factory.createMessageFactory(), factory.createHeaderFactory(),
                    factory.createAddressFactory());
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("jain-sip RI factories not on the class path", e);
        }
    }
}
