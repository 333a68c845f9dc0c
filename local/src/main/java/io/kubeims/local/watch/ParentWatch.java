package io.kubeims.local.watch;

import java.util.Optional;

/**
 * A Java agent in every child JVM of the local core ({@code -javaagent:parent-watch.jar=<launcher pid>}): when the
 * launcher is gone, however it ended (also SIGKILL, which runs no shutdown hook), the child exits too, so no function
 * outlives its launcher holding ports. It polls the launcher's {@link ProcessHandle} (start time included, so a
 * reused pid is not mistaken for it), then exits through the shutdown hooks (Quarkus stops gracefully) and halts if
 * that takes too long. JDK classes only, no lambdas or nested classes: the agent jar holds this one class.
 */
public final class ParentWatch implements Runnable {

    private static final long POLL_MILLIS = 500;
    private static final long GRACE_MILLIS = 15_000;

    private final ProcessHandle parent;

    private ParentWatch(ProcessHandle parent) {
        this.parent = parent;
    }

    /** @param argument the launcher's pid */
    public static void premain(String argument) {
        long pid;
        try {
            pid = Long.parseLong(argument == null ? "" : argument.trim());
        } catch (NumberFormatException e) {
            System.err.println("kube-ims parent watch: '" + argument + "' is not a pid; not watching");
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            System.err.println("kube-ims parent watch: the launcher (pid " + pid + ") is already gone");
            Runtime.getRuntime().halt(3);
            return;
        }
        Thread watch = new Thread(new ParentWatch(parent.get()), "kube-ims-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    @Override
    public void run() {
        if (parent == null) {
            haltAfterGrace();
            return;
        }
        try {
            while (parent.isAlive()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            return;
        }
        System.err.println("kube-ims parent watch: the launcher (pid " + parent.pid() + ") is gone: stopping");
        Thread halt = new Thread(new ParentWatch(null), "kube-ims-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }

    private static void haltAfterGrace() {
        try {
            Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        System.err.println("kube-ims parent watch: shutdown took longer than " + GRACE_MILLIS + " ms: halting");
        Runtime.getRuntime().halt(4);
    }
}
