package io.kubeims.cscf.app;

/**
 * Chooses the {@link CscfRole} for {@code kubeims.cscf.role}: the one place where a role class is wired in.
 */
final class CscfRoles {

    private CscfRoles() {
    }

    /**
     * @throws InvalidCscfConfigException when the role cannot be set up from its settings (the P-CSCF's flow-token key
     *                                    file unreadable or too short)
     */
    static CscfRole forSettings(CscfSettings settings) {
        return switch (settings.role()) {
            case PCSCF -> PcscfRole.create(settings);
            case ICSCF -> new IcscfRole();
            case SCSCF -> new ScscfRole();
        };
    }
}
