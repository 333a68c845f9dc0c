/**
 * The S-CSCF's handling of HSS-initiated Cx requests (TS 29.228 6.1.3 RTR, 6.2.2 PPR):
 * {@link io.kubeims.cscf.scscf.hss.HssInitiatedProcedures} is the {@code CxScscfHandler} of
 * {@code CxNode.scscf}; the changes it makes to the shared registration store reach the registration observers
 * (reg event NOTIFYs, third-party REGISTERs) like the registrar's own.
 *
 * <pre>{@code
 * CxNode cx = CxNode.scscf(cxSettings, new HssInitiatedProcedures(storage.registrations(), new CxUserDataReader(),
 *         observers, executor, meters, clock));
 * }</pre>
 */
package io.kubeims.cscf.scscf.hss;
