package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.settlement.Scenario.date;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.corridor.app.Corridor;
import org.corridor.settlement.Scenario;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RPT-1 for July 2024, RPT-3 and RPT-6 from the 6(b) scenario; the release-fed reports empty. */
class ChannelReportsTest {

    /** A reader who may read every report: an auditor. */
    private static final org.corridor.audit.Actor READER = new org.corridor.audit.Actor("test", "AUDITOR");

    private static Corridor corridor;
    private static Reports reports;

    @BeforeAll
    static void replay() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        new Scenario(corridor).all();
        reports = corridor.reports();
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    private static Section.Table table(ReportDocument report, String title) {
        return report.tables().stream()
                .filter(t -> t.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + title));
    }

    private static Map<String, String> row(Section.Table table, String column, String value) {
        int index = columnIndex(table, column);
        List<String> row = table.rows().stream()
                .filter(r -> r.get(index).equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            cells.put(table.columns().get(i).name(), row.get(i));
        }
        return cells;
    }

    private static int columnIndex(Section.Table table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new AssertionError("no column " + column);
    }

    @Test
    void rpt_1_for_july_has_the_deposits_the_conversion_and_the_balances_either_side() {
        ReportDocument july = reports.report(ReportName.RPT_1, date("2024-07-01"), date("2024-07-31"), READER);

        Section.Table deposits = table(july, "Deposits");
        assertThat(deposits.rows()).hasSize(2);
        assertThat(row(deposits, "contract", "NIGC-GAS-2024"))
                .containsEntry("value_date", "2024-07-03")
                .containsEntry("amount", "332547930000.000")
                .containsEntry("rate", "1 EUR = 1404 IQD")
                .containsEntry("match", "FULL")
                .containsEntry("authorisation", "W-19");

        Section.Table conversions = table(july, "Conversions and transfers");
        assertThat(row(conversions, "kind", "CONVERSION"))
                .containsEntry("value_date", "2024-07-05")
                .containsEntry("source", "NIGC-IQD-R")
                .containsEntry("destination", "NIGC-EUR-R")
                .containsEntry("amount", "140400000000.000")
                .containsEntry("spread_percent", "0.15")
                .containsEntry("spread", "210600000.000")
                .containsEntry("credited", "99850000.00")
                .containsEntry("approval_reference", "AUTH-CNV-0711");

        Section.Table balances = table(july, "Opening and closing balances");
        assertThat(row(balances, "account", "NIGC-IQD-R"))
                .containsEntry("opening", "9828000000000.000")
                .containsEntry("deposited", "332547930000.000")
                .containsEntry("converted_out", "140400000000.000")
                .containsEntry("closing", "10020147930000.000");
        assertThat(row(balances, "account", "NIGC-EUR-R"))
                .containsEntry("opening", "0.00")
                .containsEntry("closing", "99850000.00");

        // Release-side sections render from the port: empty until the release feature is wired in.
        assertThat(table(july, "Disbursements").rows()).isEmpty();
        assertThat(table(july, "False-positive log").rows()).isEmpty();
        assertThat(table(july, "Rejected or blocked attempts").rows()).isEmpty();
        byte[] pdf = ReportRenderer.render(july, ReportFormat.PDF);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void rpt_3_shows_the_seven_day_gap_between_w19_and_w20_on_the_timeline() {
        ReportDocument calendar = reports.report(ReportName.RPT_3, date("2024-07-01"), date("2024-09-30"), READER);
        assertThat(row(table(calendar, "Gaps"), "series", "IRAQ-ENERGY"))
                .containsEntry("from", "2024-07-09")
                .containsEntry("to", "2024-07-15")
                .containsEntry("days", "7")
                .containsEntry("preceding", "W-19")
                .containsEntry("following", "W-20");
        Section.Table register = table(calendar, "Authorisations");
        assertThat(row(register, "reference", "W-19"))
                .containsEntry("status_on_2024-09-30", "EXPIRED")
                .containsEntry("renewed_by", "W-20");
        assertThat(row(register, "reference", "W-20")).containsEntry("status_on_2024-09-30", "ACTIVE");
        Section.Timeline timeline = calendar.sections().stream()
                .filter(Section.Timeline.class::isInstance)
                .map(Section.Timeline.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(timeline.spans()).extracting(Section.Span::label).containsExactly("W-19", "W-20");
        assertThat(timeline.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.from()).isEqualTo(date("2024-07-09"));
            assertThat(gap.to()).isEqualTo(date("2024-07-15"));
        });
        assertThat(new String(ReportRenderer.render(calendar, ReportFormat.PDF), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void rpt_6_is_settlements_reconciliation() {
        ReportDocument reconciliation =
                reports.report(ReportName.RPT_6, date("2024-06-01"), date("2024-06-30"), READER);
        Section.Table rows = table(reconciliation, "Reconciliation per contract and month");
        assertThat(row(rows, "contract", "NIGC-GAS-2024"))
                .containsEntry("month", "2024-06")
                .containsEntry("net_invoiced", "236857500.00")
                .containsEntry("status", "PAID");
    }

    @Test
    void release_fed_reports_are_empty_tables_with_their_columns_until_releases_are_wired() {
        for (ReportName name :
                List.of(ReportName.RPT_4, ReportName.RPT_5, ReportName.RPT_7, ReportName.RPT_8, ReportName.RPT_10)) {
            ReportDocument report = reports.report(name, date("2024-07-01"), date("2024-07-31"), READER);
            assertThat(report.tables()).isNotEmpty().allSatisfy(t -> {
                assertThat(t.columns()).isNotEmpty();
                assertThat(t.rows()).isEmpty();
            });
            String csv = new String(ReportRenderer.render(report, ReportFormat.CSV), StandardCharsets.UTF_8);
            assertThat(csv).isNotBlank();
        }
    }
}
