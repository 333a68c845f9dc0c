package io.kubeims.cscf.pcscf;

import gov.nist.javax.sip.header.Via;
import java.net.InetSocketAddress;
import java.text.ParseException;
import javax.sip.header.ViaHeader;

/**
 * The {@code received} and {@code rport} parameters of the top Via of a request from a UE (RFC 3261 18.2.1,
 * RFC 3581 4), so that responses reach a UE behind a NAT. jain-sip already sets them on received requests (UDP:
 * {@code received} when {@code rport} is present or the host differs, {@code rport} when requested; TCP: {@code rport}
 * always); this fills in what is missing whatever the stack did, and is a no-op when all is there.
 */
final class ViaReceived {

    private ViaReceived() {
    }

    /**
     * Sets {@code received} when the Via host is not the source address or {@code rport} was requested, and the
     * {@code rport} value when requested.
     *
     * @return whether the Via changed
     */
    static boolean apply(ViaHeader via, InetSocketAddress source) {
        if (via == null || source.getAddress() == null) {
            return false;
        }
        String address = source.getAddress().getHostAddress();
        boolean rportRequested = via instanceof Via nist ? nist.hasParameter(Via.RPORT)
                : via.getParameter(Via.RPORT) != null;
        boolean changed = false;
        try {
            if ((rportRequested || !address.equalsIgnoreCase(via.getHost())) && !address.equals(via.getReceived())) {
                via.setReceived(address);
                changed = true;
            }
            if (rportRequested && via.getRPort() != source.getPort()) {
                via.setParameter(Via.RPORT, Integer.toString(source.getPort()));
                changed = true;
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("source address refused in Via: " + address, e);
        }
        return changed;
    }
}
