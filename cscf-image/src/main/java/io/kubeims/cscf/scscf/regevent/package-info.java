/**
 * The reg event package at the S-CSCF (RFC 3680, RFC 6665, TS 24.229 5.4.2.1): the SUBSCRIBE handler
 * ({@link io.kubeims.cscf.scscf.regevent.RegEventSubscribeHandler}), the notifier that is also a registration observer
 * ({@link io.kubeims.cscf.scscf.regevent.RegEventNotifier}), the full-state reginfo it sends
 * ({@link io.kubeims.cscf.scscf.regevent.ReginfoComposer}) and the {@code application/reginfo+xml} model with its
 * writer and schema-validating reader. Subscriptions live in the shared
 * {@link io.kubeims.cscf.store.RegEventSubscriptionStore}, so any replica accepts, refreshes and notifies.
 *
 * <pre>{@code
 * ReginfoComposer composer = new ReginfoComposer(new CxUserDataReader());
 * RegEventNotifier notifier = new RegEventNotifier(node, storage.regEventSubscriptions(), composer, settings,
 *         meters, clock);
 * RegEventSubscribeHandler subscribe = new RegEventSubscribeHandler(storage.registrations(),
 *         storage.regEventSubscriptions(), notifier, composer, settings, null, executor, meters, clock);
 * dispatcher.on(Request.SUBSCRIBE, subscribe);                      // the S-CSCF's RequestDispatcher
 * RegistrationObserver observers = RegistrationObserver.all(List.of(notifier, thirdParty));   // to the registrar
 * }</pre>
 */
package io.kubeims.cscf.scscf.regevent;
