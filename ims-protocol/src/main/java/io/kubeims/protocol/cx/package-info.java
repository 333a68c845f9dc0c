/**
 * Constants of the Cx/Dx Diameter application (3GPP TS 29.229, semantics in TS 29.228): application and
 * vendor ids, command codes, AVP codes with their flag rules, result codes and Enumerated AVP values.
 *
 * <p>Pure data, no I/O: the HSS and the CSCFs use these on top of jdiameter.
 */
package io.kubeims.protocol.cx;
