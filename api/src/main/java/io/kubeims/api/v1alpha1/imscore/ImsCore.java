package io.kubeims.api.v1alpha1.imscore;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.kubeims.api.v1alpha1.ApiGroup;

/** An IMS core: HSS, I-CSCF, S-CSCF and P-CSCF for one home domain. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("ImsCore")
@ShortNames({"ims", "imscore"})
@AdditionalPrinterColumn(name = "Domain", jsonPath = ".spec.domain")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "P-CSCF", jsonPath = ".status.pcscfAddress")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class ImsCore extends CustomResource<ImsCoreSpec, ImsCoreStatus> implements Namespaced {
}
