package io.kubeims.cscf.sip.header;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderAddress;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/**
 * Headers holding a list of name-addr values, read and written as {@link Address} lists (top first). Header
 * parameters outside the angle brackets are not part of the address and are not kept by {@link #read}.
 */
public enum AddressListHeader {
    /** RFC 3327: the proxies a registrar routes terminating requests through. */
    PATH("Path"),
    /** RFC 3608: the route the UE preloads for originating requests. */
    SERVICE_ROUTE("Service-Route"),
    /** RFC 7315 4.1: the public identities registered with the one in To (TS 24.229 5.4.1.2.2). */
    P_ASSOCIATED_URI("P-Associated-URI"),
    /** RFC 3325: the identity asserted inside the trust domain. */
    P_ASSERTED_IDENTITY("P-Asserted-Identity"),
    /** RFC 3325: the identity the UE would like asserted. */
    P_PREFERRED_IDENTITY("P-Preferred-Identity"),
    /** RFC 3261 20.34. */
    ROUTE("Route"),
    /** RFC 3261 20.30. */
    RECORD_ROUTE("Record-Route");

    private final String headerName;

    AddressListHeader(String headerName) {
        this.headerName = headerName;
    }

    /** The header name as written on the wire. */
    public String headerName() {
        return headerName;
    }

    /** The addresses of all entries, top first; empty when the header is absent. */
    public List<Address> read(Message message) {
        List<Address> addresses = new ArrayList<>();
        for (ListIterator<?> it = message.getHeaders(headerName); it.hasNext(); ) {
            Object header = it.next();
            if (!(header instanceof HeaderAddress address)) {
                throw new MalformedSipHeaderException(headerName, "not parsed as an address list by jain-sip");
            }
            addresses.add((Address) address.getAddress().clone());
        }
        return addresses;
    }

    /** The first address, if any. */
    public java.util.Optional<Address> first(Message message) {
        List<Address> all = read(message);
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(0));
    }

    /** Replaces the header by these addresses (an empty list removes it). */
    public void write(Message message, List<Address> addresses, HeaderFactory headers) {
        HeaderText.replace(message, headers, headerName, addresses.stream().map(AddressListHeader::nameAddr)
                .toList(), false);
    }

    /** Puts an address on top (RFC 3327 5.1 for Path, RFC 3261 16.6 step 4 for Record-Route). */
    public void prepend(Message message, Address address, HeaderFactory headers) {
        HeaderText.prepend(message, headers, headerName, nameAddr(address));
    }

    /** Adds an address below the others. */
    public void append(Message message, Address address, HeaderFactory headers) {
        HeaderText.append(message, HeaderText.create(headers, headerName, nameAddr(address), false));
    }

    /** Parses a name-addr or addr-spec, e.g. {@code <sip:scscf.ims.test;lr>}. */
    public Address parse(String text, AddressFactory addresses) {
        try {
            return addresses.createAddress(text);
        } catch (ParseException e) {
            throw new MalformedSipHeaderException(headerName, "not an address: '" + text + "'", e);
        }
    }

    private static String nameAddr(Address address) {
        String text = address.toString();
        return text.contains("<") ? text : "<" + text + ">";
    }
}
