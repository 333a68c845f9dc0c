package io.kubeims.cx.message;

/**
 * The RFC 6733 routing AVPs of a received Cx message: who sent it and where it was going. For requests
 * Session-Id, Origin-Host, Origin-Realm and Destination-Realm are always present (the codec rejects a request
 * without them); answers carry no Destination AVPs, and the codec tolerates answers lacking the others.
 *
 * @param sessionId        Session-Id, or null in an answer that lacked it
 * @param originHost       Origin-Host, or null in an answer that lacked it
 * @param originRealm      Origin-Realm, or null in an answer that lacked it
 * @param destinationHost  Destination-Host, null when absent (always in answers)
 * @param destinationRealm Destination-Realm, null in answers
 */
public record CxEnvelope(String sessionId, String originHost, String originRealm, String destinationHost,
                         String destinationRealm) {
}
