package io.kubeims.api.v1alpha1.subscriber;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.kubeims.api.v1alpha1.ApiGroup;

/** An IMS subscriber provisioned into the HSS of an {@code ImsCore}. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("Subscriber")
@ShortNames({"imssub", "imssubs"})
@AdditionalPrinterColumn(name = "IMPI", jsonPath = ".spec.privateIdentity")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Provisioned\")].status")
@AdditionalPrinterColumn(name = "Registration", jsonPath = ".status.registrationState")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Subscriber extends CustomResource<SubscriberSpec, SubscriberStatus> implements Namespaced {
}
