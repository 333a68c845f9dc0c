/**
 * Client of the HSS provisioning REST API for the operator: {@link io.kubeims.hssclient.SubscriberMapping} turns a
 * Subscriber resource, its credentials Secret and its IfcProfile into the body the HSS takes, and
 * {@link io.kubeims.hssclient.HssProvisioningClient} sends it (bounded concurrency, retries with backoff, typed
 * errors). No secret reaches a log line, an exception message or a {@code toString()}.
 */
package io.kubeims.hssclient;
