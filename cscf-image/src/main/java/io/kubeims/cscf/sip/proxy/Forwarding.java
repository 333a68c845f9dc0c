package io.kubeims.cscf.sip.proxy;

import io.kubeims.cscf.sip.NextHop;

/**
 * What a proxy adds and where it sends one forwarded request.
 *
 * @param nextHop         where to send it, or null to route by the top Route, then the Request-URI (RFC 3261 16.6
 *                        steps 6-7)
 * @param recordRoute     whether to add Record-Route (RFC 3261 16.6 step 4; doubled when the transport changes,
 *                        RFC 5658)
 * @param recordRouteUser user part of our Record-Route URI (e.g. {@code orig}), or null
 * @param path            whether to add Path (RFC 3327, REGISTER only)
 * @param pathUser        user part of our Path URI (e.g. {@code term}), or null
 */
public record Forwarding(NextHop nextHop, boolean recordRoute, String recordRouteUser, boolean path,
        String pathUser) {

    /** Route by Route/Request-URI; no Record-Route, no Path. */
    public static Forwarding byRequest() {
        return new Forwarding(null, false, null, false, null);
    }

    /** Send to this hop; no Record-Route, no Path. */
    public static Forwarding to(NextHop hop) {
        return new Forwarding(hop, false, null, false, null);
    }

    /** A copy that sends to this hop. */
    public Forwarding via(NextHop hop) {
        return new Forwarding(hop, recordRoute, recordRouteUser, path, pathUser);
    }

    /** A copy that adds Record-Route without a user part. */
    public Forwarding withRecordRoute() {
        return withRecordRoute(null);
    }

    /** A copy that adds Record-Route with this user part. */
    public Forwarding withRecordRoute(String user) {
        return new Forwarding(nextHop, true, user, path, pathUser);
    }

    /** A copy that adds Path without a user part. */
    public Forwarding withPath() {
        return withPath(null);
    }

    /** A copy that adds Path with this user part. */
    public Forwarding withPath(String user) {
        return new Forwarding(nextHop, recordRoute, recordRouteUser, true, user);
    }
}
