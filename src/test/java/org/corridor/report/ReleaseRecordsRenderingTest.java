package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.settlement.Scenario.date;
import static org.corridor.settlement.Scenario.eur;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.settlement.Scenario;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the reports make of release records once the release feature answers the port: the 6(b)
 * records of DR-2024-0412, given as fixed data (the release feature is built elsewhere), over the
 * real settlement scenario.
 */
class ReleaseRecordsRenderingTest {

    /** A reader who may read every report: an auditor. */
    private static final org.corridor.audit.Actor READER = new org.corridor.audit.Actor("test", "AUDITOR");

    /** The release side of 6(b) steps 4 to 7 as the port would return it. */
    record Scenario6b() implements ReleaseRecords {

        static final ReleaseRecords.Disbursement DR_A = new ReleaseRecords.Disbursement(
                "DR-2024-0412-A",
                date("2024-07-17"),
                "NIGC-EUR-R",
                "Alpenmed Pharma AG",
                "CH",
                "Swiss bank",
                "Tehran Medical Supply Co.",
                "Ministry of Health hospitals",
                "HOSPITAL",
                List.of(
                        new ReleaseRecords.GoodsLine(
                                "Imatinib 400 mg tablets",
                                "3004.90",
                                "MEDICINE",
                                "120000",
                                eur("25.00"),
                                eur("3000000.00")),
                        new ReleaseRecords.GoodsLine(
                                "Insulin glargine pens",
                                "3004.31",
                                "MEDICINE",
                                "180000",
                                eur("6.80"),
                                eur("1224000.00")),
                        new ReleaseRecords.GoodsLine(
                                "Patient monitors", "9018.19", "DEVICE", "200", eur("2400.00"), eur("480000.00"))),
                eur("4704000.00"),
                "W-20",
                Optional.of("AUTH-DSB-0412"),
                "maker 2024-07-08 10:12; checker 2024-07-08 15:40; senior 2024-07-08 17:05",
                "container service, new B/L");

        @Override
        public List<HeldAmount> heldAsOf(LocalDate date) {
            return date.isBefore(date("2024-07-05"))
                    ? List.of()
                    : List.of(
                            new HeldAmount("DR-2024-0412-B", "SPECIFIC_LICENCE", eur("950000.00"), date("2024-07-05")));
        }

        @Override
        public List<Disbursement> disbursements(LocalDate from, LocalDate to) {
            return within(DR_A.valueDate(), from, to) ? List.of(DR_A) : List.of();
        }

        @Override
        public List<ScreeningHit> hits(LocalDate from, LocalDate to) {
            if (!within(date("2024-07-05"), from, to)) {
                return List.of();
            }
            return List.of(
                    new ScreeningHit(
                            "HIT-1",
                            "DR-2024-0412",
                            "Tehran Medical Supply Co.",
                            "SDN",
                            "Tehran Medico Trading",
                            new BigDecimal("0.88"),
                            Optional.of("anna"),
                            Optional.of("rita"),
                            Optional.of("FALSE_POSITIVE"),
                            "address, registration number and directors differ",
                            Instant.parse("2024-07-05T08:00:00Z"),
                            Optional.of(Instant.parse("2024-07-05T11:30:00Z")),
                            false),
                    new ScreeningHit(
                            "HIT-2",
                            "DR-2024-0412",
                            "Gulf Star Logistics FZE",
                            "SDN (50 Percent Rule)",
                            "Entity X, Entity Y",
                            BigDecimal.ONE,
                            Optional.of("anna"),
                            Optional.of("rita"),
                            Optional.of("TRUE_MATCH"),
                            "55% owned by listed entities",
                            Instant.parse("2024-07-05T08:00:00Z"),
                            Optional.of(Instant.parse("2024-07-08T07:00:00Z")),
                            false));
        }

        @Override
        public List<RejectedEvent> rejections(LocalDate from, LocalDate to) {
            return within(date("2024-07-08"), from, to)
                    ? List.of(new RejectedEvent(
                            "REJ-1",
                            "DR-2024-0412",
                            "Gulf Star Logistics FZE",
                            "BLOCKED_BY_OWNERSHIP",
                            Optional.empty(),
                            date("2024-07-08"),
                            date("2024-07-22"),
                            Optional.empty()))
                    : List.of();
        }

        @Override
        public List<FollowUp> followUpsAsOf(LocalDate date) {
            return date.isBefore(date("2024-07-17"))
                    ? List.of()
                    : List.of(
                            new FollowUp("DR-2024-0412-A", "BILL_OF_LADING", date("2024-08-16"), Optional.empty()),
                            new FollowUp("DR-2024-0412-A", "END_USE_STATEMENT", date("2024-10-15"), Optional.empty()));
        }

