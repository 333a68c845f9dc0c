package io.kubeims.operator.imscore;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

import java.util.Map;

/**
 * The Infinispan Operator's {@code Infinispan} resource (infinispan.org/v1), spec and status kept as maps: the operator
 * sets a few documented spec fields and reads nothing else. A typed class rather than a GenericKubernetesResource
 * because fabric8 resolves a generic apiVersion/kind through API discovery, which fails (and fails the workflow)
 * whenever the CRD is not installed; the annotations give group, version and plural without asking the API server.
 */
@Group("infinispan.org")
@Version("v1")
@Kind("Infinispan")
@Plural("infinispans")
public class InfinispanCluster extends CustomResource<Map<String, Object>, Map<String, Object>>
        implements Namespaced {
}
