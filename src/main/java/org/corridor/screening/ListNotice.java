package org.corridor.screening;

import java.util.Objects;

/**
 * Something about an active list that whoever relies on screening must know (issue 16), shown by
 * {@code lists show}, {@code /health}, the dashboard and every screening answer.
 *
 * @param kind one of {@link Kind}, as text
 * @param version the label of the version concerned
 */
public record ListNotice(String kind, SanctionsList list, String version, String message) {

    /** The kinds of notice; openapi-fields.properties names this enum for the notices' {@code kind}. */
    public enum Kind {
        /** The version is older than its list's maximum age. */
        LIST_STALE,
        /** The file shipped with Corridor is not the publisher's current list. */
        LIST_SAMPLE,
        /** A new version waits for a second person. */
        LIST_QUARANTINED
    }

    public ListNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(message, "message");
    }

    /** {@code KIND list: message}, for one-line displays. */
    public String line() {
        return kind + " " + list + ": " + message;
    }
}
