package io.kubeims.cscf.sip.header;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/**
 * Headers holding option tags (RFC 3261 19.2): read as a list, compared case-insensitively (RFC 3261 7.3.1: field
 * values are case-insensitive unless a header says otherwise), e.g. whether {@code path} is supported (RFC 3327) or
 * removing {@code sec-agree} towards the core (TS 24.229 5.2.7.2).
 */
public enum OptionTagHeader {

    /** RFC 3261 20.32. */
    REQUIRE("Require"),
    /** RFC 3261 20.29. */
    PROXY_REQUIRE("Proxy-Require"),
    /** RFC 3261 20.37. */
    SUPPORTED("Supported"),
    /** RFC 3261 20.40. */
    UNSUPPORTED("Unsupported");

    /** RFC 3261 25.1 token: an option tag; compiled once, used on every message. */
    private static final Pattern OPTION_TAG = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");

    private final String headerName;

    OptionTagHeader(String headerName) {
        this.headerName = headerName;
    }

    /** The header name as written on the wire. */
    public String headerName() {
        return headerName;
    }

    /** All option tags, in order, without duplicates. */
    public List<String> read(Message message) {
        Set<String> tags = new LinkedHashSet<>();
        for (String value : HeaderText.values(message, headerName)) {
            for (String tag : value.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.trim());
                }
            }
        }
        return new ArrayList<>(tags);
    }

    /** True when the tag is listed. */
    public boolean contains(Message message, String tag) {
        return read(message).stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }

    /** Replaces the header by these tags (none: the header is removed). */
    public void write(Message message, List<String> tags, HeaderFactory headers) {
        for (String tag : tags) {
            if (!OPTION_TAG.matcher(tag).matches()) {
                throw new MalformedSipHeaderException(headerName, "not an option tag: '" + tag + "'");
            }
        }
        HeaderText.replace(message, headers, headerName, tags, false);
    }

    /** Adds a tag unless present. */
    public void add(Message message, String tag, HeaderFactory headers) {
        List<String> tags = read(message);
        if (tags.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
            tags.add(tag);
            write(message, tags, headers);
        }
    }

    /** Removes a tag; the header goes when it was the last one. Returns whether it was there. */
    public boolean remove(Message message, String tag, HeaderFactory headers) {
        List<String> tags = read(message);
        boolean removed = tags.removeIf(t -> t.toLowerCase(Locale.ROOT).equals(tag.toLowerCase(Locale.ROOT)));
        if (removed) {
            write(message, tags, headers);
        }
        return removed;
    }
}
