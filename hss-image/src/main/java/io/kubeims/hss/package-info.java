/**
 * The kube-ims HSS: Diameter Cx server (TS 29.228 / TS 29.229) for the I-CSCF and S-CSCF pools, provisioning REST
 * API for the operator and any BSS, and the subscriber and dynamic state (SQN, S-CSCF assignment) in Infinispan.
 */
package io.kubeims.hss;
