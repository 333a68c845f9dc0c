package io.kubeims.local;

import io.kubeims.api.v1alpha1.imscore.ImsCore;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The manifests of one directory as local mode uses them: the one ImsCore and the Subscribers of that core, each
 * resolved with its Secret and IfcProfile. Notes say what was read but not used (other kinds, Subscribers of another
 * core).
 *
 * @param directory   the directory read
 * @param imsCore     the ImsCore
 * @param imsCoreFile the file holding it
 * @param subscribers the Subscribers of that core, in file order
 * @param notes       one line per document ignored
 */
public record LocalManifests(Path directory, ImsCore imsCore, Path imsCoreFile, List<SubscriberManifest> subscribers,
        List<String> notes) {

    public LocalManifests {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(imsCore, "imsCore");
        Objects.requireNonNull(imsCoreFile, "imsCoreFile");
        subscribers = List.copyOf(subscribers);
        notes = List.copyOf(notes);
    }

    /** What is shown of each subscriber, in file order. */
    public List<TestSubscriber> testSubscribers() {
        return subscribers.stream().map(SubscriberManifest::summary).toList();
    }
}
