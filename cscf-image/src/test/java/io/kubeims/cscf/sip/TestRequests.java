package io.kubeims.cscf.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.UUID;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;

/** Builds test requests on a UAC node and reads headers for assertions. */
public final class TestRequests {

    private TestRequests() {
    }

    /**
     * A request from alice@ims.test with fresh Call-ID and From tag, no Via (the node adds its own).
     *
     * @param maxForwards the Max-Forwards value, or -1 for none
     * @param routes      Route values (name-addr text), top first
     */
    public static Request create(SipNode uac, String method, String requestUri, int maxForwards, String... routes)
            throws Exception {
        var addresses = uac.addresses();
        var headers = uac.headers();
        URI target = addresses.createURI(requestUri);
        Address alice = addresses.createAddress("<sip:alice@ims.test>");
        FromHeader from = headers.createFromHeader(alice, UUID.randomUUID().toString().substring(0, 8));
        ToHeader to = headers.createToHeader(alice, null);
        CallIdHeader callId = headers.createCallIdHeader(UUID.randomUUID() + "@test");
        CSeqHeader cseq = headers.createCSeqHeader(1L, method);
        MaxForwardsHeader mf = headers.createMaxForwardsHeader(Math.max(maxForwards, 0));
        Request request = uac.messages().createRequest(target, method, callId, cseq, from, to, new ArrayList<>(), mf);
        if (maxForwards < 0) {
            request.removeHeader(MaxForwardsHeader.NAME);
        }
        for (String route : routes) {
            request.addHeader(headers.createHeader("Route", route));
        }
        if (Request.INVITE.equals(method)) {
            request.addHeader(headers.createHeader("Contact", "<sip:alice@" + uac.host() + ":" + uac.port() + ">"));
        }
        if (Request.REGISTER.equals(method)) {
            request.addHeader(headers.createHeader("Contact",
                    "<sip:alice@" + uac.host() + ":" + uac.port() + ">;expires=600"));
            request.addHeader(headers.createHeader("Supported", "path"));
        }
        return request;
    }

    /** The text of every header of that name, in order, one entry per value. */
    public static List<String> values(Message message, String name) {
        List<String> values = new ArrayList<>();
        for (ListIterator<?> it = message.getHeaders(name); it.hasNext(); ) {
            String line = ((Header) it.next()).toString().trim();
            values.add(line.substring(line.indexOf(':') + 1).trim());
        }
        return values;
    }

    /** The Via headers in order. */
    public static List<ViaHeader> vias(Message message) {
        List<ViaHeader> vias = new ArrayList<>();
        for (ListIterator<?> it = message.getHeaders(ViaHeader.NAME); it.hasNext(); ) {
            vias.add((ViaHeader) it.next());
        }
        return vias;
    }
}
