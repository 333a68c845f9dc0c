package io.kubeims.protocol.enumdns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/** Loads the zone-file fixture {@code enumdns/e164.arpa.zone} with dnsjava's master-file parser. */
final class EnumTestZone {

    static final Name ORIGIN = Name.fromConstantString("e164.arpa.");
    private static final String RESOURCE = "/enumdns/e164.arpa.zone";

    private EnumTestZone() {
    }

    static Zone load() {
        try (InputStream in = EnumTestZone.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new Zone(ORIGIN, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NAPTR records the fixture holds at exactly this owner name (e.g. "*.1.0.5.5.5.2.1.6"). */
    static List<NAPTRRecord> naptrAt(Zone zone, String relativeOwner) {
        RRset set = zone.findExactMatch(Name.fromConstantString(relativeOwner + "." + ORIGIN), Type.NAPTR);
        if (set == null) {
            throw new IllegalStateException("fixture has no NAPTR at " + relativeOwner);
        }
        List<NAPTRRecord> records = new ArrayList<>();
        for (Record r : set.rrs(false)) {
            records.add((NAPTRRecord) r);
        }
        return records;
    }
}
