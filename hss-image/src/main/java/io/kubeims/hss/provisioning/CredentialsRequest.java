package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.subscriber.AuthScheme;
import io.kubeims.hss.subscriber.AkaCredentials;
import io.kubeims.hss.subscriber.Credentials;
import io.kubeims.hss.subscriber.InvalidCredentialsException;
import io.kubeims.hss.subscriber.SipDigestCredentials;
import io.kubeims.protocol.aka.AkaParameterException;

import java.util.Locale;

/**
 * Write-only credentials of a subscriber: {@code {"scheme": "AKAv1-MD5", "k": hex, "op" or "opc": hex, "amf": hex}}
 * (TS 33.203, TS 35.206) or {@code {"scheme": "SIP-Digest", "password": text}} (TS 33.203 Annex N), the same names
 * as the Subscriber's credentials Secret. {@code toString()} shows only the scheme.
 *
 * @param scheme   AKAv1-MD5 or SIP-Digest
 * @param k        AKA: subscriber key K, 32 hex digits
 * @param op       AKA: operator variant OP, 32 hex digits (OPc is derived from it and OP is not kept)
 * @param opc      AKA: OPc, 32 hex digits; give op or opc
 * @param amf      AKA: authentication management field, 4 hex digits
 * @param password SIP Digest: the password
 */
public record CredentialsRequest(AuthScheme scheme, String k, String op, String opc, String amf, String password) {

    /**
     * @param fieldPrefix prefix of the field names in errors, e.g. "auth." inside a subscriber
     * @throws InvalidRequestException naming the field when a value is missing, misplaced, not hex or of the wrong
     *                                 length (never quoting it)
     */
    Credentials toCredentials(String fieldPrefix) {
        if (scheme == null) {
            throw new InvalidRequestException(fieldPrefix + "scheme", "is required: AKAv1-MD5 or SIP-Digest");
        }
        if (scheme == AuthScheme.SIP_DIGEST) {
            rejectPresent(k, fieldPrefix + "k");
            rejectPresent(op, fieldPrefix + "op");
            rejectPresent(opc, fieldPrefix + "opc");
            rejectPresent(amf, fieldPrefix + "amf");
            try {
                return new SipDigestCredentials(password);
            } catch (InvalidCredentialsException e) {
                throw new InvalidRequestException(fieldPrefix + "password", "is required and must not be empty");
            }
        }
        rejectPresent(password, fieldPrefix + "password");
        if (op != null && opc != null) {
            throw new InvalidRequestException(fieldPrefix + "op", "give op or opc, not both");
        }
        if (op == null && opc == null) {
            throw new InvalidRequestException(fieldPrefix + "opc", "op or opc is required for AKAv1-MD5");
        }
        try {
            return op != null ? AkaCredentials.fromOpHex(k, op, amf) : AkaCredentials.fromOpcHex(k, opc, amf);
        } catch (AkaParameterException e) {
            // The message is "<parameter>: <problem>" and never holds the value (ims-protocol's rule).
            String problem = e.getMessage().substring(e.parameter().length() + 2);
            throw new InvalidRequestException(fieldPrefix + e.parameter().toLowerCase(Locale.ROOT), problem);
        }
    }

    private void rejectPresent(String value, String field) {
        if (value != null) {
            throw new InvalidRequestException(field, "does not apply to scheme " + schemeName());
        }
    }

    private String schemeName() {
        return scheme == AuthScheme.SIP_DIGEST ? "SIP-Digest" : "AKAv1-MD5";
    }

    /** The scheme a client gives for these stored credentials. */
    static AuthScheme schemeOf(Credentials credentials) {
        return credentials instanceof SipDigestCredentials ? AuthScheme.SIP_DIGEST : AuthScheme.AKAV1_MD5;
    }

    @Override
    public String toString() {
        return "CredentialsRequest[scheme=" + scheme + ", secrets=<redacted>]";
    }
}
