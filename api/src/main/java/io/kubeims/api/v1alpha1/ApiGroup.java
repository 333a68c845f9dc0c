package io.kubeims.api.v1alpha1;

/** Group and version of the kube-ims custom resources, in one place for the model, the operator and tests. */
public final class ApiGroup {
    public static final String GROUP = "ims.kubeims.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private ApiGroup() {
    }
}
