package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.ANALYST;
import static org.corridor.release.ReleaseScenario.CHECKER;
import static org.corridor.release.ReleaseScenario.MAKER;
import static org.corridor.release.ReleaseScenario.OPERATIONS;
import static org.corridor.release.ReleaseScenario.REVIEWER;
import static org.corridor.release.ReleaseScenario.SENIOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.ConflictException;
import org.corridor.ledger.HoldState;
import org.corridor.ledger.Transfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.payments.MessageSchemas;
import org.corridor.payments.Pacs008;
import org.corridor.payments.PaymentInstruction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** the worked scenario of docs/domain.md steps 4 to 7, exactly, on a real database. */
class ReleasesScenarioTest {

    private ReleaseScenario scenario;
    private Releases releases;

    @BeforeEach
    void open() {
        scenario = new ReleaseScenario().setUp();
        releases = scenario.releases;
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private ScreeningHit hit(Release release, String role, String source) {
        return releases.get(release.id()).hits().stream()
                .filter(hit -> hit.partyRole().equals(role) && hit.source().equals(source) && !hit.superseded())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + source + " hit on " + role));
    }

    @Test
    void dr_2024_0412_goes_from_request_to_a_schema_valid_pacs_008_under_w_20() {
        // Step 4, 2024-07-05: the split.
        scenario.at("2024-07-05T09:00");
        Releases.Submission submission = releases.submit(AGENT, ReleaseScenario.dr0412());
        assertThat(submission.request().state()).isEqualTo("SPLIT");
        assertThat(submission.parts())
                .extracting(Release::reference)
                .containsExactly("DR-2024-0412-A", "DR-2024-0412-B");
        Release a = submission.parts().get(0);
        Release b = submission.parts().get(1);
        assertThat(a.amount()).isEqualTo(Money.parse("4704000.00", Currency.EUR));
        assertThat(a.state()).isEqualTo("IN_REVIEW");
        assertThat(a.lines())
                .extracting(ReleaseLine::line, ReleaseLine::quantity, ReleaseLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "120000", "3000000.00"),
                        org.assertj.core.groups.Tuple.tuple("2", "180000", "1224000.00"),
                        org.assertj.core.groups.Tuple.tuple("3", "200", "480000.00"));
        assertThat(a.removed()).containsExactly(new RemovedPart("2", "20000", "LAW_ENFORCEMENT", "END_USER_EXCLUDED"));
        assertThat(a.requiredSteps()).containsExactly("MAKER", "COMPLIANCE", "SENIOR_COMPLIANCE", "AUTHORITY");
        assertThat(b.amount()).isEqualTo(Money.parse("950000.00", Currency.EUR));
        assertThat(b.state()).isEqualTo("HELD");
        assertThat(b.reason()).contains("SPECIFIC_LICENCE_REQUIRED");
        assertThat(submission.request().documents()).singleElement().satisfies(document -> {
            assertThat(document.type()).isEqualTo("PI");
            assertThat(document.sha256()).hasSize(64);
        });

        // Step 5: the purchaser's false hit, the forwarder blocked by ownership, the vessel's AIS gap.
        assertThat(releases.get(a.id()).hits())
                .extracting(ScreeningHit::partyRole, ScreeningHit::source)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("PURCHASER", "NAME"),
                        org.assertj.core.groups.Tuple.tuple("FORWARDER", "OWNERSHIP"),
                        org.assertj.core.groups.Tuple.tuple("VESSEL", "VESSEL"));
        ScreeningHit purchaser = hit(a, "PURCHASER", "NAME");
        assertThat(purchaser.entityName()).isEqualTo("Tehran Medico Trading");
        assertThat(purchaser.programmes()).containsExactly("IRGC");
        assertThat(Double.parseDouble(purchaser.score())).isGreaterThanOrEqualTo(0.60);

        scenario.at("2024-07-08T09:00");
        releases.dispose(
                ANALYST,
                purchaser.id(),
                new Releases.Disposition("FALSE_POSITIVE", "address, registration number and directors differ"));
        assertThat(releases.hit(purchaser.id()).state()).isEqualTo("OPEN");
        assertThat(releases.hit(purchaser.id()).proposed()).contains("FALSE_POSITIVE");
        ScreeningHit cleared = releases.dispose(
                REVIEWER,
                purchaser.id(),
                new Releases.Disposition(
                        "FALSE_POSITIVE", "confirmed: a hospital supplier, not the IRGC trading house"));
        assertThat(cleared.state()).isEqualTo("FALSE_POSITIVE");
        assertThat(cleared.firstBy()).contains("amira");
        assertThat(cleared.secondBy()).contains("rita");

        ScreeningHit forwarder = hit(a, "FORWARDER", "OWNERSHIP");
        assertThat(forwarder.why()).anyMatch(line -> line.contains("BLOCKED_BY_OWNERSHIP"));
        releases.dispose(
                ANALYST,
                forwarder.id(),
                new Releases.Disposition(
                        "TRUE_MATCH", "55% held by listed Entity X (30%) and Entity Y (25%): blocked by ownership"));
        Release afterForwarder = releases.get(a.id());
        assertThat(afterForwarder.state()).isEqualTo("HELD");
        assertThat(afterForwarder.reason()).contains("PARTY_REPLACEMENT_REQUIRED");
        assertThat(afterForwarder.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.partyName()).isEqualTo("Gulf Star Logistics FZE");
            assertThat(rejection.occurredOn()).isEqualTo(LocalDate.parse("2024-07-08"));
            assertThat(rejection.reportDueOn()).isEqualTo(LocalDate.parse("2024-07-22"));
        });

        ScreeningHit vessel = hit(a, "VESSEL", "VESSEL");
        assertThat(vessel.why()).anyMatch(line -> line.contains("AIS gap of 41 hours"));
        assertThat(releases.dispose(
                                ANALYST,
                                vessel.id(),
                                new Releases.Disposition("ESCALATED", "41-hour AIS gap near a known ship-to-ship area"))
                        .state())
                .isEqualTo("ESCALATED");

        // The vendor appoints another forwarder and switches to a scheduled container service.
        Release amended = releases.amend(
                AGENT,
                a.id(),
                Releases.Amendment.ofParties(
                        Optional.of(ReleaseScenario.party("Rhine Freight Forwarding AG", "CH")),
                        Optional.of(ReleaseScenario.containerService()),
                        "new forwarder; new B/L data"));
        assertThat(amended.state()).isEqualTo("IN_REVIEW");
        // The agent sees that compliance reviews its request, not the hits; compliance sees them.
        assertThat(amended.hits()).isEmpty();
        assertThat(releases.get(amended.id()).hits().stream().filter(hit -> !hit.superseded()))
                .extracting(ScreeningHit::state)
                .containsExactly("FALSE_POSITIVE");

        // Step 6: approvals, 2024-07-08, and the Authority's no-objection on 2024-07-10.
        Money before = scenario.balance();
        scenario.at("2024-07-08T10:12");
        releases.approve(MAKER, a.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        scenario.at("2024-07-08T15:40");
        releases.approve(CHECKER, a.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        scenario.at("2024-07-08T17:05");
        Release signed = releases.approve(
                SENIOR, a.id(), new Releases.ApprovalInput("SENIOR_COMPLIANCE", Optional.empty(), Optional.empty()));
        assertThat(signed.state()).isEqualTo("IN_REVIEW");
        assertThat(signed.holdId()).isPresent();
        assertThat(signed.holdAuthorisation()).contains("W-19");
        assertThat(scenario.available()).isEqualTo(before.minus(Money.parse("4704000.00", ReleaseScenario.EUR)));
        assertThat(scenario.balance()).isEqualTo(before);

        scenario.at("2024-07-10T09:00");
        Release approved = releases.approve(
                ReleaseScenario.OPERATIONS,
                a.id(),
                new Releases.ApprovalInput("AUTHORITY", Optional.of("AUTH-DSB-0412"), Optional.empty()));
        assertThat(approved.state()).isEqualTo("APPROVED");
        assertThat(approved.approvals())
                .extracting(Approval::step, approval -> approval.at().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MAKER", "2024-07-08T07:12:00Z"),
                        org.assertj.core.groups.Tuple.tuple("COMPLIANCE", "2024-07-08T12:40:00Z"),
                        org.assertj.core.groups.Tuple.tuple("SENIOR_COMPLIANCE", "2024-07-08T14:05:00Z"),
                        org.assertj.core.groups.Tuple.tuple("AUTHORITY", "2024-07-10T06:00:00Z"));

        // Step 7: the expired waiver holds the payment on 2024-07-10; nothing moves.
        // Whoever schedules the execution executes it on its day: not the maker (issue 23).
        releases.schedule(OPERATIONS, a.id(), LocalDate.parse("2024-07-10"));
        Release held = releases.execute(OPERATIONS, a.id(), LocalDate.parse("2024-07-10"));
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("AUTHORISATION_EXPIRED");
        assertThat(held.amount()).isEqualTo(Money.parse("4704000.00", Currency.EUR));
        assertThat(held.execution()).isEmpty();
        assertThat(scenario.balance()).isEqualTo(before);

        // 2024-07-16: W-20; the lists have not changed since, so a re-screen finds nothing.
        scenario.at("2024-07-16T09:00");
        scenario.renew();
        assertThat(releases.rescreen(List.of(), ReleaseScenario.REVIEWER)).isEmpty();

        // 2024-07-17: executed under W-20, with a new hold since the first ended with W-19.
        scenario.at("2024-07-17T09:00");
        Release executed = releases.execute(OPERATIONS, a.id(), LocalDate.parse("2024-07-17"));
        assertThat(executed.state()).isEqualTo("EXECUTED");
        assertThat(scenario.balance()).isEqualTo(Money.parse("95146000.00", ReleaseScenario.EUR));
        assertThat(scenario.available()).isEqualTo(Money.parse("95146000.00", ReleaseScenario.EUR));
        Execution execution = executed.execution().orElseThrow();
        assertThat(execution.authorisation()).isEqualTo("W-20");
        assertThat(execution.priorApproval()).contains("AUTH-DSB-0412");
        assertThat(execution.holdId()).isNotEqualTo(signed.holdId().orElseThrow());
        assertThat(scenario.corridor.ledger().holdState(signed.holdId().orElseThrow()))
                .contains(HoldState.EXPIRED);
        Transfer posted =
                scenario.corridor.ledger().transfer(execution.postId()).orElseThrow();
        assertThat(posted.references())
                .containsEntry("authorisation", "W-20")
                .containsEntry("prior_approval", "AUTH-DSB-0412")
                .containsEntry("release", "DR-2024-0412-A");

        assertThat(MessageSchemas.validatePacs008(execution.pacs008())).isEmpty();
        PaymentInstruction payment = Pacs008.read(execution.pacs008());
        assertThat(payment.amount()).isEqualTo(Money.parse("4704000.00", ReleaseScenario.EUR));
        assertThat(payment.endToEndId()).isEqualTo("DR-2024-0412-A");
        assertThat(payment.settlementDate()).isEqualTo(LocalDate.parse("2024-07-17"));
        assertThat(payment.creditor().name()).isEqualTo("Alpenmed Pharma AG");
        assertThat(String.join(" ", payment.remittance())).contains("W-20").contains("AUTH-DSB-0412");

        assertThat(executed.followUps())
                .extracting(FollowUp::kind, FollowUp::dueOn)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("BILL_OF_LADING", LocalDate.parse("2024-08-16")),
                        org.assertj.core.groups.Tuple.tuple("DELIVERY_CONFIRMATION", LocalDate.parse("2024-10-15")),
                        org.assertj.core.groups.Tuple.tuple("END_USE_STATEMENT", LocalDate.parse("2024-10-15")));
        assertThat(releases.overdueFollowUps(LocalDate.parse("2024-08-17")))
                .extracting(FollowUp::kind)
                .containsExactly("BILL_OF_LADING", "CERTIFICATE_OF_ORIGIN", "ORDER_REGISTRATION");

        // Executing again changes nothing: one payment.
        Release again = releases.execute(OPERATIONS, a.id(), LocalDate.parse("2024-07-17"));
        assertThat(again.execution()).contains(execution);
        assertThat(scenario.balance()).isEqualTo(Money.parse("95146000.00", ReleaseScenario.EUR));
        assertThat(scenario.corridor.ledger().transfersByReference("release", "DR-2024-0412-A", 100))
                .filteredOn(transfer -> transfer.kind().name().equals("POST_PENDING"))
                .hasSize(1);

        assertThat(releases.get(a.id()).transitions())
                .extracting(Transition::to, transition -> transition.reason().orElse(""))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DRAFT", ""),
                        org.assertj.core.groups.Tuple.tuple("SUBMITTED", ""),
                        org.assertj.core.groups.Tuple.tuple("IN_REVIEW", ""),
                        org.assertj.core.groups.Tuple.tuple("HELD", "PARTY_REPLACEMENT_REQUIRED"),
                        // The forwarder's replacement is a transition of its own, with who and why.
                        org.assertj.core.groups.Tuple.tuple("IN_REVIEW", "AMENDED"),
                        org.assertj.core.groups.Tuple.tuple("APPROVED", ""),
                        org.assertj.core.groups.Tuple.tuple("SCHEDULED", ""),
                        org.assertj.core.groups.Tuple.tuple("HELD", "AUTHORISATION_EXPIRED"),
                        org.assertj.core.groups.Tuple.tuple("EXECUTED", ""));
        assertThat(scenario.corridor.audit().verify()).isInstanceOf(org.corridor.audit.ChainVerification.Intact.class);
    }

    @Test
    void a_vendor_listed_between_approval_and_execution_is_caught_at_execution() {
        scenario.renew();
        scenario.at("2024-07-17T09:00");
        Release a = approvedWithoutHits();
        Money before = scenario.balance();
        scenario.lists.set(org.corridor.screening.Screener.of(List.of(
                ReleaseScenario.TEHRAN_MEDICO, ReleaseScenario.listed("DEMO-2001", "Alpenmed Pharma AG", "SDGT"))));

        Release held = releases.execute(OPERATIONS, a.id(), LocalDate.parse("2024-07-17"));

        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("SCREENING_HIT_OPEN");
        assertThat(held.execution()).isEmpty();
        assertThat(scenario.balance()).isEqualTo(before);
        assertThat(held.hits())
                .anyMatch(hit -> hit.partyRole().equals("VENDOR") && hit.state().equals("OPEN"));
        ScreeningHit vendor = held.hits().stream()
                .filter(hit -> hit.partyRole().equals("VENDOR"))
                .findFirst()
                .orElseThrow();
        releases.dispose(ANALYST, vendor.id(), new Releases.Disposition("TRUE_MATCH", "the vendor itself is listed"));
        Release rejected = releases.get(a.id());
        assertThat(rejected.state()).isEqualTo("REJECTED");
        assertThat(rejected.reason()).contains("PARTY_BLOCKED");
        assertThat(scenario.available()).isEqualTo(before);
        assertThatThrownBy(() -> releases.execute(OPERATIONS, a.id(), LocalDate.parse("2024-07-17")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_request_held_by_the_waiver_gap_at_approval_resumes_its_chain_under_the_renewal() {
        scenario.at("2024-07-05T09:00");
        Release release =
                releases.submit(AGENT, ReleaseRulesTest.small("DR-2024-0601")).request();
        for (ScreeningHit hit : releases.get(release.id()).hits()) {
            releases.dispose(ANALYST, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "different entity"));
            releases.dispose(REVIEWER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "confirmed"));
        }
        releases.approve(MAKER, release.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        assertThat(scenario.corridor.authorisations().expiryWarnings(LocalDate.parse("2024-07-05"), List.of(7)))
                .flatExtracting(org.corridor.authorisation.ExpiryWarning::affectedItems)
                .extracting(org.corridor.authorisation.PendingItem::reference)
                .contains("DR-2024-0601");

        scenario.at("2024-07-10T09:00");
        Release held = releases.approve(
                CHECKER, release.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("AUTHORISATION_EXPIRED");
        assertThat(held.holdId()).isEmpty();

        scenario.at("2024-07-16T09:00");
        scenario.renew();
        Release approved = releases.approve(
                ReleaseScenario.OPERATIONS,
                release.id(),
                new Releases.ApprovalInput("AUTHORITY", Optional.of("AUTH-DSB-0601"), Optional.empty()));
        assertThat(approved.state()).isEqualTo("APPROVED");
        assertThat(approved.holdAuthorisation()).contains("W-20");
        assertThat(releases.execute(OPERATIONS, release.id(), LocalDate.parse("2024-07-16"))
                        .state())
                .isEqualTo("EXECUTED");
    }

    Release approvedWithoutHits() {
        return scenario.approvedWithoutHits("DR-2024-0501", "AUTH-DSB-0501");
    }
}
