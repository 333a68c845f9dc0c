package io.kubeims.local;

import io.kubeims.api.v1alpha1.subscriber.AuthScheme;

import java.util.List;
import java.util.Objects;

/**
 * A subscriber the local core was provisioned with, as it is shown to the user: identities and auth scheme, never a
 * credential.
 *
 * @param name             the Subscriber's metadata.name
 * @param privateIdentity  the IMPI (digest username)
 * @param publicIdentities the IMPUs of the implicit registration set, default identity first
 * @param authScheme       AKAv1-MD5 or SIP-Digest
 */
public record TestSubscriber(String name, String privateIdentity, List<String> publicIdentities,
        AuthScheme authScheme) {

    public TestSubscriber {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(privateIdentity, "privateIdentity");
        Objects.requireNonNull(authScheme, "authScheme");
        publicIdentities = List.copyOf(publicIdentities);
    }

    /** The scheme as written in a manifest: {@code AKAv1-MD5} or {@code SIP-Digest}. */
    public String authSchemeName() {
        return switch (authScheme) {
            case AKAV1_MD5 -> "AKAv1-MD5";
            case SIP_DIGEST -> "SIP-Digest";
        };
    }
}
