package io.kubeims.cscf.sip.header;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/**
 * Authentication headers (RFC 3261 20.7, 20.27, 20.28, 20.44, 20.6) as raw values, e.g. {@code Digest
 * username="...",realm=...}, for {@code io.kubeims.protocol.digest.DigestChallenge}/{@code DigestCredentials} to parse
 * and format. jain-sip re-encodes parsed values (no spaces, its own order); the digest parsers accept that
 * (docs/jain-sip-notes.md 2). Values never appear in exception messages: they carry credentials and nonces.
 */
public enum AuthHeader {
    /** Challenge from the registrar (401). */
    WWW_AUTHENTICATE("WWW-Authenticate"),
    /** Credentials of the UE. */
    AUTHORIZATION("Authorization"),
    /** Challenge from a proxy (407). */
    PROXY_AUTHENTICATE("Proxy-Authenticate"),
    /** Credentials for a proxy. */
    PROXY_AUTHORIZATION("Proxy-Authorization"),
    /** Mutual authentication info in a 2xx. */
    AUTHENTICATION_INFO("Authentication-Info");

    private final String headerName;

    AuthHeader(String headerName) {
        this.headerName = headerName;
    }

    /** The header name as written on the wire. */
    public String headerName() {
        return headerName;
    }

    /** All values, top first. */
    public List<String> read(Message message) {
        return HeaderText.values(message, headerName);
    }

    /** The first value, if any. */
    public Optional<String> first(Message message) {
        List<String> values = read(message);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Adds a value below the others. */
    public void add(Message message, String value, HeaderFactory headers) {
        HeaderText.append(message, HeaderText.create(headers, headerName, value, true));
    }

    /**
     * Rewrites every value, e.g. the P-CSCF removing {@code ck}/{@code ik} from a 401 (TS 24.229 5.2.2.1):
     * {@code rewrite(r, v -> DigestChallenge.parse(v).withoutParams("ck", "ik").format(), headers)}.
     */
    public void rewrite(Message message, UnaryOperator<String> change, HeaderFactory headers) {
        HeaderText.replace(message, headers, headerName, read(message).stream().map(change).toList(), true);
    }
}
