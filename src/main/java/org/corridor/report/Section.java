package org.corridor.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** One part of a report: text, key figures, a table or a chart. */
public sealed interface Section {

    String title();

    /** Prose, such as an operational note for management. */
    record Paragraph(String title, String text) implements Section {}

    /** Key indicators shown large: label and value as text (already formatted, exact). */
    record Figures(String title, List<Figure> figures) implements Section {
        public Figures {
            figures = List.copyOf(figures);
        }
    }

    /** @param tone {@code ""}, {@code "ok"}, {@code "warn"} or {@code "bad"}, for emphasis */
    record Figure(String label, String value, String tone) {
        public static Figure of(String label, String value) {
            return new Figure(label, value, "");
        }
    }

    /** Rows of cells under named columns; cells are exact text (amounts as decimal strings). */
    record Table(String title, List<Column> columns, List<List<String>> rows) implements Section {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            title + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    /**
     * @param name the key of the column in JSON and CSV, in snake_case ({@code amount_eur})
     * @param numeric right-aligned and grouped in print
     */
    record Column(String name, boolean numeric) {
        /** Abbreviations that print in capitals in a heading. */
        private static final Set<String> CAPITALS =
                Set.of("eur", "iqd", "usd", "omr", "id", "imo", "uetr", "iso", "rpt", "bic", "iban", "fx");

        /** The name as a printed heading reads it: {@code amount_eur} is "Amount EUR". */
        public String heading() {
            StringBuilder heading = new StringBuilder();
            for (String word : name.split("[_\\s]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String printed =
                        CAPITALS.contains(word) ? word.toUpperCase(Locale.ROOT) : word.equals("percent") ? "%" : word;
                if (heading.length() == 0) {
                    printed = Character.toUpperCase(printed.charAt(0)) + printed.substring(1);
                } else {
                    heading.append(' ');
                }
                heading.append(printed);
            }
            return heading.toString();
        }

        public static Column text(String name) {
            return new Column(name, false);
        }

        public static Column number(String name) {
            return new Column(name, true);
        }
    }

    /** Horizontal bars split into parts (ageing buckets per account). */
    record StackedBars(String title, List<String> partLabels, List<StackedBar> bars) implements Section {
        public StackedBars {
            partLabels = List.copyOf(partLabels);
            bars = List.copyOf(bars);
        }
    }

    record StackedBar(String label, List<BigDecimal> parts) {
        public StackedBar {
            parts = List.copyOf(parts);
        }
    }

    /** Vertical bars (utilisation per month). */
    record Bars(String title, String unit, List<Bar> bars) implements Section {
        public Bars {
            bars = List.copyOf(bars);
        }
    }

    record Bar(String label, BigDecimal value) {}

    /** Date ranges on a calendar (authorisations), with gaps marked. */
    record Timeline(String title, LocalDate from, LocalDate to, List<Span> spans, List<Span> gaps) implements Section {
        public Timeline {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            spans = List.copyOf(spans);
            gaps = List.copyOf(gaps);
        }
    }

    /** @param tone {@code "ok"}, {@code "warn"}, {@code "bad"} or {@code ""} */
    record Span(String label, LocalDate from, LocalDate to, String tone) {}
}
