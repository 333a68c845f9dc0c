package io.kubeims.cscf.testing;

/** Closes what a test class started, in the order given, skipping what never started (null). */
public final class Teardown {

    private Teardown() {
    }

    /**
     * Closes each non-null resource in order; one that fails does not keep the next from closing.
     *
     * @throws Exception the first failure, with the later ones suppressed
     */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
