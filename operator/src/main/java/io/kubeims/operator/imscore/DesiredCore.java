package io.kubeims.operator.imscore;

import io.kubeims.api.v1alpha1.imscore.FunctionSpec;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.imscore.ImsCoreSpec;
import io.kubeims.api.v1alpha1.imscore.RegistrationStoreSpec;
import io.kubeims.config.CoreConfiguration;
import io.kubeims.config.CoreNames;
import io.kubeims.config.FunctionConfiguration;
import io.kubeims.config.NetworkFunction;
import io.kubeims.config.Placement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dependents of an ImsCore build from: the configuration core-config derives for the Kubernetes placement
 * (the same pure code local mode uses), the names, the labels and the function specs. Derived anew by each
 * dependent: it is pure and cheap, and nothing has to be passed between them.
 */
final class DesiredCore {

    /** Label every object the operator creates carries (app.kubernetes.io recommended labels). */
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String OPERATOR = "kube-ims-operator";
    /** Pod template annotation: a change of the function's configuration rolls its pods. */
    static final String CONFIG_HASH = "kubeims.io/config-hash";

    private DesiredCore() {
    }

    /**
     * @throws io.kubeims.config.InvalidImsCoreException when the spec cannot work (the reconciler checks first and
     *                                                   reports it as a condition, so dependents never see it)
     */
    static CoreConfiguration configuration(ImsCore core) {
        return CoreConfiguration.derive(core, Placement.kubernetes());
    }

    static CoreNames names(ImsCore core) {
        return Placement.kubernetes().names(core);
    }

    /** The selector labels of a function plus the managed-by label. */
    static Map<String, String> labels(CoreNames names, NetworkFunction function) {
        Map<String, String> labels = new LinkedHashMap<>(names.selectorLabels(function));
        labels.put(MANAGED_BY, OPERATOR);
        return labels;
    }

    /** Labels of objects belonging to the core as a whole (Secrets, the Infinispan cluster). */
    static Map<String, String> coreLabels(CoreNames names, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "kube-ims");
        labels.put("app.kubernetes.io/instance", names.coreName());
        labels.put("app.kubernetes.io/component", component);
        labels.put(MANAGED_BY, OPERATOR);
        return labels;
    }

    /** The spec of one function; an absent one means the defaults. */
    static FunctionSpec functionSpec(ImsCore core, NetworkFunction function) {
        ImsCoreSpec spec = core.getSpec();
        FunctionSpec fs = switch (function) {
            case HSS -> spec.getHss();
            case PCSCF -> spec.getPcscf();
            case ICSCF -> spec.getIcscf();
            case SCSCF -> spec.getScscf();
        };
        return fs == null ? new FunctionSpec() : fs;
    }

    static RegistrationStoreSpec.Type storeType(ImsCore core) {
        RegistrationStoreSpec store = core.getSpec().getRegistrationStore();
        return store == null ? RegistrationStoreSpec.Type.EMBEDDED : store.effectiveType();
    }

    /** Infinispan Server replicas for the operator-deployed store (3 unless the spec says otherwise). */
    static int infinispanReplicas(ImsCore core) {
        RegistrationStoreSpec store = core.getSpec().getRegistrationStore();
        return store == null || store.getInfinispanReplicas() == null ? 3 : store.getInfinispanReplicas();
    }

    /** SHA-256 of everything of a function's configuration that its pods read at start. */
    static String configHash(FunctionConfiguration configuration) {
        StringBuilder text = new StringBuilder(configuration.asApplicationProperties());
        configuration.environment().forEach(variable -> text.append('\n').append(variable));
        configuration.secretFiles().forEach(file -> text.append('\n').append(file));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has SHA-256", e);
        }
    }
}
