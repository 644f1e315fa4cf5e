package org.corridor.screening;

import java.util.Objects;

/**
 * Something about an active list that whoever relies on screening must know (issue 16), shown by
 * {@code lists show}, {@code /health}, the dashboard and every screening answer.
 *
 * @param kind {@code LIST_STALE} (older than its maximum age), {@code LIST_SAMPLE} (the file shipped
 *     with Corridor is not the publisher's current list) or {@code LIST_QUARANTINED} (a new version
 *     waits for a second person)
 * @param version the label of the version concerned
 */
public record ListNotice(String kind, SanctionsList list, String version, String message) {

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
