package org.corridor.screening;

import java.util.Locale;

/**
 * What one field of a party did to a hit's score: the name sets it, birth date, nationality and
 * identifiers raise or lower it.
 *
 * @param field "name", "birth_date", "nationality" or "identifier"
 * @param delta the change to the score (for "name", the name score itself)
 */
public record Contribution(String field, double delta, String detail) {

    public String describe() {
        if (field.equals("name")) {
            return String.format(Locale.ROOT, "name %.3f: %s", delta, detail);
        }
        return String.format(Locale.ROOT, "%s %+.3f: %s", field, delta, detail);
    }
}
