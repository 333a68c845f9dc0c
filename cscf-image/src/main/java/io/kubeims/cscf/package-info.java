/**
 * The kube-ims CSCFs (TS 24.229): P-CSCF, I-CSCF and S-CSCF on jain-sip, one package per role, registration and
 * auth state in Infinispan so any replica can handle any step of a flow.
 */
package io.kubeims.cscf;
