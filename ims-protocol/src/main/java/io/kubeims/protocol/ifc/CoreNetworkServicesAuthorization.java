package io.kubeims.protocol.ifc;

/**
 * Core network services authorization of a service profile (TS 29.228 Annex B.2.4).
 *
 * @param subscribedMediaProfileId the subscribed media profile identifier (at least 0), or null if absent
 */
public record CoreNetworkServicesAuthorization(Integer subscribedMediaProfileId) {

    /** @throws InvalidIfcException if the identifier is negative */
    public CoreNetworkServicesAuthorization {
        if (subscribedMediaProfileId != null && subscribedMediaProfileId < 0) {
            throw new InvalidIfcException("SubscribedMediaProfileId " + subscribedMediaProfileId + " is negative");
        }
    }
}
