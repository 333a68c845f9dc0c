package io.kubeims.cx.client;

import java.util.Locale;

/**
 * The S-CSCF replicas sharing one Server-Name. Replicas of a Kubernetes Service share the SIP Server-Name of the
 * Service (e.g. {@code sip:scscf.ims.example.com:6060}) while each has its own Diameter Origin-Host. Convention of
 * this project: a peer belongs to the pool of Server-Name host H when its Origin-Host equals H or ends with
 * "." + H (e.g. {@code scscf-0.scscf.ims.example.com}, the stable name of a StatefulSet pod behind a headless
 * Service H). Host names compare without regard to case (RFC 4343).
 *
 * @param host the host part of the Server-Name, lower case
 */
public record ScscfPool(String host) {

    public ScscfPool {
        if (host == null || host.isEmpty()) {
            throw new InvalidServerNameException(String.valueOf(host), "no host");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * The pool of a Server-Name: a SIP or SIPS URI ({@code sip:[user@]host[:port][;params]}) or a bare host name.
     *
     * @throws InvalidServerNameException when no host can be taken from it
     */
    public static ScscfPool ofServerName(String serverName) {
        if (serverName == null) {
            throw new InvalidServerNameException("null", "missing");
        }
        String rest = serverName.strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            rest = rest.substring(5);
        } else if (lower.startsWith("sip:")) {
            rest = rest.substring(4);
        }
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == ':' || c == ';' || c == '?' || c == '>' || c == '/') {
                end = i;
                break;
            }
        }
        String host = rest.substring(0, end);
        if (host.isEmpty() || host.startsWith("[")) {
            throw new InvalidServerNameException(serverName, "no host name (IP literals cannot name a pool)");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '.') {
                throw new InvalidServerNameException(serverName, "the host contains '" + c + "'");
            }
        }
        return new ScscfPool(host);
    }

    /** Whether the peer with this Origin-Host is a replica of the pool. */
    public boolean contains(String originHost) {
        if (originHost == null) {
            return false;
        }
        int extra = originHost.length() - host.length();
        if (extra == 0) {
            return originHost.equalsIgnoreCase(host);
        }
        return extra > 1 && originHost.charAt(extra - 1) == '.'
                && originHost.regionMatches(true, extra, host, 0, host.length());
    }
}
