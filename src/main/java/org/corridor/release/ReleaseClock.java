package org.corridor.release;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The channel's clock and business zone as releases read them: now, today, and business days. */
record ReleaseClock(Clock clock, ZoneId zone) {

    Instant now() {
        return clock.instant();
    }

    /**
     * The business date in the channel's zone, from the instant itself: a clock's own zone plays no
     * part (a UTC clock would otherwise give 07-08 for 07-09 00:30 in Baghdad).
     */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Where a day ends in the channel's zone: the start of the next. */
    Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Adds business days, Monday to Friday. */
    static LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate date = from;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return date;
    }
}
