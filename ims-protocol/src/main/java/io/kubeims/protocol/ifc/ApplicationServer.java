package io.kubeims.protocol.ifc;

/**
 * The application server of an iFC (TS 29.228 Annex B.2.3 {@code ApplicationServer}).
 *
 * @param serverName the SIP URI of the AS
 * @param defaultHandling what to do when the AS cannot be reached
 * @param serviceInfo opaque data passed to the AS in third-party REGISTER bodies, or null
 * @param includeRegisterRequest whether a third-party REGISTER carries the incoming REGISTER (extension)
 * @param includeRegisterResponse whether a third-party REGISTER carries the 200 OK (extension)
 */
public record ApplicationServer(String serverName, DefaultHandling defaultHandling, String serviceInfo,
        boolean includeRegisterRequest, boolean includeRegisterResponse) {

    /** @throws InvalidIfcException if the server name is not a sip:/sips: URI or default handling is missing */
    public ApplicationServer {
        FieldChecks.sipOrTelUri(serverName, "ServerName", false);
        FieldChecks.required(defaultHandling, "DefaultHandling");
        FieldChecks.xmlText(serviceInfo, "ServiceInfo");
    }

    /**
     * @param serverName the SIP URI of the AS
     * @param defaultHandling what to do when the AS cannot be reached
     */
    public ApplicationServer(String serverName, DefaultHandling defaultHandling) {
        this(serverName, defaultHandling, null, false, false);
    }
}
