package io.kubeims.cscf.ue;

import io.kubeims.cscf.sip.NextHop;
import java.util.List;
import java.util.Objects;

/**
 * Who a test UE is and where it registers.
 *
 * @param name        a short label (SIP stack name, Contact user part)
 * @param host        the loopback address to bind
 * @param impi        the private identity (Authorization username)
 * @param impu        the public identity registered (From/To)
 * @param homeDomain  the home network domain (Request-URI {@code sip:<domain>}, realm of the initial Authorization)
 * @param credentials what it authenticates with
 * @param registrar   where REGISTERs go and over which transport ({@code udp} or {@code tcp})
 * @param path        Path entries to put in each REGISTER, topmost first, as a P-CSCF would (name-addr text), so a
 *                    component test can stand in for the P-CSCF; empty for none
 * @param instanceId  the RFC 5626 {@code +sip.instance} (e.g. {@code <urn:uuid:...>}), or null
 * @param regId       the RFC 5626 {@code reg-id}, or null
 * @param expires     the expiry a registration asks for, seconds
 */
public record UeSettings(String name, String host, String impi, String impu, String homeDomain,
        UeCredentials credentials, NextHop registrar, List<String> path, String instanceId, Integer regId,
        int expires) {

    public UeSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(impi, "impi");
        Objects.requireNonNull(impu, "impu");
        Objects.requireNonNull(homeDomain, "homeDomain");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(registrar, "registrar");
        path = List.copyOf(path);
    }

    /** A UE on {@code host} with no Path, no RFC 5626 flow and 600 s registrations. */
    public static UeSettings of(String name, String host, String impi, String impu, String homeDomain,
            UeCredentials credentials, NextHop registrar) {
        return new UeSettings(name, host, impi, impu, homeDomain, credentials, registrar, List.of(), null, null, 600);
    }

    /** A copy whose REGISTERs carry this Path (as if a P-CSCF had added it). */
    public UeSettings withPath(String... entries) {
        return new UeSettings(name, host, impi, impu, homeDomain, credentials, registrar, List.of(entries),
                instanceId, regId, expires);
    }

    /** A copy registering an RFC 5626 flow. */
    public UeSettings withFlow(String instance, Integer flowRegId) {
        return new UeSettings(name, host, impi, impu, homeDomain, credentials, registrar, path, instance, flowRegId,
                expires);
    }

    /** A copy registering to another registrar (e.g. the other replica). */
    public UeSettings withRegistrar(NextHop hop) {
        return new UeSettings(name, host, impi, impu, homeDomain, credentials, hop, path, instanceId, regId, expires);
    }

    /** A copy asking another expiry. */
    public UeSettings withExpires(int seconds) {
        return new UeSettings(name, host, impi, impu, homeDomain, credentials, registrar, path, instanceId, regId,
                seconds);
    }
}
