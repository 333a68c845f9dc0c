/**
 * HSS-initiated Cx procedures (TS 29.228 6.1.3 and 6.2.2): {@link io.kubeims.hss.notify.ServingScscfNotifier}
 * sends RTR and PPR to the S-CSCF pool serving a subscriber and keeps the registration state in step with the
 * answers.
 */
package io.kubeims.hss.notify;
