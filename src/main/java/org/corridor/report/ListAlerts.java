package org.corridor.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The alerts about the sanctions lists (issue 16): a list older than its maximum age
 * ({@code LIST_STALE}), a shipped sample in use ({@code LIST_SAMPLE}) and a version waiting for a
 * second person ({@code LIST_QUARANTINED}). Wired by the application from screening's notices; the
 * lists' state is known as of now, so a date in the past has none.
 */
@FunctionalInterface
public interface ListAlerts {

    ListAlerts NONE = date -> List.of();

    List<Alert> asOf(LocalDate date);
}
