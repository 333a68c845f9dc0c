package io.kubeims.cscf.app;

import io.kubeims.cscf.sip.InboundRequest;
import io.kubeims.cscf.sip.NextHop;
import io.kubeims.cscf.sip.RequestDispatcher;
import io.kubeims.cscf.sip.SipNode;
import io.kubeims.cscf.sip.SipNodeSettings;
import io.kubeims.cscf.sip.ViaBranch;
import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.ContactBinding;
import io.kubeims.cscf.sip.proxy.Forwarding;
import io.kubeims.cscf.sip.proxy.ProxySettings;
import io.kubeims.cscf.sip.proxy.ResponseRewriter;
import io.kubeims.cscf.sip.proxy.StatefulProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Stands in for the home network behind the P-CSCF (the I-CSCF and S-CSCF of contract 1, 5 and 7) on loopback, as a
 * real stateful proxy on its own SIP node:
 * <ul>
 * <li>REGISTER (from the P-CSCF's I-CSCF URI): 200 without authentication, each Contact granted, the Path echoed
 * (RFC 3327) and remembered per public identity, Service-Route {@code <sip:orig@core;lr>}, P-Associated-URI the To
 * URI and {@link #TEL_ALIAS};</li>
 * <li>an initial request (its {@code orig} Route popped): to the registered callee as an S-CSCF does (Request-URI the
 * contact, Route its Path, Record-Route of this node); user {@code loop}: sent back to the P-CSCF unchanged, as a
 * broken next hop that keeps its Route would (a loop); an unknown callee: 404;</li>
 * <li>in-dialog requests, ACK, CANCEL: by their Route set.</li>
 * </ul>
 * Every request is kept (a copy, as received) for the test to look at.
 */
final class SessionCore implements AutoCloseable {

    /** A second associated identity of every registered user. */
    static final String TEL_ALIAS = "tel:+15550001111";

    private final SipNode node;
    private final StatefulProxy proxy;
    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private volatile NextHop loopBackTo;

    private record Binding(Address contact, List<Address> path) {
    }

    SessionCore(String host) throws Exception {
        node = new SipNode(SipNodeSettings.of("core", host, 0));
        proxy = new StatefulProxy(node, ProxySettings.defaults().withResponseTimeout(Duration.ofSeconds(10)),
                ResponseRewriter.NONE);
        node.start(RequestDispatcher.builder().on(Request.REGISTER, this::register).otherwise(this::route).build(),
                proxy);
    }

    SipNode node() {
        return node;
    }

    /** The URI the P-CSCFs send REGISTER to (their I-CSCF URI). */
    String uri() {
        return "sip:" + node.host() + ":" + node.port() + ";lr";
    }

    /** The Service-Route of every registration. */
    String serviceRoute() {
        return node.uri("udp", "orig").toString();
    }

    /** Where requests to user {@code loop} are sent back to. */
    void loopBackTo(NextHop pcscf) {
        this.loopBackTo = pcscf;
    }

    /** The next request of {@code method} received, waiting at most 10 s; earlier ones of other methods dropped. */
    Request next(String method) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Request request = received.poll(100, TimeUnit.MILLISECONDS);
            if (request != null && request.getMethod().equals(method)) {
                return request;
            }
        }
        throw new AssertionError("no " + method + " reached the core");
    }

    /** Forgets what was received. */
    void drain() {
        received.clear();
    }

    private void register(InboundRequest inbound) throws Exception {
        Request request = inbound.request();
        received.add((Request) request.clone());
        HeaderFactory headers = node.headers();
        Response ok = inbound.createResponse(Response.OK);
        SipURI to = (SipURI) ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI();
        List<Address> path = AddressListHeader.PATH.read(request);
        for (ContactBinding contact : ContactBinding.read(request)) {
            ok.addHeader(contact.withExpires(600).toHeader(headers));
            bindings.put(aor(to), new Binding(node.addresses().createAddress(contact.uri()), path));
        }
        AddressListHeader.PATH.write(ok, path, headers);
        AddressListHeader.SERVICE_ROUTE.write(ok, List.of(node.addresses().createAddress(
                node.addresses().createURI(serviceRoute()))), headers);
        AddressListHeader.P_ASSOCIATED_URI.write(ok, List.of(node.addresses().createAddress(to),
                node.addresses().createAddress(node.addresses().createURI(TEL_ALIAS))), headers);
        inbound.respond(ok);
    }

    private void route(InboundRequest inbound) throws Exception {
        Request request = inbound.request();
        received.add((Request) request.clone());
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        boolean initial = to.getTag() == null && !Request.ACK.equals(inbound.method())
                && !Request.CANCEL.equals(inbound.method());
        if (!initial) {
            proxy.proxy(inbound, Forwarding.byRequest());
            return;
        }
        SipURI target = (SipURI) request.getRequestURI();
        if ("loop".equals(target.getUser()) && loopBackTo != null) {
            Request back = (Request) request.clone();
            proxy.core().addVia(back, "udp", ViaBranch.random());
            node.sendStatelessly(back, loopBackTo);
            return;
        }
        Optional<Request> prepared = proxy.prepare(inbound);
        if (prepared.isEmpty()) {
            return;
        }
        Binding binding = bindings.get(aor(target));
        if (binding == null) {
            inbound.respond(Response.NOT_FOUND, "Not Registered Here");
            return;
        }
        Request copy = prepared.get();
        copy.setRequestURI(binding.contact().getURI());
        AddressListHeader.ROUTE.write(copy, new ArrayList<>(binding.path()), node.headers());
        proxy.forward(inbound, copy, Forwarding.byRequest().withRecordRoute());
    }

    private static String aor(SipURI uri) {
        return "sip:" + uri.getUser() + "@" + uri.getHost();
    }

    @Override
    public void close() {
        node.close();
    }
}
