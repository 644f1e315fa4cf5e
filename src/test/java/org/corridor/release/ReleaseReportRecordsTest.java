package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.ANALYST;
import static org.corridor.release.ReleaseScenario.CHECKER;
import static org.corridor.release.ReleaseScenario.MAKER;
import static org.corridor.release.ReleaseScenario.OPERATIONS;
import static org.corridor.release.ReleaseScenario.REVIEWER;
import static org.corridor.release.ReleaseScenario.SENIOR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.money.Money;
import org.corridor.report.IdleFundsView;
import org.corridor.report.ReleaseRecords;
import org.corridor.report.ReportDocument;
import org.corridor.report.ReportName;
import org.corridor.report.Reports;
import org.corridor.report.Section;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports' port over the release tables after the worked scenario of docs/domain.md steps 4 to 7 are played on a real
 * database, and the 6(b) figures the reports take from it, through the reports Corridor wires.
 */
class ReleaseReportRecordsTest {

    /** A reader who may read every report: an auditor. */
    private static final org.corridor.audit.Actor READER = new org.corridor.audit.Actor("test", "AUDITOR");

    private static ReleaseScenario scenario;
    private static ReleaseRecords records;
    private static Reports reports;

    @BeforeAll
    static void play() {
        scenario = new ReleaseScenario().setUp();
        Releases releases = scenario.releases;

        // Step 4, 2024-07-05: the split into -A and -B.
        scenario.at("2024-07-05T09:00");
        Releases.Submission submission = releases.submit(AGENT, ReleaseScenario.dr0412());
        Release a = submission.parts().get(0);

        // Step 5: the purchaser's false hit (four eyes), the forwarder blocked, the vessel escalated.
        scenario.at("2024-07-08T09:00");
        ScreeningHit purchaser = hit(a, "PURCHASER");
        releases.dispose(
                ANALYST,
                purchaser.id(),
                new Releases.Disposition("FALSE_POSITIVE", "address, registration number and directors differ"));
        releases.dispose(
                REVIEWER,
                purchaser.id(),
                new Releases.Disposition(
                        "FALSE_POSITIVE", "confirmed: a hospital supplier, not the IRGC trading house"));
        releases.dispose(
                ANALYST,
                hit(a, "FORWARDER").id(),
                new Releases.Disposition(
                        "TRUE_MATCH", "55% held by listed Entity X (30%) and Entity Y (25%): blocked by ownership"));
        releases.dispose(
                ANALYST,
                hit(a, "VESSEL").id(),
                new Releases.Disposition("ESCALATED", "41-hour AIS gap near a known ship-to-ship area"));
        releases.amend(
                AGENT,
                a.id(),
                Releases.Amendment.ofParties(
                        Optional.of(ReleaseScenario.party("Rhine Freight Forwarding AG", "CH")),
                        Optional.of(ReleaseScenario.containerService()),
                        "new forwarder; new B/L data"));

        // Step 6: the bank's approvals on 2024-07-08, the Authority's no-objection on 2024-07-10.
        scenario.at("2024-07-08T10:12");
        releases.approve(MAKER, a.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        scenario.at("2024-07-08T15:40");
        releases.approve(CHECKER, a.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        scenario.at("2024-07-08T17:05");
        releases.approve(
                SENIOR, a.id(), new Releases.ApprovalInput("SENIOR_COMPLIANCE", Optional.empty(), Optional.empty()));
        scenario.at("2024-07-10T09:00");
        releases.approve(
                ReleaseScenario.OPERATIONS,
                a.id(),
                new Releases.ApprovalInput("AUTHORITY", Optional.of("AUTH-DSB-0412"), Optional.empty()));

        // Step 7: held by the expired waiver on 2024-07-10, executed under W-20 on 2024-07-17.
        releases.schedule(OPERATIONS, a.id(), LocalDate.parse("2024-07-10"));
        releases.execute(OPERATIONS, a.id(), LocalDate.parse("2024-07-10"));
        scenario.at("2024-07-16T09:00");
        scenario.renew();
        scenario.at("2024-07-17T09:00");
        releases.execute(OPERATIONS, a.id(), LocalDate.parse("2024-07-17"));

        // Reports are read later, as the lead's demo does.
        scenario.clock.set(Instant.parse("2026-01-15T09:00:00Z"));
        records = releases.reportRecords();
        reports = scenario.corridor.reports();
    }

    @AfterAll
    static void close() {
        scenario.close();
    }

    private static ScreeningHit hit(Release release, String role) {
        return scenario.releases.get(release.id()).hits().stream()
                .filter(hit -> hit.partyRole().equals(role) && !hit.superseded())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no hit on " + role));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static Money eur(String amount) {
        return Money.parse(amount, ReleaseScenario.EUR);
    }

    private static Section.Table table(ReportDocument report, String title) {
        return report.tables().stream()
                .filter(t -> t.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + title));
    }

    @Test
    void held_amounts_follow_the_transition_history_for_past_dates() {
        assertThat(records.heldAsOf(date("2024-07-04"))).isEmpty();
        assertThat(records.heldAsOf(date("2024-07-09")))
                .extracting(
                        ReleaseRecords.HeldAmount::requestId,
                        ReleaseRecords.HeldAmount::reason,
                        ReleaseRecords.HeldAmount::amount,
                        ReleaseRecords.HeldAmount::since)
                .containsExactlyInAnyOrder(
                        tuple("DR-2024-0412-A", "PENDING_AUTHORITY_APPROVAL", eur("4704000.00"), date("2024-07-08")),
                        tuple("DR-2024-0412-B", "SPECIFIC_LICENCE", eur("950000.00"), date("2024-07-05")));
        assertThat(records.heldAsOf(date("2024-07-12")))
                .extracting(
                        ReleaseRecords.HeldAmount::requestId,
                        ReleaseRecords.HeldAmount::reason,
                        ReleaseRecords.HeldAmount::amount,
                        ReleaseRecords.HeldAmount::since)
                .containsExactlyInAnyOrder(
                        tuple("DR-2024-0412-A", "AUTHORISATION_GAP", eur("4704000.00"), date("2024-07-10")),
                        tuple("DR-2024-0412-B", "SPECIFIC_LICENCE", eur("950000.00"), date("2024-07-05")));
        assertThat(records.heldAsOf(date("2024-09-30")))
                .containsExactly(new ReleaseRecords.HeldAmount(
                        "DR-2024-0412-B", "SPECIFIC_LICENCE", eur("950000.00"), date("2024-07-05")));
    }

    @Test
    void the_disbursement_carries_its_lines_parties_authorisation_and_approvals() {
        assertThat(records.disbursements(date("2024-07-01"), date("2024-07-16")))
                .isEmpty();
        assertThat(records.disbursements(date("2024-07-01"), date("2024-09-30")))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.requestId()).isEqualTo("DR-2024-0412-A");
                    assertThat(d.valueDate()).isEqualTo(date("2024-07-17"));
                    assertThat(d.sourceAccount()).isEqualTo("NIGC-EUR-R");
                    assertThat(d.vendor()).isEqualTo("Alpenmed Pharma AG");
                    assertThat(d.vendorCountry()).isEqualTo("CH");
                    assertThat(d.vendorBank()).isEqualTo("Swiss Commercial Bank");
                    assertThat(d.purchaser()).isEqualTo("Tehran Medical Supply Co.");
                    assertThat(d.endUser()).isEqualTo("Ministry of Health hospitals");
                    assertThat(d.endUserType()).isEqualTo("HOSPITAL");
                    assertThat(d.amount()).isEqualTo(eur("4704000.00"));
                    assertThat(d.authorisationReference()).isEqualTo("W-20");
                    assertThat(d.approvalReference()).contains("AUTH-DSB-0412");
                    assertThat(d.approvals())
                            .contains("maker olga 2024-07-08 10:12")
                            .contains("compliance carla 2024-07-08 15:40")
                            .contains("senior compliance sami 2024-07-08 17:05")
                            .contains("AUTH-DSB-0412");
                    assertThat(d.shipment()).contains("Alpine Container Line", "Rhine Freight Forwarding AG");
                    assertThat(d.lines())
                            .extracting(
                                    ReleaseRecords.GoodsLine::hsCode,
                                    ReleaseRecords.GoodsLine::category,
                                    ReleaseRecords.GoodsLine::quantity,
                                    ReleaseRecords.GoodsLine::unitPrice,
                                    ReleaseRecords.GoodsLine::amount)
                            .containsExactly(
                                    tuple("3004.90", "MEDICINE", "120000", eur("25.00"), eur("3000000.00")),
                                    tuple("3004.31", "MEDICINE", "180000", eur("6.80"), eur("1224000.00")),
                                    tuple("9018.19", "DEVICE", "200", eur("2400.00"), eur("480000.00")));
                });
    }

    @Test
    void hits_carry_their_dispositions_and_the_rejection_its_rpt_5_due_date() {
        List<ReleaseRecords.ScreeningHit> hits = records.hits(date("2024-07-01"), date("2024-07-31"));
        assertThat(hits)
                .extracting(
                        ReleaseRecords.ScreeningHit::party,
                        hit -> hit.decision().orElse(""))
                .contains(
                        tuple("Tehran Medical Supply Co.", "FALSE_POSITIVE"),
                        tuple("Gulf Star Logistics FZE", "TRUE_MATCH"),
                        tuple("MV Sea Lark", "ESCALATED"));
        assertThat(hits)
                .filteredOn(hit -> hit.party().equals("Tehran Medical Supply Co."))
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.requestId()).isEqualTo("DR-2024-0412-A");
                    assertThat(hit.listName()).isEqualTo("OFAC_SDN");
                    assertThat(hit.listedName()).isEqualTo("Tehran Medico Trading");
                    assertThat(hit.analyst()).contains("amira");
                    assertThat(hit.reviewer()).contains("rita");
                    assertThat(hit.rationale()).contains("hospital supplier");
                    assertThat(hit.decidedAt()).isPresent();
                    assertThat(hit.requestOpen()).isFalse();
                });
        assertThat(records.hits(date("2024-08-01"), date("2024-08-31"))).isEmpty();

        assertThat(records.rejections(date("2024-07-01"), date("2024-07-31")))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.requestId()).isEqualTo("DR-2024-0412-A");
                    assertThat(event.party()).isEqualTo("Gulf Star Logistics FZE");
                    assertThat(event.amount()).isEmpty();
                    assertThat(event.occurredOn()).isEqualTo(date("2024-07-08"));
                    assertThat(event.reportDueOn()).isEqualTo(date("2024-07-22"));
                });
        assertThat(records.rejections(date("2024-07-09"), date("2024-07-31"))).isEmpty();
    }

    @Test
    void follow_ups_prior_approvals_and_pending_requests_are_dated() {
        assertThat(records.followUpsAsOf(date("2024-07-16"))).isEmpty();
        assertThat(records.followUpsAsOf(date("2024-09-30")))
                .extracting(ReleaseRecords.FollowUp::document, ReleaseRecords.FollowUp::dueOn)
                .contains(
                        tuple("BILL_OF_LADING", date("2024-08-16")),
                        tuple("DELIVERY_CONFIRMATION", date("2024-10-15")),
                        tuple("END_USE_STATEMENT", date("2024-10-15")));

        assertThat(records.priorApprovals(date("2024-07-01"), date("2024-07-31")))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.requestId()).isEqualTo("DR-2024-0412-A");
                    assertThat(request.kind()).isEqualTo("PRIOR_APPROVAL");
                    assertThat(request.authority()).isEqualTo("US Department of State");
                    assertThat(request.sentOn()).isEqualTo(date("2024-07-08"));
                    assertThat(request.amount()).isEqualTo(eur("4704000.00"));
                    assertThat(request.status()).isEqualTo("NO_OBJECTION");
                    assertThat(request.answerReference()).contains("AUTH-DSB-0412");
                    assertThat(request.answeredOn()).contains(date("2024-07-10"));
                });
        assertThat(records.priorApprovals(date("2024-07-09"), date("2024-07-31")))
                .isEmpty();

        assertThat(records.pendingAsOf(date("2024-07-06")))
                .extracting(ReleaseRecords.PendingRequest::requestId, ReleaseRecords.PendingRequest::stage)
                .containsExactlyInAnyOrder(
                        tuple("DR-2024-0412-A", "SCREENING"), tuple("DR-2024-0412-B", "SPECIFIC_LICENCE"));
        assertThat(records.pendingAsOf(date("2024-07-09")))
                .extracting(
                        ReleaseRecords.PendingRequest::requestId,
                        ReleaseRecords.PendingRequest::stage,
                        ReleaseRecords.PendingRequest::since)
                .containsExactlyInAnyOrder(
                        tuple("DR-2024-0412-A", "AUTHORITY_APPROVAL", date("2024-07-08")),
                        tuple("DR-2024-0412-B", "SPECIFIC_LICENCE", date("2024-07-05")));
        assertThat(records.pendingAsOf(date("2024-09-30")))
                .containsExactly(new ReleaseRecords.PendingRequest(
                        "DR-2024-0412-B", "SPECIFIC_LICENCE", date("2024-07-05"), eur("950000.00")));
    }

    @Test
    void rpt_2_shows_950_000_held_for_a_specific_licence_aged_87_days_and_4_704_000_disbursed_in_q3() {
        IdleFundsView view = reports.idleFunds(date("2024-09-30"));
        assertThat(view.heldByReason()).singleElement().satisfies(total -> {
            assertThat(total.reason()).isEqualTo("SPECIFIC_LICENCE");
            assertThat(total.amountEur()).isEqualTo(eur("950000.00"));
        });
        assertThat(view.held()).singleElement().satisfies(line -> {
            assertThat(line.reference()).isEqualTo("DR-2024-0412-B");
            assertThat(line.days()).isEqualTo(87);
        });
        assertThat(view.disbursedEur()).isEqualTo(eur("4704000.00"));
    }

    @Test
    void rpt_7_totals_the_register_by_hs_chapter_and_category() {
        ReportDocument register = reports.report(ReportName.RPT_7, date("2024-07-01"), date("2024-09-30"), READER);
        assertThat(table(register, "By HS chapter").rows())
                .containsExactly(List.of("30", "EUR", "2", "4224000.00"), List.of("90", "EUR", "1", "480000.00"));
        assertThat(table(register, "By category").rows())
                .containsExactly(
                        List.of("DEVICE", "EUR", "1", "480000.00"), List.of("MEDICINE", "EUR", "2", "4224000.00"));
        assertThat(table(register, "By vendor country").rows())
                .containsExactly(List.of("CH", "EUR", "3", "4704000.00"));
    }

    @Test
    void rpt_5_rpt_10_and_rpt_4_carry_the_forwarder_the_authority_reference_and_the_false_positive() {
        ReportDocument rejected = reports.report(ReportName.RPT_5, date("2024-07-01"), date("2024-07-31"), READER);
        assertThat(table(rejected, "Blocked and rejected transactions").rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("Gulf Star Logistics FZE", "2024-07-08", "2024-07-22"));

        ReportDocument requests = reports.report(ReportName.RPT_10, date("2024-07-01"), date("2024-07-31"), READER);
        assertThat(table(requests, "Prior-approval and pre-notification requests")
                        .rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("DR-2024-0412-A", "NO_OBJECTION", "AUTH-DSB-0412"));

        ReportDocument hits = reports.report(ReportName.RPT_4, date("2024-07-01"), date("2024-07-31"), READER);
        assertThat(table(hits, "Screening hits and dispositions").rows())
                .anySatisfy(row -> assertThat(row)
                        .contains(
                                "Tehran Medical Supply Co.",
                                "Tehran Medico Trading",
                                "amira",
                                "rita",
                                "FALSE_POSITIVE"));

        ReportDocument july = reports.report(ReportName.RPT_1, date("2024-07-01"), date("2024-07-31"), READER);
        assertThat(table(july, "Disbursements").rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("DR-2024-0412-A", "4704000.00", "W-20", "AUTH-DSB-0412"));
        assertThat(table(july, "Held requests at the end of the period").rows())
                .singleElement()
                .satisfies(row -> assertThat(row).contains("DR-2024-0412-B", "SPECIFIC_LICENCE"));
    }
}
