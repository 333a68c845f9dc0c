/**
 * Proxy behaviour of RFC 3261 16 for every CSCF role: {@link io.kubeims.cscf.sip.proxy.ProxyCore} (the individual
 * steps), {@link io.kubeims.cscf.sip.proxy.StatefulProxy} and {@link io.kubeims.cscf.sip.proxy.StatelessProxy}, with
 * Path (RFC 3327) and double Record-Route (RFC 5658).
 */
package io.kubeims.cscf.sip.proxy;
