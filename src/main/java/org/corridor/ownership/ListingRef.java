package org.corridor.ownership;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.InvalidInputException;

/**
 * A reference to one entry of a sanctions list: the list (OFAC_SDN, UN, UK, EU, DEMO, ...) and the
 * entry's id on it. Written {@code LIST:ENTITY_ID}, as in the graph's CSV.
 */
public record ListingRef(String list, String entityId) implements Comparable<ListingRef> {

    private static final Pattern LIST = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern TEXT = Pattern.compile("([^:]+):(.+)");

    public ListingRef {
        list = list == null ? "" : list.strip();
        entityId = entityId == null ? "" : entityId.strip();
        if (!LIST.matcher(list).matches()) {
            throw new InvalidInputException(
                    "LISTING_INVALID", "a list name is 2 to 32 of A-Z, 0-9 and '_', such as OFAC_SDN: '" + list + "'");
        }
        if (entityId.isEmpty() || entityId.length() > 100) {
            throw new InvalidInputException("LISTING_INVALID", "a list entry id is 1 to 100 characters");
        }
    }

    /** Reads {@code LIST:ENTITY_ID}, such as {@code OFAC_SDN:36216}. */
    public static ListingRef parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException(
                    "LISTING_INVALID", "a listing is written LIST:ENTITY_ID, such as OFAC_SDN:36216: '" + text + "'");
        }
        return new ListingRef(matcher.group(1), matcher.group(2));
    }

    @Override
    public String toString() {
        return list + ":" + entityId;
    }

    @Override
    public int compareTo(ListingRef other) {
        return toString().compareTo(other.toString());
    }
}
