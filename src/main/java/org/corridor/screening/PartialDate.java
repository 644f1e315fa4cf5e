package org.corridor.screening;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

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

    private static final java.util.regex.Pattern YEAR_FIRST =
            java.util.regex.Pattern.compile("(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?");
    private static final java.util.regex.Pattern DAY_FIRST =
            java.util.regex.Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final java.util.regex.Pattern MONTH_YEAR =
            java.util.regex.Pattern.compile("(\\d{1,2})[-/.](\\d{4})");
    private static final java.util.regex.Pattern WORDS =
            java.util.regex.Pattern.compile("(?:(\\d{1,2})\\s+)?([a-z]{3,9})\\s+(?:(\\d{1,2}),?\\s+)?(\\d{4})");
    private static final java.util.regex.Pattern APPROXIMATE =
            java.util.regex.Pattern.compile("^(?:circa|approx(?:imately)?|about|around|ca|c|abt)\\.?\\s*");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /**
     * Reads a birth date as people write it, beyond {@link #parse}'s forms: {@code 1969-7-16},
     * {@code 1969/07/16}, {@code 16/07/1969} and {@code 16.07.1969} (day first, or month first when only
     * that order is a date: {@code 07/16/1969}), {@code 07/1969}, {@code 16 Jul 1969},
     * {@code July 16, 1969}, {@code circa 1969}. When day and month could be either way round
     * ({@code 05/07/1969}) only the year is kept, so a guess never costs a true match. Empty when
     * nothing of a date can be read.
     */
    public static java.util.Optional<PartialDate> read(String text) {
        String value = APPROXIMATE
                .matcher(text.strip().toLowerCase(java.util.Locale.ROOT))
                .replaceFirst("");
        try {
            java.util.regex.Matcher m = YEAR_FIRST.matcher(value);
            if (m.matches()) {
                int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                int day = month == 0 || m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                return java.util.Optional.of(new PartialDate(Integer.parseInt(m.group(1)), month, day));
            }
            m = DAY_FIRST.matcher(value);
            if (m.matches()) {
                return java.util.Optional.of(dayMonthYear(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = MONTH_YEAR.matcher(value);
            if (m.matches()) {
                return java.util.Optional.of(
                        new PartialDate(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), 0));
            }
            m = WORDS.matcher(value);
            if (m.matches() && MONTHS.contains(m.group(2).substring(0, 3))) {
                int month = MONTHS.indexOf(m.group(2).substring(0, 3)) + 1;
                String day = m.group(1) != null ? m.group(1) : m.group(3);
                return java.util.Optional.of(
                        new PartialDate(Integer.parseInt(m.group(4)), month, day == null ? 0 : Integer.parseInt(day)));
            }
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    /** Two numbers before a year: day first, unless only the other order is a date; both: the year. */
    private static PartialDate dayMonthYear(int first, int second, int year) {
        if (first > 12 && second <= 12) {
            return new PartialDate(year, second, first);
        }
        if (second > 12 && first <= 12) {
            return new PartialDate(year, first, second);
        }
        if (first == second) {
            return new PartialDate(year, first, first);
        }
        if (first > 12) {
            throw new IllegalArgumentException("no month in " + first + "/" + second);
        }
        return ofYear(year);
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
