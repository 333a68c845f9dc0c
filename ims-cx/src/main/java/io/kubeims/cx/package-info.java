/**
 * Diameter Cx (TS 29.229) on jdiameter, shared by the HSS (server side) and the I-/S-CSCF (client side).
 */
package io.kubeims.cx;
