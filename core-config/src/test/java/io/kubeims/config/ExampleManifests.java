package io.kubeims.config;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeims.api.v1alpha1.imscore.ImsCore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The manifests under {@code deploy/examples}, parsed as the operator and local mode read them (test support). */
final class ExampleManifests {

    private ExampleManifests() {
    }

    /** The repository root: the module's parent directory (Surefire runs tests in the module directory). */
    static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = module.getParent();
        if (root == null || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("cannot find the repository root above " + module);
        }
        return root;
    }

    static Path examples() {
        return repositoryRoot().resolve("deploy").resolve("examples");
    }

    /** deploy/examples/imscore.yaml, parsed with fabric8's serialization. */
    static ImsCore imsCore() {
        try (InputStream in = Files.newInputStream(examples().resolve("imscore.yaml"))) {
            return Serialization.unmarshal(in, ImsCore.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example ImsCore as the API server holds it after {@code kubectl apply -n namespace}. */
    static ImsCore imsCoreIn(String namespace) {
        ImsCore core = imsCore();
        core.getMetadata().setNamespace(namespace);
        return core;
    }
}
