/**
 * The kube-ims operator (quarkus-operator-sdk): one reconciler per custom resource, each in its own package
 * ({@code subscriber}, {@code ifcprofile}); {@code hss} holds the HSS provisioning clients, {@code common} what the
 * status builders share.
 */
package io.kubeims.operator;
