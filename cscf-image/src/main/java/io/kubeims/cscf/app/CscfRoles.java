package io.kubeims.cscf.app;

/**
 * Chooses the {@link CscfRole} for {@code kubeims.cscf.role}: the one place where a role class is wired in. The
 * P-CSCF and S-CSCF handlers exist in their packages but are not wired yet: asking for them fails startup clearly.
 */
final class CscfRoles {

    private CscfRoles() {
    }

    /** @throws InvalidCscfConfigException for a role this build cannot run yet */
    static CscfRole forSettings(CscfSettings settings) {
        return switch (settings.role()) {
            case ICSCF -> new IcscfRole();
            case PCSCF, SCSCF -> throw new InvalidCscfConfigException("kubeims.cscf.role", settings.roleName()
                    + " is not wired into this build of the CSCF image yet (only icscf runs; see"
                    + " io.kubeims.cscf.app.CscfRoles)");
        };
    }
}
