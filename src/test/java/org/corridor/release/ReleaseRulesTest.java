package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.ANALYST;
import static org.corridor.release.ReleaseScenario.CHECKER;
import static org.corridor.release.ReleaseScenario.MAKER;
import static org.corridor.release.ReleaseScenario.REVIEWER;
import static org.corridor.release.ReleaseScenario.SECOND_REVIEWER;
import static org.corridor.release.ReleaseScenario.SENIOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.ConflictException;
import org.corridor.DomainException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.money.Money;
import org.corridor.screening.ListedName;
import org.corridor.screening.NameKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules around the scenario: FR-19, four eyes, the cleared-hit memory, the approval chain, execution. */
class ReleaseRulesTest {

    private ReleaseScenario scenario;
    private Releases releases;

    @BeforeEach
    void open() {
        scenario = new ReleaseScenario().setUp();
        scenario.renew();
        scenario.at("2024-07-17T09:00");
        releases = scenario.releases;
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    /** A small request: one line of imatinib, no forwarder, the container service. */
    static NewRequest small(String reference, String quantity, NewRequest.PartyInput vendor) {
        return new NewRequest(
                reference,
                "NIGC",
                "NIGC-EUR-R",
                ReleaseScenario.party("Tehran Medical Supply Co.", "IR"),
                List.of(ReleaseScenario.party("Ministry of Health hospitals", "IR")),
                vendor,
                new NewRequest.BankAccountInput("CH93 0076 2011 6238 5295 7", "UBSWCHZH80A", "Swiss Commercial Bank"),
                Optional.empty(),
                List.of(ReleaseScenario.line(
                        "1",
                        "Imatinib 400 mg tablets (oncology)",
                        "3004.90",
                        quantity,
                        "pack",
                        "25.00",
                        "MEDICINE",
                        List.of(ReleaseScenario.use("Ministry of Health hospitals", "HOSPITAL", quantity)))),
                "CIP",
                ReleaseScenario.containerService(),
                Optional.empty(),
                Optional.empty());
    }

    static NewRequest small(String reference) {
        return small(reference, "1000", ReleaseScenario.party("Alpenmed Pharma AG", "CH"));
    }

    private ScreeningHit purchaserHit(Release release) {
        return releases.get(release.id()).hits().stream()
                .filter(hit ->
                        hit.partyRole().equals("PURCHASER") && hit.state().equals("OPEN"))
                .findFirst()
                .orElseThrow();
    }

    private void clear(ScreeningHit hit) {
        releases.dispose(ANALYST, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "different entity"));
        releases.dispose(REVIEWER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "confirmed"));
    }

    private Release approve(Release release, Actor by, String step) {
        return releases.approve(
                by, release.id(), new Releases.ApprovalInput(step, Optional.of("AUTH-1"), Optional.empty()));
    }

    @Test
    void a_vendor_in_the_sanctioned_country_or_the_holder_itself_is_never_paid() {
        Release iranian = releases.submit(AGENT, small("DR-IR", "10", ReleaseScenario.party("Darou Pakhsh", "IR")))
                .request();
        assertThat(iranian.state()).isEqualTo("REJECTED");
        assertThat(iranian.reason()).contains("VENDOR_IN_SANCTIONED_COUNTRY");
        Release holder = releases.submit(AGENT, small("DR-NIGC", "10", ReleaseScenario.party("NIGC", "CH")))
                .request();
        assertThat(holder.state()).isEqualTo("REJECTED");
        assertThat(holder.reason()).contains("VENDOR_IS_HOLDER");
        assertThat(releases.get(holder.id()).hits()).isEmpty();
    }

    @Test
    void submitting_again_returns_the_original_and_other_content_under_the_same_reference_is_refused() {
        Release first = releases.submit(AGENT, small("DR-1")).request();
        assertThat(releases.submit(AGENT, small("DR-1")).request().id()).isEqualTo(first.id());
        assertThatThrownBy(() ->
                        releases.submit(AGENT, small("DR-1", "999", ReleaseScenario.party("Alpenmed Pharma AG", "CH"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("other content");
    }

    @Test
    void an_empty_or_malformed_request_is_refused_naming_the_field() {
        NewRequest empty = new NewRequest(null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> releases.submit(AGENT, empty)).isInstanceOf(InvalidInputException.class);
        NewRequest badIban = small("DR-2");
        NewRequest withBadIban = new NewRequest(
                badIban.reference(),
                badIban.holder(),
                badIban.payFrom(),
                badIban.purchaser(),
                badIban.endUsers(),
                badIban.vendor(),
                new NewRequest.BankAccountInput("CH93 0076 2011 6238 5295 8", "UBSWCHZH80A", "Swiss Commercial Bank"),
                badIban.intermediaryBank(),
                badIban.lines(),
                badIban.incoterm(),
                badIban.shipment(),
                badIban.forwarder(),
                badIban.documents());
        assertThatThrownBy(() -> releases.submit(AGENT, withBadIban))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("IBAN_CHECKSUM");
    }

    @Test
    void a_request_beyond_the_available_balance_is_held() {
        Release big = releases.submit(
                        AGENT, small("DR-BIG", "4000000", ReleaseScenario.party("Alpenmed Pharma AG", "CH")))
                .request();
        assertThat(big.state()).isEqualTo("HELD");
        assertThat(big.reason()).contains("INSUFFICIENT_FUNDS");
    }

    @Test
    void clearing_a_hit_needs_a_rationale_and_a_second_reviewer_who_is_not_the_first() {
        Release release = releases.submit(AGENT, small("DR-3")).request();
        ScreeningHit hit = purchaserHit(release);
        assertThatThrownBy(() -> releases.dispose(ANALYST, hit.id(), new Releases.Disposition("FALSE_POSITIVE", " ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rationale");
        assertThatThrownBy(() -> releases.dispose(MAKER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "no")))
                .isInstanceOf(ForbiddenException.class);
        releases.dispose(REVIEWER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "different entity"));
        assertThatThrownBy(() ->
                        releases.dispose(REVIEWER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "me again")))
                .isInstanceOf(ForbiddenException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("SAME_PERSON_TWO_DECISIONS");
        assertThatThrownBy(
                        () -> releases.dispose(ANALYST, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "agree")))
                .isInstanceOf(ForbiddenException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("REVIEWER_REQUIRED");
        assertThat(releases.hit(hit.id()).state()).isEqualTo("OPEN");
        assertThat(releases.dispose(SECOND_REVIEWER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "agree"))
                        .state())
                .isEqualTo("FALSE_POSITIVE");
        assertThatThrownBy(() ->
                        releases.dispose(ANALYST, hit.id(), new Releases.Disposition("TRUE_MATCH", "changed my mind")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_cleared_hit_does_not_come_back_until_the_listing_changes() {
        Release first = releases.submit(AGENT, small("DR-4")).request();
        clear(purchaserHit(first));

        Release second = releases.submit(AGENT, small("DR-5")).request();
        assertThat(releases.get(second.id()).hits())
                .noneMatch(hit -> hit.partyRole().equals("PURCHASER"));
        assertThat(releases.rescreen(List.of(ReleaseScenario.TEHRAN_MEDICO), REVIEWER))
                .isEmpty();

        // The listing changes (a new alias): its fingerprint changes, and open requests see the hit again.
        var changed = ReleaseScenario.listed(
                "DEMO-1001",
                List.of(
                        new ListedName("Tehran Medico Trading", NameKind.PRIMARY),
                        new ListedName("Tehran Medico Supply Co.", NameKind.STRONG_ALIAS),
                        new ListedName("TMT Trading", NameKind.WEAK_ALIAS)),
                "IRGC");
        List<ScreeningHit> opened = releases.rescreen(List.of(changed), REVIEWER);
        assertThat(opened).extracting(ScreeningHit::requestReference).containsExactlyInAnyOrder("DR-4", "DR-5");
        assertThat(opened)
                .allMatch(hit ->
                        hit.partyRole().equals("PURCHASER") && hit.state().equals("OPEN"));
    }

    @Test
    void nobody_approves_twice_nor_their_own_request_nor_out_of_order_nor_over_open_hits() {
        Release release = releases.submit(AGENT, small("DR-6")).request();
        assertThatThrownBy(() -> approve(release, MAKER, "MAKER"))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("HITS_UNRESOLVED");
        clear(purchaserHit(release));
        assertThatThrownBy(() -> approve(release, CHECKER, "COMPLIANCE"))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("APPROVAL_OUT_OF_ORDER");
        assertThatThrownBy(() -> approve(release, CHECKER, "MAKER")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> approve(release, new Actor("bashir", "OPERATOR"), "MAKER"))
                .isInstanceOf(ForbiddenException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("SUBMITTER_TAKES_NO_STEP");
        assertThatThrownBy(() -> approve(release, SENIOR, "SENIOR_COMPLIANCE"))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("APPROVAL_STEP_NOT_REQUIRED");
        approve(release, MAKER, "MAKER");
        assertThatThrownBy(() -> approve(release, MAKER, "MAKER")).isInstanceOf(ConflictException.class);
        approve(release, CHECKER, "COMPLIANCE");
        assertThatThrownBy(() -> approve(release, new Actor("carla", "OPERATOR"), "AUTHORITY"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("SAME_PERSON_TWO_STEPS: carla took COMPLIANCE on DR-6; a second step needs another person")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("SAME_PERSON_TWO_STEPS");
        assertThat(approve(release, SENIOR, "AUTHORITY").state()).isEqualTo("APPROVED");
    }

    @Test
    void execution_needs_every_approval_and_a_held_execution_moves_nothing() {
        Release release = releases.submit(AGENT, small("DR-7")).request();
        clear(purchaserHit(release));
        approve(release, MAKER, "MAKER");
        Money before = scenario.balance();
        assertThatThrownBy(() -> releases.execute(MAKER, release.id(), LocalDate.parse("2024-07-17")))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("RELEASE_NOT_EXECUTABLE");
        assertThat(scenario.balance()).isEqualTo(before);
    }

    @Test
    void the_chain_adds_senior_compliance_above_one_million_and_the_authority_when_the_authorisation_demands_it() {
        ApprovalPolicy policy = ApprovalPolicy.DEFAULT;
        assertThat(policy.steps(Money.parse("1000000.00", ReleaseScenario.EUR), false))
                .containsExactly(ApprovalStep.MAKER, ApprovalStep.COMPLIANCE);
        assertThat(policy.steps(Money.parse("1000000.01", ReleaseScenario.EUR), true))
                .containsExactly(
                        ApprovalStep.MAKER,
                        ApprovalStep.COMPLIANCE,
                        ApprovalStep.SENIOR_COMPLIANCE,
                        ApprovalStep.AUTHORITY);
        assertThat(policy.steps(Money.parse("10.000", org.corridor.money.Currency.IQD), false))
                .contains(ApprovalStep.SENIOR_COMPLIANCE);
    }

    @Test
    void rejection_reports_are_due_ten_business_days_after_the_event() {
        assertThat(Releases.plusBusinessDays(LocalDate.parse("2024-07-08"), 10))
                .isEqualTo(LocalDate.parse("2024-07-22"));
        assertThat(Releases.plusBusinessDays(LocalDate.parse("2024-07-05"), 10))
                .isEqualTo(LocalDate.parse("2024-07-19"));
    }
}
