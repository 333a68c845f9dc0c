package io.kubeims.cscf.scscf.thirdparty;

/**
 * Starts a network-initiated de-registration of a subscriber (TS 24.229 5.4.1.5): what the S-CSCF does when an AS
 * whose iFC says SESSION_TERMINATED fails a third-party REGISTER (TS 24.229 5.4.1.7). Implemented by the registrar
 * (store removal, SAR, then the observers with NETWORK_DEREGISTERED). Called on a jain-sip or timer thread: hand
 * the work to an executor, do not block.
 */
@FunctionalInterface
public interface NetworkDeregistration {

    /**
     * @param impi   the private identity whose registration ends
     * @param reason why, for logs and the change's reason text
     */
    void deregister(String impi, String reason);
}
