/**
 * Local mode: the whole IMS core on one machine from the manifests ({@code bin/kube-ims up}, or {@link
 * io.kubeims.local.LocalCore} from Java). Manifests are read by {@link io.kubeims.local.ManifestReader}, the function
 * configuration comes from kube-ims-config's local placement, subscribers reach the HSS through hss-client.
 */
package io.kubeims.local;
