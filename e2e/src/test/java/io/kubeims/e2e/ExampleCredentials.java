package io.kubeims.e2e;

import io.kubeims.hssclient.AkaCredentials;
import io.kubeims.hssclient.DigestCredentials;
import io.kubeims.hssclient.HssCredentials;
import io.kubeims.local.LocalManifests;
import io.kubeims.local.ManifestReader;
import io.kubeims.local.SubscriberManifest;

import java.nio.file.Path;

/**
 * The credentials of the example subscribers, read from their Secrets in {@code deploy/examples} exactly as the
 * local core provisioned them (never printed: the records redact them).
 */
final class ExampleCredentials {

    private final LocalManifests manifests;

    private ExampleCredentials(LocalManifests manifests) {
        this.manifests = manifests;
    }

    static ExampleCredentials read(Path directory) {
        return new ExampleCredentials(ManifestReader.read(directory));
    }

    private HssCredentials of(String impi) {
        return manifests.subscribers().stream().filter(s -> s.body().privateIdentity().equals(impi))
                .map(SubscriberManifest::body).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example subscriber " + impi)).auth();
    }

    /** The SIP Digest password of {@code impi}. */
    String password(String impi) {
        return ((DigestCredentials) of(impi)).password();
    }

    /** The AKA keys of {@code impi} (K with OP or OPc, AMF; hex). */
    AkaCredentials aka(String impi) {
        return (AkaCredentials) of(impi);
    }
}
