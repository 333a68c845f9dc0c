package io.kubeims.api.v1alpha1.ifcprofile;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.kubeims.api.v1alpha1.ApiGroup;

/** A reusable set of Initial Filter Criteria (TS 29.228 Annex B) that Subscribers reference by name. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("IfcProfile")
@ShortNames({"ifc", "ifcs"})
@AdditionalPrinterColumn(name = "Valid", jsonPath = ".status.conditions[?(@.type==\"Valid\")].status")
@AdditionalPrinterColumn(name = "Subscribers", jsonPath = ".status.subscriberCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class IfcProfile extends CustomResource<IfcProfileSpec, IfcProfileStatus> implements Namespaced {
}
