package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.release.ReleaseScenario.CHECKER;
import static org.corridor.release.ReleaseScenario.EUR;
import static org.corridor.release.ReleaseScenario.MAKER;
import static org.corridor.release.ReleaseScenario.OPERATIONS;
import static org.corridor.release.ReleaseScenario.SENIOR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.authorisation.Cap;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.ledger.HoldState;
import org.corridor.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money moves under the rules of the day it moves (issue 23, item 1): at every boundary of the
 * worked scenario's gap (W-19 valid to 2024-07-08, W-20 from 2024-07-16, Baghdad time), a movement
 * needs an authorisation in force today, and a future value date schedules the execution instead of
 * posting early. Holds retried honestly (item 4), on the same ground.
 */
class ValueDatesAndHoldRetriesTest {

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

    private Release approvedOn(String baghdad, String reference) {
        scenario.at(baghdad);
        return scenario.approvedWithoutHits(reference, "AUTH-" + reference);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** An amendment that changes only the port of discharge: no party to screen again. */
    private static Releases.Amendment newPort() {
        NewRequest.ShipmentInput umQasr = new NewRequest.ShipmentInput(
                "Alpine Container Line", Optional.of("Alpine Express"), Optional.of("9321483"), "Genoa", "Umm Qasr");
        return Releases.Amendment.ofParties(Optional.empty(), Optional.of(umQasr), "port of discharge changed");
    }

    @Test
    void a_future_value_date_inside_the_gap_schedules_and_never_posts_before_its_day() {
        Release approved = approvedOn("2024-07-08T09:00", "DR-2024-0701");
        scenario.at("2024-07-10T09:00");
        scenario.renew(); // W-20 is known already, valid from 07-16: the attack of the issue
        Money before = scenario.balance();

        Release scheduled = releases.execute(OPERATIONS, approved.id(), date("2024-07-17"));

        assertThat(scheduled.state()).isEqualTo("SCHEDULED");
        assertThat(scheduled.scheduledOn()).contains(date("2024-07-17"));
        assertThat(scheduled.execution()).isEmpty();
        assertThat(scenario.balance()).isEqualTo(before);

        scenario.at("2024-07-16T23:59:59");
        releases.scheduledExecutions().runDue();
        assertThat(releases.get(approved.id()).state()).isEqualTo("SCHEDULED");
        assertThat(scenario.balance()).isEqualTo(before);

        scenario.at("2024-07-17T00:00");
        assertThat(releases.scheduledExecutions().runDue()).isEqualTo(1);
        Release executed = releases.get(approved.id());
        assertThat(executed.state()).isEqualTo("EXECUTED");
        Execution execution = executed.execution().orElseThrow();
        assertThat(execution.valueDate()).isEqualTo(date("2024-07-17"));
        assertThat(execution.authorisation()).isEqualTo("W-20");
        assertThat(execution.executedBy()).isEqualTo(OPERATIONS.name());
        // Posted on the day (07-17 00:00 in Baghdad is 07-16 21:00 UTC), not a moment before.
        assertThat(scenario.corridor
                        .ledger()
                        .transfer(execution.postId())
                        .orElseThrow()
                        .timestamp())
                .isBetween(Instant.parse("2024-07-16T21:00:00Z"), Instant.parse("2024-07-16T21:00:01Z"));
        assertThat(scenario.balance()).isEqualTo(before.minus(Money.parse("25000.00", ReleaseScenario.EUR)));
    }

    @Test
    void the_last_day_of_w_19_pays_until_midnight_in_baghdad_and_not_a_minute_after() {
        Release lastDay = approvedOn("2024-07-08T09:00", "DR-2024-0702");
        Release firstGapDay = scenario.approvedWithoutHits("DR-2024-0703", "AUTH-DR-2024-0703");

        scenario.at("2024-07-08T23:59");
        assertThat(releases.execute(OPERATIONS, lastDay.id(), date("2024-07-08"))
                        .state())
                .isEqualTo("EXECUTED");

        // 07-09 00:00 in Baghdad is still 07-08 in UTC: the channel's zone decides.
        scenario.at("2024-07-09T00:00");
        assertThatThrownBy(() -> releases.execute(OPERATIONS, firstGapDay.id(), date("2024-07-08")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2024-07-08");
        Release held = releases.execute(OPERATIONS, firstGapDay.id(), date("2024-07-09"));
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("AUTHORISATION_EXPIRED");
        assertThat(held.execution()).isEmpty();
    }

    @Test
    void the_last_day_of_the_gap_holds_and_the_first_day_of_w_20_pays() {
        Release approved = approvedOn("2024-07-08T09:00", "DR-2024-0704");
        scenario.at("2024-07-15T09:00");
        scenario.renew();
        Money before = scenario.balance();

        scenario.at("2024-07-15T23:59");
        Release held = releases.execute(OPERATIONS, approved.id(), date("2024-07-15"));
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("AUTHORISATION_EXPIRED");
        Release scheduled = releases.execute(OPERATIONS, approved.id(), date("2024-07-16"));
        assertThat(scheduled.state()).isEqualTo("SCHEDULED");
        assertThat(scenario.balance()).isEqualTo(before);

        scenario.at("2024-07-16T00:00");
        releases.scheduledExecutions().runDue();
        Release executed = releases.get(approved.id());
        assertThat(executed.state()).isEqualTo("EXECUTED");
        assertThat(executed.execution().orElseThrow().authorisation()).isEqualTo("W-20");
    }

    @Test
    void a_request_scheduled_under_w_19_for_a_day_in_the_gap_is_held_on_that_day_with_nothing_moved() {
        Release approved = approvedOn("2024-07-08T09:00", "DR-2024-0705");
        Money before = scenario.balance();
        Release scheduled = releases.schedule(OPERATIONS, approved.id(), date("2024-07-10"));
        assertThat(scheduled.state()).isEqualTo("SCHEDULED");

        scenario.at("2024-07-10T00:00");
        releases.scheduledExecutions().runDue();

        Release held = releases.get(approved.id());
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("AUTHORISATION_EXPIRED");
        assertThat(held.execution()).isEmpty();
        assertThat(scenario.balance()).isEqualTo(before);
    }

    @Test
    void whoever_made_the_request_cannot_schedule_its_execution_either() {
        Release approved = approvedOn("2024-07-08T09:00", "DR-2024-0706");
        assertThatThrownBy(() -> releases.schedule(MAKER, approved.id(), date("2024-07-09")))
                .hasMessageContaining("MAKER");
        assertThatThrownBy(() -> releases.execute(MAKER, approved.id(), date("2024-07-09")))
                .hasMessageContaining("MAKER");
    }

    @Test
    void a_scheduled_day_that_passed_unrun_is_not_paid_late_and_a_scheduler_without_an_account_pays_nothing() {
        Release missed = approvedOn("2024-07-05T09:00", "DR-2024-0709");
        Release ghostly = scenario.approvedWithoutHits("DR-2024-0710", "AUTH-DR-2024-0710");
        Money before = scenario.balance();
        releases.schedule(OPERATIONS, missed.id(), date("2024-07-07"));
        // Someone who is no user of the channel (or no longer one) schedules; on the day nobody pays for them.
        releases.schedule(new org.corridor.audit.Actor("ghost", "OPERATOR"), ghostly.id(), date("2024-07-08"));

        scenario.at("2024-07-08T09:00");
        releases.scheduledExecutions().runDue();

        assertThat(releases.get(missed.id()).state()).isEqualTo("HELD");
        assertThat(releases.get(missed.id()).reason()).contains("VALUE_DATE_MISSED");
        assertThat(releases.get(ghostly.id()).state()).isEqualTo("HELD");
        assertThat(releases.get(ghostly.id()).reason()).contains("SCHEDULER_NOT_AUTHORISED");
        assertThat(scenario.balance()).isEqualTo(before);
        // A person decides again: the operator executes the missed one today, under W-19.
        assertThat(releases.execute(OPERATIONS, missed.id(), date("2024-07-08")).state())
                .isEqualTo("EXECUTED");
    }

    @Test
    void an_amendment_or_a_rejection_cancels_a_scheduled_execution() {
        Release amended = approvedOn("2024-07-08T09:00", "DR-2024-0707");
        Release rejected = scenario.approvedWithoutHits("DR-2024-0708", "AUTH-DR-2024-0708");
        releases.execute(OPERATIONS, amended.id(), date("2024-07-20"));
        releases.execute(OPERATIONS, rejected.id(), date("2024-07-20"));
        releases.amend(ReleaseScenario.AGENT, amended.id(), newPort());
        releases.reject(ReleaseScenario.CHECKER, rejected.id(), new Releases.RejectionInput("no longer needed"));
        assertThat(scenario.corridor.ledger().holdState(rejected.holdId().orElseThrow()))
                .contains(HoldState.VOIDED);

        scenario.at("2024-07-20T09:00");
        releases.scheduledExecutions().runDue();
        assertThat(releases.get(amended.id()).state()).isEqualTo("IN_REVIEW");
        assertThat(releases.get(amended.id()).scheduledOn()).isEmpty();
        assertThat(releases.get(rejected.id()).state()).isEqualTo("REJECTED");
    }

    // Holds retried honestly (issue 23, item 4): a hold the ledger refused does not poison the request,
    // and a request held for funds or a cap gives its hold back at once and asks again when it may succeed.

    /** EUR 99,000,000.00 held on the account by a request whose bank steps are taken: EUR 850,000.00 stay free. */
    private Release bigHold() {
        Release big = scenario.submittedWithoutHits("DR-2024-0801", "3960000");
        releases.approve(MAKER, big.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        releases.approve(
                CHECKER, big.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        Release held = releases.approve(
                SENIOR, big.id(), new Releases.ApprovalInput("SENIOR_COMPLIANCE", Optional.empty(), Optional.empty()));
        assertThat(held.holdId()).isPresent();
        return held;
    }

    /** EUR 1,000,000.00 whose hold the ledger refuses at the compliance step for want of funds. */
    private Release refusedForFunds() {
        Release small = scenario.submittedWithoutHits("DR-2024-0802", "40000");
        releases.approve(MAKER, small.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        Release refused = releases.approve(
                CHECKER, small.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        assertThat(refused.state()).isEqualTo("HELD");
        assertThat(refused.reason()).contains("INSUFFICIENT_FUNDS");
        assertThat(refused.holdId()).isEmpty();
        return refused;
    }

    @Test
    void a_hold_refused_for_funds_is_placed_with_a_fresh_id_once_the_money_is_there() {
        Release big = bigHold();
        Release small = refusedForFunds();
        releases.reject(CHECKER, big.id(), new Releases.RejectionInput("withdrawn by the purchaser"));

        Release approved = releases.approve(
                OPERATIONS,
                small.id(),
                new Releases.ApprovalInput("AUTHORITY", Optional.of("AUTH-DSB-0802"), Optional.empty()));

        assertThat(approved.state()).isEqualTo("APPROVED");
        assertThat(approved.holdId()).isPresent();
        assertThat(scenario.corridor.ledger().holdState(approved.holdId().orElseThrow()))
                .contains(HoldState.PENDING);
        scenario.at("2024-07-08T10:00");
        assertThat(releases.execute(OPERATIONS, small.id(), LocalDate.parse("2024-07-08"))
                        .state())
                .isEqualTo("EXECUTED");
    }

    @Test
    void a_request_held_for_funds_asks_again_by_itself_when_the_money_is_there() {
        Release big = bigHold();
        Release small = refusedForFunds();
        assertThat(releases.scheduledExecutions().runDue()).isZero();
        assertThat(releases.get(small.id()).state()).isEqualTo("HELD");

        releases.reject(CHECKER, big.id(), new Releases.RejectionInput("withdrawn by the purchaser"));
        releases.scheduledExecutions().runDue();

        Release resumed = releases.get(small.id());
        assertThat(resumed.state()).isEqualTo("IN_REVIEW");
        assertThat(resumed.holdId()).isPresent();
        assertThat(scenario.available()).isEqualTo(Money.parse("98850000.00", EUR));
    }

    @Test
    void a_request_held_for_a_cap_gives_its_hold_back_at_once_and_asks_again_under_a_new_authorisation() {
        scenario.at("2024-07-16T09:00");
        scenario.w20 = scenario.corridor
                .authorisations()
                .renew(
                        ReleaseScenario.REVIEWER,
                        scenario.w19.id(),
                        ReleaseScenario.w19Terms()
                                .reference("W-20")
                                .valid(LocalDate.parse("2024-07-16"), LocalDate.parse("2024-11-12"))
                                .cap(new Cap(
                                        Cap.Scope.TOTAL,
                                        Money.parse("30000.00", EUR),
                                        0,
                                        Set.of(MovementKind.DISBURSEMENT)))
                                .build());
        Release first = scenario.approvedWithoutHits("DR-2024-0803", "AUTH-DSB-0803");
        Release second = scenario.approvedWithoutHits("DR-2024-0804", "AUTH-DSB-0804");
        assertThat(releases.execute(OPERATIONS, first.id(), LocalDate.parse("2024-07-16"))
                        .state())
                .isEqualTo("EXECUTED");

        Release held = releases.execute(OPERATIONS, second.id(), LocalDate.parse("2024-07-16"));

        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("CAP_EXCEEDED");
        assertThat(held.holdId()).isEmpty();
        assertThat(scenario.corridor.ledger().holdState(second.holdId().orElseThrow()))
                .contains(HoldState.VOIDED);
        assertThat(scenario.available()).isEqualTo(scenario.balance());

        releases.scheduledExecutions().runDue();
        assertThat(releases.get(second.id()).state()).isEqualTo("HELD");

        ReleaseFixtures.registerGeneralLicence(
                scenario.corridor,
                "GL-MED-1",
                "MEDICINE-GL",
                "General licence for medicine",
                LocalDate.parse("2024-07-16"),
                Category.MEDICINE);
        releases.scheduledExecutions().runDue();

        Release approved = releases.get(second.id());
        assertThat(approved.state()).isEqualTo("APPROVED");
        assertThat(approved.holdAuthorisation()).contains("GL-MED-1");
        assertThat(releases.execute(OPERATIONS, second.id(), LocalDate.parse("2024-07-16"))
                        .state())
                .isEqualTo("EXECUTED");
    }
}
