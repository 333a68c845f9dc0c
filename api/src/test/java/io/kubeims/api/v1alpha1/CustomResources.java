package io.kubeims.api.v1alpha1;

import io.fabric8.kubernetes.client.CustomResource;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The custom resource classes of this API and where the checked-in CRD YAML lives (test support). */
final class CustomResources {

    static final List<Class<? extends CustomResource<?, ?>>> CLASSES =
            List.of(ImsCore.class, Subscriber.class, IfcProfile.class);

    static final Map<String, Class<? extends CustomResource<?, ?>>> BY_KIND =
            Map.of("ImsCore", ImsCore.class, "Subscriber", Subscriber.class, "IfcProfile", IfcProfile.class);

    private CustomResources() {
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

    static Path crdDirectory() {
        return repositoryRoot().resolve("crds");
    }
}
