package io.kubeims.hssclient;

/** The outcome of a delete: both mean the HSS holds no such subscriber afterwards. */
public enum DeleteResult {
    /** The subscriber was deleted (a registered one is de-registered by the HSS with an RTR). */
    DELETED,
    /** There was no such subscriber (404), e.g. deleted before or never provisioned. */
    ABSENT
}
