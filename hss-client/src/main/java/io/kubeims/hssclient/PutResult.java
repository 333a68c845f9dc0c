package io.kubeims.hssclient;

/**
 * The outcome of a create-or-replace.
 *
 * @param created    whether the HSS had no such subscriber before (201) rather than replacing one (200)
 * @param subscriber the subscriber as the HSS now holds it
 */
public record PutResult(boolean created, HssSubscriberView subscriber) {
}
