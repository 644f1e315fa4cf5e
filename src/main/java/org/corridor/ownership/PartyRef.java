package org.corridor.ownership;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.corridor.InvalidInputException;

/**
 * A party as other features name it: a stable id (a lowercase slug such as {@code
 * gulf-star-logistics-fze}), its name and its kind. The id is what the ownership graph is keyed by;
 * the name is what list screening matches.
 */
public record PartyRef(String id, String name, PartyKind kind) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,99}");

    public PartyRef {
        id = normaliseId(id);
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new InvalidInputException(
                    "PARTY_NAME_INVALID", "party " + id + " needs a name of 1 to 300 characters");
        }
        name = name.strip();
    }

    public static PartyRef entity(String id, String name) {
        return new PartyRef(id, name, PartyKind.ENTITY);
    }

    /**
     * A vessel as a party: its id is {@code imo-} and the seven-digit IMO number, so that a ship can be
     * designated (and owned) in the graph like any other party.
     */
    public static PartyRef vessel(String imo, String name) {
        return new PartyRef(vesselId(imo), name, PartyKind.VESSEL);
    }

    public static String vesselId(String imo) {
        return "imo-" + imo;
    }

    /** Lowercases and checks an id: 1 to 100 of a-z, 0-9, '.', '_', ':', '-', starting with a letter or digit. */
    public static String normaliseId(String id) {
        String normal = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (!ID.matcher(normal).matches()) {
            throw new InvalidInputException(
                    "PARTY_ID_INVALID",
                    "a party id is 1 to 100 of a-z, 0-9, '.', '_', ':' or '-', starting with a letter or digit: '"
                            + abbreviate(id) + "'");
        }
        return normal;
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id.strip().toLowerCase(Locale.ROOT)).matches();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
