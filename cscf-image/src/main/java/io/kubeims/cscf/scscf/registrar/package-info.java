/**
 * The S-CSCF registrar (TS 24.229 5.4.1, RFC 3261 10.3): {@link io.kubeims.cscf.scscf.registrar.ScscfRegistrar}
 * answers REGISTER with authentication, bindings in the shared store and Cx MAR/SAR;
 * {@link io.kubeims.cscf.scscf.registrar.RegistrationExpiryHandler} acts once on expired bindings; both report
 * every committed change to a {@link io.kubeims.cscf.scscf.registrar.RegistrationObserver} (reg event, third-party
 * registration). Plain classes wired by constructor, no state outside the store.
 */
package io.kubeims.cscf.scscf.registrar;
