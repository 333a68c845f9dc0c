package io.kubeims.cscf.sip.header;

import gov.nist.javax.sip.header.ParametersHeader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/**
 * One Contact entry of a REGISTER or its 200 (RFC 3261 10.2.1, 20.10) with the parameters a registrar keeps:
 * {@code expires}, {@code +sip.instance} (RFC 5626 4.1, quoted {@code <urn:...>}) and {@code reg-id} (RFC 5626), and
 * any others (feature tags of RFC 3840, {@code q}) in order.
 *
 * @param address         the contact address (URI and display name)
 * @param expires         the {@code expires} parameter in seconds, if given
 * @param instanceId      the {@code +sip.instance} value without quotes, e.g. {@code <urn:gsma:imei:...>}, if given
 * @param regId           the {@code reg-id} parameter, if given
 * @param otherParameters other header parameters, names lower case, values as written (quotes removed)
 */
public record ContactBinding(Address address, OptionalInt expires, Optional<String> instanceId, OptionalInt regId,
        Map<String, String> otherParameters) {

    private static final String NAME = "Contact";

    /** Validates and copies. */
    public ContactBinding {
        if (address == null) {
            throw new MalformedSipHeaderException(NAME, "an address is required");
        }
        if (expires.isPresent() && expires.getAsInt() < 0) {
            throw new MalformedSipHeaderException(NAME, "expires must not be negative: " + expires.getAsInt());
        }
        address = (Address) address.clone();
        otherParameters = Collections.unmodifiableMap(new LinkedHashMap<>(otherParameters));
    }

    /** A binding of just an address. */
    public static ContactBinding of(Address address) {
        return new ContactBinding(address, OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), Map.of());
    }

    /** True when the message has {@code Contact: *} (RFC 3261 10.2.2, remove all bindings). */
    public static boolean isWildcard(Message message) {
        for (ListIterator<?> it = message.getHeaders(NAME); it.hasNext(); ) {
            if (((ContactHeader) it.next()).isWildCard()) {
                return true;
            }
        }
        return false;
    }

    /** All Contact entries, top first (a wildcard is not a binding: check {@link #isWildcard} first). */
    public static List<ContactBinding> read(Message message) {
        List<ContactBinding> bindings = new ArrayList<>();
        for (ListIterator<?> it = message.getHeaders(NAME); it.hasNext(); ) {
            ContactHeader contact = (ContactHeader) it.next();
            if (contact.isWildCard()) {
                continue;
            }
            bindings.add(from(contact));
        }
        return bindings;
    }

    /** One binding from a jain-sip Contact header. */
    public static ContactBinding from(ContactHeader contact) {
        Map<String, String> others = new LinkedHashMap<>();
        String instance = null;
        String regId = null;
        String expires = null;
        for (Iterator<?> names = contact.getParameterNames(); names.hasNext(); ) {
            String name = (String) names.next();
            String value = contact.getParameter(name);
            value = value == null ? "" : unquote(value);
            switch (name.toLowerCase(Locale.ROOT)) {
                case "+sip.instance" -> instance = value;
                case "reg-id" -> regId = value;
                case "expires" -> expires = value;
                default -> others.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return new ContactBinding(contact.getAddress(), integer("expires", expires), Optional.ofNullable(instance),
                integer("reg-id", regId), others);
    }

    private static OptionalInt integer(String parameter, String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            long parsed = Long.parseLong(value.trim());
            // RFC 3261 20.19: values above 2^32-1 mean "as long as allowed"; clamp to int
            return OptionalInt.of((int) Math.min(parsed, Integer.MAX_VALUE));
        } catch (NumberFormatException e) {
            throw new MalformedSipHeaderException(NAME, parameter + " is not a number: '" + value + "'");
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The contact URI. */
    public URI uri() {
        return address.getURI();
    }

    /**
     * The expiry the registrar applies (RFC 3261 10.3 step 7): this entry's {@code expires}, else the Expires header
     * value, else the default.
     */
    public int expiresOr(OptionalInt expiresHeader, int defaultSeconds) {
        return expires.isPresent() ? expires.getAsInt() : expiresHeader.orElse(defaultSeconds);
    }

    /** A copy with {@code expires} set (a registrar's 200 lists each binding with its expiry, RFC 3261 10.3 step 8). */
    public ContactBinding withExpires(int seconds) {
        return new ContactBinding(address, OptionalInt.of(seconds), instanceId, regId, otherParameters);
    }

    /** The jain-sip Contact header of this binding. */
    public ContactHeader toHeader(HeaderFactory headers) {
        ContactHeader contact = headers.createContactHeader((Address) address.clone());
        try {
            for (Map.Entry<String, String> parameter : otherParameters.entrySet()) {
                contact.setParameter(parameter.getKey(), parameter.getValue().isEmpty() ? null
                        : HeaderParameters.isToken(parameter.getValue()) ? parameter.getValue()
                        : "\"" + parameter.getValue() + "\"");
            }
            if (instanceId.isPresent()) {
                ((ParametersHeader) contact).setQuotedParameter("+sip.instance", instanceId.get());
            }
            if (regId.isPresent()) {
                contact.setParameter("reg-id", Integer.toString(regId.getAsInt()));
            }
            if (expires.isPresent()) {
                contact.setExpires(expires.getAsInt());
            }
        } catch (ParseException | InvalidArgumentException e) {
            throw new MalformedSipHeaderException(NAME, "parameter refused", e);
        }
        return contact;
    }
}
