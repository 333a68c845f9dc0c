package io.kubeims.local;

import io.kubeims.hssclient.HssSubscriber;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Subscriber manifest resolved against its Secret and IfcProfile: the HSS provisioning body and where it came
 * from. {@code toString()} shows no credential ({@link HssSubscriber} redacts them).
 *
 * @param file    the manifest file of the Subscriber
 * @param summary what is shown of it
 * @param body    the body of {@code PUT /api/v1/subscribers/{impi}}
 */
public record SubscriberManifest(Path file, TestSubscriber summary, HssSubscriber body) {

    public SubscriberManifest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(body, "body");
    }
}
