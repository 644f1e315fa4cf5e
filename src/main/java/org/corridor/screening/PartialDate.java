package org.corridor.screening;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date known to the year, the month or the day, as lists publish birth dates. {@code month} and
 * {@code day} are 0 when unknown; a day is only known together with its month.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

    public PartialDate {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (month < 0 || month > 12) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (day < 0 || day > 31 || (day > 0 && month == 0)) {
            throw new IllegalArgumentException("day out of range: " + day);
        }
        if (day > 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such date: " + year + "-" + month + "-" + day, e);
            }
        }
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(year, 0, 0);
    }

    /**
     * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; a month or day of {@code 00} is
     * read as unknown.
     *
     * @throws IllegalArgumentException when the text is not one of these forms
     */
    public static PartialDate parse(String text) {
        String value = text.strip();
        String[] parts = value.split("-", -1);
        if (parts.length > 3 || parts[0].length() != 4) {
            throw new IllegalArgumentException("not a date (YYYY, YYYY-MM or YYYY-MM-DD): '" + text + "'");
        }
        try {
            int year = Integer.parseInt(parts[0]);
            int month = parts.length > 1 ? parseTwoDigits(parts[1], text) : 0;
            int day = parts.length > 2 ? parseTwoDigits(parts[2], text) : 0;
            if (month == 0) {
                day = 0;
            }
            return new PartialDate(year, month, day);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a date (YYYY, YYYY-MM or YYYY-MM-DD): '" + text + "'", e);
        }
    }

    private static int parseTwoDigits(String part, String text) {
        if (part.length() != 2) {
            throw new IllegalArgumentException("not a date (YYYY, YYYY-MM or YYYY-MM-DD): '" + text + "'");
        }
        return Integer.parseInt(part);
    }

    public DatePrecision precision() {
        if (day > 0) {
            return DatePrecision.DAY;
        }
        return month > 0 ? DatePrecision.MONTH : DatePrecision.YEAR;
    }

    /** Months between the two dates at the precision both know, ignoring days; never negative. */
    int monthsApart(PartialDate other) {
        if (month == 0 || other.month == 0) {
            return Math.abs(year - other.year) * 12;
        }
        return Math.abs((year * 12 + month) - (other.year * 12 + other.month));
    }

    /** True when the two dates agree on every part that both of them know. */
    boolean agreesWith(PartialDate other) {
        if (year != other.year) {
            return false;
        }
        if (month == 0 || other.month == 0) {
            return true;
        }
        if (month != other.month) {
            return false;
        }
        return day == 0 || other.day == 0 || day == other.day;
    }

    @Override
    public int compareTo(PartialDate other) {
        int byYear = Integer.compare(year, other.year);
        if (byYear != 0) {
            return byYear;
        }
        int byMonth = Integer.compare(month, other.month);
        return byMonth != 0 ? byMonth : Integer.compare(day, other.day);
    }

    @Override
    public String toString() {
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }
}