        @Override
        public List<PriorApproval> priorApprovals(LocalDate from, LocalDate to) {
            return within(date("2024-07-08"), from, to)
                    ? List.of(new PriorApproval(
                            "DR-2024-0412-A",
                            "PRIOR_APPROVAL",
                            "OFAC",
                            date("2024-07-08"),
                            eur("4704000.00"),
                            "NO_OBJECTION",
                            Optional.of("AUTH-DSB-0412"),
                            Optional.of(date("2024-07-10"))))
                    : List.of();
        }

        @Override
        public List<PendingRequest> pendingAsOf(LocalDate date) {
            return List.of(
                    new PendingRequest("DR-2024-0412-B", "SPECIFIC_LICENCE", date("2024-07-05"), eur("950000.00")));
        }

        private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private static Corridor corridor;
    private static Reports reports;

    @BeforeAll
    static void replay() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        new Scenario(corridor).all();
        reports = new Reports(
                corridor.settlement(),
                corridor.authorisations(),
                corridor.audit(),
                corridor.database().transactions(),
                new Scenario6b(),
                ReportSettings.DEFAULTS,
                corridor.clock(),
                corridor.zone(),
                ListAlerts.NONE);
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

    @Test
    void rpt_2_shows_the_amount_held_for_a_specific_licence_aged_87_days() {
        IdleFundsView view = reports.idleFunds(date("2024-09-30"));
        assertThat(view.heldByReason()).singleElement().satisfies(total -> {
            assertThat(total.reason()).isEqualTo("SPECIFIC_LICENCE");
            assertThat(total.amountEur()).isEqualTo(eur("950000.00"));
        });
        assertThat(view.held())
                .singleElement()
                .satisfies(line -> assertThat(line.days()).isEqualTo(87));
    }

    @Test
    void rpt_7_totals_by_hs_chapter_and_category() {
        ReportDocument register = reports.report(ReportName.RPT_7, date("2024-07-01"), date("2024-07-31"), READER);
        assertThat(table(register, "By HS chapter").rows())
                .containsExactly(List.of("30", "EUR", "2", "4224000.00"), List.of("90", "EUR", "1", "480000.00"));
        assertThat(table(register, "By category").rows())
                .containsExactly(
                        List.of("DEVICE", "EUR", "1", "480000.00"), List.of("MEDICINE", "EUR", "2", "4224000.00"));
        assertThat(table(register, "By vendor country").rows())
                .containsExactly(List.of("CH", "EUR", "3", "4704000.00"));
    }

    @Test
    void rpt_1_for_july_carries_the_release_the_false_positive_and_the_rejected_forwarder() {
        ReportDocument july = reports.report(ReportName.RPT_1, date("2024-07-01"), date("2024-07-31"), READER);
        assertThat(table(july, "Disbursements").rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("DR-2024-0412-A", "4704000.00", "W-20", "AUTH-DSB-0412"));
        assertThat(table(july, "Goods lines").rows()).hasSize(3);
        assertThat(table(july, "False-positive log").rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("Tehran Medical Supply Co.", "FALSE_POSITIVE", "210"));
        assertThat(table(july, "Rejected or blocked attempts").rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("Gulf Star Logistics FZE", "2024-07-22"));
        assertThat(table(july, "Held requests at the end of the period").rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("DR-2024-0412-B", "SPECIFIC_LICENCE"));
    }

    @Test
    void rpt_8_and_alerts_flag_the_overdue_bill_of_lading() {
        ReportDocument exceptions = reports.report(ReportName.RPT_8, date("2024-08-01"), date("2024-09-30"), READER);
        assertThat(table(exceptions, "Post-payment exceptions").rows())
                .contains(
                        List.of("DR-2024-0412-A", "BILL_OF_LADING", "2024-08-16", "", "MISSING_OVERDUE"),
                        List.of("DR-2024-0412-A", "END_USE_STATEMENT", "2024-10-15", "", "OPEN_NOT_YET_DUE"));
        List<Alert> alerts = reports.alerts(date("2024-09-30"), READER);
        assertThat(alerts).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo("FOLLOW_UP_OVERDUE");
            assertThat(alert.message()).contains("BILL_OF_LADING");
        });
        assertThat(alerts).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo("REQUEST_WAITING");
            assertThat(alert.subject()).isEqualTo("DR-2024-0412-B");
        });
        assertThat(reports.alerts(date("2024-07-20"), READER))
                .anySatisfy(alert -> assertThat(alert.kind()).isEqualTo("REJECTION_REPORT_DUE"));
    }

    @Test
    void rpt_10_tracks_the_prior_approval_request() {
        ReportDocument requests = reports.report(ReportName.RPT_10, date("2024-07-01"), date("2024-07-31"), READER);
        assertThat(table(requests, "Prior-approval and pre-notification requests")
                        .rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("NO_OBJECTION", "AUTH-DSB-0412", "2024-07-10"));
    }
}
