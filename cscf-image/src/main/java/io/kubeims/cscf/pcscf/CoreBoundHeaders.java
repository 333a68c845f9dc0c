package io.kubeims.cscf.pcscf;

import io.kubeims.cscf.sip.header.AddressListHeader;
import io.kubeims.cscf.sip.header.OptionTagHeader;
import io.kubeims.cscf.sip.header.SecurityAgreementHeader;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.Address;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/**
 * What the P-CSCF removes from a UE's request before the core sees it, and what it removes towards the UE.
 * <ul>
 * <li>towards the core: {@code sec-agree} in Require and Proxy-Require and the Security-Client/Security-Verify headers
 * (RFC 3329 2.3.1 and TS 24.229 5.2.6.3.2: the security agreement is between UE and P-CSCF only; an AS such as
 * FreeSWITCH would answer 420 Bad Extension), and any P-Asserted-Identity from the UE (RFC 3325 9.1: never trusted
 * from outside the trust domain);</li>
 * <li>towards the UE: the P-Asserted-Identity when the request asks for privacy ({@code Privacy: id}, RFC 3325 9.1,
 * TS 24.229 5.2.6.4.4), the charging headers (RFC 7315 4.5/4.6: only inside the trust domain).</li>
 * </ul>
 */
public final class CoreBoundHeaders {

    private static final String SEC_AGREE = "sec-agree";

    private CoreBoundHeaders() {
    }

    /** Strips the security agreement and the UE's own assertion from a request going to the core. */
    public static void fromUe(Message message, HeaderFactory headers) {
        OptionTagHeader.REQUIRE.remove(message, SEC_AGREE, headers);
        OptionTagHeader.PROXY_REQUIRE.remove(message, SEC_AGREE, headers);
        message.removeHeader(SecurityAgreementHeader.SECURITY_VERIFY.headerName());
        message.removeHeader(SecurityAgreementHeader.SECURITY_CLIENT.headerName());
        message.removeHeader(AddressListHeader.P_ASSERTED_IDENTITY.headerName());
    }

    /** Asserts {@code identity} as the only P-Asserted-Identity and drops the UE's P-Preferred-Identity. */
    public static void assertIdentity(Message request, Address identity, HeaderFactory headers) {
        request.removeHeader(AddressListHeader.P_PREFERRED_IDENTITY.headerName());
        AddressListHeader.P_ASSERTED_IDENTITY.write(request, List.of(identity), headers);
    }

    /** Removes what only the trust domain may see from a request or response going to the UE. */
    public static void towardsUe(Message request) {
        for (ListIterator<?> it = request.getHeaders("Privacy"); it.hasNext(); ) {
            String line = it.next().toString();
            String value = line.substring(line.indexOf(':') + 1);
            for (String privacy : value.split("[;,]")) {
                if (privacy.strip().equalsIgnoreCase("id")) {
                    request.removeHeader(AddressListHeader.P_ASSERTED_IDENTITY.headerName());
                    break;
                }
            }
        }
        request.removeHeader("P-Charging-Vector");
        request.removeHeader("P-Charging-Function-Addresses");
    }
}
