package io.kubeims.hssclient.testing;

import io.quarkus.bootstrap.app.AugmentResult;
import io.quarkus.bootstrap.app.CuratedApplication;
import io.quarkus.bootstrap.app.QuarkusBootstrap;

import java.nio.file.Path;

/**
 * Builds the HSS (module hss-image) into a runnable Quarkus application ({@code quarkus-app/quarkus-run.jar}) with
 * Quarkus' own bootstrap, as {@code quarkus:build} would: run by {@link HssProcess} in a child JVM, so that the
 * augmentation never shares a JVM with a test's own Quarkus application.
 * Arguments: the HSS's classes directory, its project directory, the output directory.
 */
public final class HssApplicationBuild {

    private HssApplicationBuild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: HssApplicationBuild <classes dir> <project dir> <output dir>");
        }
        QuarkusBootstrap bootstrap = QuarkusBootstrap.builder()
                .setApplicationRoot(Path.of(args[0]))
                .setProjectRoot(Path.of(args[1]))
                .setTargetDirectory(Path.of(args[2]))
                .setBaseName("kube-ims-hss")
                .setMode(QuarkusBootstrap.Mode.PROD)
                .setLocalProjectDiscovery(true)
                .setOffline(!Boolean.getBoolean("kubeims.test.online"))
                .setIsolateDeployment(true)
                .build();
        try (CuratedApplication application = bootstrap.bootstrap()) {
            AugmentResult result = application.createAugmentor().createProductionApplication();
            System.out.println("built " + result.getJar().getPath());
        }
    }
}
