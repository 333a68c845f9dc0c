package io.kubeims.hss.store;

import io.kubeims.protocol.aka.Sqn;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child JVM of {@link EmbeddedSqnCrashTest}: opens embedded storage and issues SQNs for one IMPI without end,
 * printing each as {@code SQN <value> end} once {@code nextSqn} has returned it, until the test kills the process
 * (a line the kill cuts short lacks its {@code end}).
 * Arguments: data directory, IMPI.
 */
public final class SqnIssuingProcess {

    static final String PREFIX = "SQN ";
    static final String SUFFIX = " end";

    private SqnIssuingProcess() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        HssStorage storage = new EmbeddedHssStorage(Path.of(args[0]));
        while (true) {
            Sqn sqn = storage.dynamicState().nextSqn(args[1]);
            out.println(PREFIX + sqn.value() + SUFFIX);
            out.flush();
        }
    }
}
