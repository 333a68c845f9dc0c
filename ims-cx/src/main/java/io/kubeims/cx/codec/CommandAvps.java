package io.kubeims.cx.codec;

import io.kubeims.protocol.cx.CxAvp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.IntFunction;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;

/**
 * The AVPs of one received Cx command (or grouped AVP), read in a single pass: each AVP of the expected set is
 * decoded as it is met (so the first bad AVP is the one reported), a repeated single AVP is refused (5009), an AVP
 * Cx does not know follows {@link AvpReader#unknown}, and the envelope AVPs go to the envelope.
 */
final class CommandAvps {

    /** Decodes one AVP of a known definition. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Avp avp, CxAvp def) throws CxDecodeException;
    }

    /** Takes the AVPs common to every command (Session-Id, Origin-*, Result-Code, ...). */
    @FunctionalInterface
    interface Envelope {
        /** @return whether {@code def} was an envelope AVP (and has been read) */
        boolean accept(CxAvp def, Avp avp) throws CxDecodeException;
    }

    static final Envelope NO_ENVELOPE = (def, avp) -> false;
    static final Reader<String> UTF8 = AvpReader::utf8;
    static final Reader<byte[]> OCTETS = (avp, def) -> AvpReader.octets(avp);
    static final Reader<Long> UNSIGNED32 = AvpReader::unsigned32;

    static <E> Reader<E> enumerated(IntFunction<E> fromCode) {
        return (avp, def) -> AvpReader.enumerated(avp, def, fromCode);
    }

    private final EnumMap<CxAvp, Reader<?>> single = new EnumMap<>(CxAvp.class);
    private final EnumMap<CxAvp, Reader<?>> multiple = new EnumMap<>(CxAvp.class);
    private final EnumMap<CxAvp, Object> values = new EnumMap<>(CxAvp.class);
    private final EnumMap<CxAvp, List<Object>> lists = new EnumMap<>(CxAvp.class);

    /** Expects {@code def} at most once. */
    CommandAvps one(CxAvp def, Reader<?> reader) {
        single.put(def, reader);
        return this;
    }

    /** Expects {@code def} any number of times, kept in the order received. */
    CommandAvps many(CxAvp def, Reader<?> reader) {
        multiple.put(def, reader);
        return this;
    }

    /** The single pass; AVPs known to Cx but not expected here are ignored. */
    CommandAvps read(Iterable<Avp> avps, AvpIndex index, boolean strict, Envelope envelope)
            throws CxDecodeException {
        for (Avp avp : avps) {
            CxAvp def = index.find(avp);
            if (def == null) {
                AvpReader.unknown(avp, strict);
            } else if (!envelope.accept(def, avp)) {
                Reader<?> reader = single.get(def);
                if (reader != null) {
                    AvpReader.once(values.get(def), def, avp);
                    values.put(def, reader.read(avp, def));
                } else if ((reader = multiple.get(def)) != null) {
                    lists.computeIfAbsent(def, d -> new ArrayList<>()).add(reader.read(avp, def));
                }
            }
        }
        return this;
    }

    /** Reads the children of a grouped AVP (no envelope inside a grouped AVP). */
    CommandAvps read(AvpSet children, AvpIndex index, boolean strict) throws CxDecodeException {
        return read(children, index, strict, NO_ENVELOPE);
    }

    /** @return the value of a single AVP, or null when absent */
    @SuppressWarnings("unchecked")
    <T> T get(CxAvp def) {
        return (T) values.get(def);
    }

    /** @return the value of a single AVP, or {@code absent} */
    <T> T get(CxAvp def, T absent) {
        T value = get(def);
        return value == null ? absent : value;
    }

    /** @return the value of a mandatory single AVP; 5005 naming it when absent */
    <T> T require(CxAvp def) throws CxDecodeException {
        T value = get(def);
        GroupedAvps.require(value, def);
        return value;
    }

    /** @return the values of a multi-valued AVP in the order received (a new, possibly empty, list) */
    @SuppressWarnings("unchecked")
    <T> List<T> all(CxAvp def) {
        List<Object> list = lists.get(def);
        return list == null ? new ArrayList<>() : new ArrayList<>((List<T>) list);
    }
}
