package org.corridor.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.corridor.InvalidInputException;

/** Checks of a report's period, at the boundary. */
final class Periods {

    /** Periods longer than twenty years are refused: no report needs more, and one request should not walk everything. */
    static final long MAX_DAYS = 7_310;

    private Periods() {}

    static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("PERIOD_INVALID", "the period ends " + to + ", before it starts " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidInputException("PERIOD_INVALID", "a report covers at most " + MAX_DAYS + " days");
        }
    }
}
