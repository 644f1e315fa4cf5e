package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.ChainVerification;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The register, coverage, usage, caps, thresholds, gaps and warnings against a real database. */
class AuthorisationsTest {

    private static final Actor REVIEWER = new Actor("rita", "COMPLIANCE_REVIEWER");
    private static final Actor RELEASES = new Actor("release-service", "SYSTEM");

    private MutableClock clock;
    private Corridor corridor;
    private Authorisations register;

    @BeforeEach
    void open() {
        clock = MutableClock.at("2024-03-11T06:00:00Z");
        corridor = TestCorridor.create(clock);
        register = corridor.authorisations();
    }

    @AfterEach
    void close() {
        corridor.close();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void a_renewal_is_a_new_record_and_the_gap_between_periods_is_reported() {
        Authorisation w19 = register.register(REVIEWER, Scenario.w19().build());
        clock.set(Instant.parse("2024-07-16T07:00:00Z"));
        Authorisation w20 = register.renew(REVIEWER, w19.id(), Scenario.w20().build());

        assertThat(w20.id()).isNotEqualTo(w19.id());
        assertThat(w20.predecessorId()).contains(w19.id());
        assertThat(w20.series()).isEqualTo("IRAQ-ENERGY");
        assertThat(w19.days()).isEqualTo(120);
        assertThat(register.get(w19.id())).isEqualTo(w19);
        assertThat(register.list()).extracting(Authorisation::reference).containsExactly("W-19", "W-20");

        assertThat(register.gaps(Optional.empty()))
                .containsExactly(
                        new Gap("IRAQ-ENERGY", date("2024-07-09"), date("2024-07-15"), 7, "W-19", Optional.of("W-20")));
        assertThat(register.gaps(Optional.of(date("2024-12-31"))))
                .extracting(Gap::from, Gap::to, Gap::days, Gap::open)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(date("2024-07-09"), date("2024-07-15"), 7L, false),
                        org.assertj.core.groups.Tuple.tuple(date("2024-11-13"), date("2024-12-31"), 49L, true));

        List<AuditEntry> entries = corridor.audit().list(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 100);
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly("AUTHORISATION_REGISTERED", "AUTHORISATION_RENEWED");
        assertThat(entries.get(1).outcome())
                .contains("\"gap\":{\"days\":7,\"from\":\"2024-07-09\",\"to\":\"2024-07-15\"}");
        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void the_register_refuses_duplicates_second_renewals_and_incomplete_terms() {
        Authorisation w19 = register.register(REVIEWER, Scenario.w19().build());
        register.renew(REVIEWER, w19.id(), Scenario.w20().build());

        assertThatThrownBy(() -> register.register(REVIEWER, Scenario.w19().build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("W-19");
        assertThatThrownBy(() -> register.renew(
                        REVIEWER, w19.id(), Scenario.w20().reference("W-20B").build()))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code())
                .isEqualTo("AUTHORISATION_ALREADY_RENEWED");
        assertThatThrownBy(() -> register.register(
                        REVIEWER,
                        Scenario.w19().reference("W-X").currencies(Set.of()).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("permitted currencies");
        assertThatThrownBy(() -> register.register(
                        REVIEWER,
                        Scenario.w19()
                                .reference("W-Y")
                                .valid(date("2024-07-08"), date("2024-03-11"))
                                .build()))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).code())
                .isEqualTo("AUTHORISATION_VALIDITY_INVALID");
        assertThatThrownBy(() -> register.register(
                        REVIEWER,
                        Scenario.w19()
                                .reference("W-Z")
                                .currencies(Currency.USD, Currency.EUR)
                                .build()))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).code())
                .isEqualTo("AUTHORISATION_CURRENCIES_CONFLICT");
    }

    @Test
    void the_release_of_the_scenario_is_held_on_the_tenth_and_covered_by_w20_on_the_seventeenth() {
        Authorisation w19 = register.register(REVIEWER, Scenario.w19().build());

        assertThat(register.coverage(Scenario.deposit(date("2024-07-03"))).covered())
                .isTrue();
        Coverage.NotCovered onTheTenth = (Coverage.NotCovered) register.coverage(Scenario.release(date("2024-07-10")));
        assertThat(onTheTenth.reasons()).containsExactly(CoverageReason.AUTHORISATION_EXPIRED);
        assertThat(register.coverage(Scenario.deposit(date("2024-07-10"))).covered())
                .isFalse();

        Authorisation w20 = register.renew(REVIEWER, w19.id(), Scenario.w20().build());
        Coverage.NotCovered inTheGap = (Coverage.NotCovered) register.coverage(Scenario.release(date("2024-07-10")));
        assertThat(inTheGap.reasons())
                .containsExactly(CoverageReason.AUTHORISATION_EXPIRED, CoverageReason.NOT_YET_VALID);

        Coverage.Covered onTheSeventeenth = (Coverage.Covered) register.coverage(Scenario.release(date("2024-07-17")));
        assertThat(onTheSeventeenth.primary().authorisation().reference()).isEqualTo("W-20");
        assertThat(onTheSeventeenth.primary().authorisation().id()).isEqualTo(w20.id());
        assertThat(onTheSeventeenth.primary().requirements())
                .containsExactly(new Requirement(
                        Requirement.Kind.PRIOR_APPROVAL,
                        "prior approval per DISBURSEMENT",
                        Optional.of("AUTH-DSB-0412")));

        Coverage.NotCovered withoutApproval = (Coverage.NotCovered)
                register.coverage(Scenario.release(date("2024-07-17")).withPriorApproval(null));
        assertThat(withoutApproval.primary()).isEqualTo(CoverageReason.PRIOR_APPROVAL_MISSING);
    }

    @Test
    void validity_is_inclusive_and_in_the_channel_time_zone() {
        register.register(REVIEWER, Scenario.w19().build());
        register.register(REVIEWER, Scenario.w20().series("IRAQ-ENERGY").build());

        assertThat(register.coverage(Scenario.deposit(date("2024-03-11"))).covered())
                .isTrue();
        assertThat(register.coverage(Scenario.deposit(date("2024-07-08"))).covered())
                .isTrue();
        assertThat(((Coverage.NotCovered) register.coverage(Scenario.deposit(date("2024-07-09")))).primary())
                .isEqualTo(CoverageReason.AUTHORISATION_EXPIRED);
        assertThat(((Coverage.NotCovered) register.coverage(Scenario.deposit(date("2024-03-10")))).primary())
                .isEqualTo(CoverageReason.NOT_YET_VALID);
        assertThat(register.coverage(Scenario.deposit(date("2024-07-16"))).covered())
                .isTrue();
        assertThat(register.coverage(Scenario.deposit(date("2024-11-12"))).covered())
                .isTrue();
        assertThat(register.coverage(Scenario.deposit(date("2024-11-13"))).covered())
                .isFalse();

        // 22:30 UTC on the 8th is 01:30 on the 9th in Baghdad (UTC+3): after W-19.
        LocalDate late = register.businessDate(Instant.parse("2024-07-08T22:30:00Z"));
        assertThat(late).isEqualTo(date("2024-07-09"));
        assertThat(register.coverage(Scenario.deposit(late)).covered()).isFalse();
        LocalDate lastMinute = register.businessDate(Instant.parse("2024-07-08T20:59:59Z"));
        assertThat(lastMinute).isEqualTo(date("2024-07-08"));
        assertThat(register.coverage(Scenario.deposit(lastMinute)).covered()).isTrue();
    }

    @Test
    void each_term_refuses_with_its_own_reason() {
        register.register(REVIEWER, Scenario.w19().build());
        LocalDate on = date("2024-07-05");

        assertThat(reasons(Movement.of(MovementKind.DEPOSIT, on, Money.parse("100.00", Currency.USD))
                        .withAccountLocation("IQ")))
                .containsExactly(CoverageReason.CURRENCY_PROHIBITED);
        assertThat(reasons(Movement.of(MovementKind.DEPOSIT, on, Money.parse("100.00", Currency.of("GBP")))
                        .withAccountLocation("IQ")))
                .containsExactly(CoverageReason.CURRENCY_NOT_PERMITTED);
        assertThat(reasons(Scenario.release(on).withPurposes(Category.OTHER)))
                .containsExactly(CoverageReason.PURPOSE_NOT_PERMITTED);
        assertThat(reasons(Scenario.release(on).withAccountLocation("CH")))
                .containsExactly(CoverageReason.LOCATION_NOT_PERMITTED);
        assertThat(reasons(Scenario.conversion(on).withDestinationLocation("AE")))
                .containsExactly(CoverageReason.LOCATION_NOT_PERMITTED);
        assertThat(reasons(Scenario.conversion(on).withCounterAmount(Money.parse("100.00", Currency.USD))))
                .containsExactly(CoverageReason.CURRENCY_PROHIBITED);
    }

    @Test
    void an_empty_register_and_an_unpermitted_kind_give_no_authorisation() {
        assertThat(reasons(Scenario.deposit(date("2024-07-05")))).containsExactly(CoverageReason.NO_AUTHORISATION);
        register.register(
                REVIEWER,
                Scenario.w19()
                        .movements(MovementKind.DEPOSIT)
                        .priorApprovalFor(Set.of())
                        .build());
        assertThat(reasons(Scenario.release(date("2024-07-05"))))
                .containsExactly(CoverageReason.NO_AUTHORISATION, CoverageReason.MOVEMENT_NOT_PERMITTED);
    }

    @Test
    void caps_over_a_period_count_the_usage_recorded_in_every_window_containing_the_date() {
        Authorisation licence = register.register(
                REVIEWER,
                NewAuthorisation.builder("SL-CNV-2024", AuthorisationType.SPECIFIC_LICENCE)
                        .issuer("OFAC")
                        .legalBasis("31 CFR 560.530")
                        .valid(date("2024-01-01"), date("2024-12-31"))
                        .movements(MovementKind.CONVERSION)
                        .currencies(Currency.IQD, Currency.EUR)
                        .locations("IQ", "OM")
                        .cap(Cap.perPeriod(
                                Money.parse("100000000.00", Currency.EUR), 7, List.of(MovementKind.CONVERSION)))
                        .cap(Cap.total(Money.parse("250000000.00", Currency.EUR), List.of(MovementKind.CONVERSION)))
                        .build());
        Movement first = conversion("CNV-1", "2024-07-04", "60000000.00");
        assertThat(register.recordUsage(RELEASES, licence.id(), first)).isInstanceOf(UsageOutcome.Recorded.class);

        // 60 m + 50 m within seven days is over the weekly cap of 100 m.
        Movement second = conversion("CNV-2", "2024-07-10", "50000000.00");
        Coverage.NotCovered refused = (Coverage.NotCovered) register.coverage(second);
        assertThat(refused.reasons()).containsExactly(CoverageReason.CAP_EXCEEDED);
        assertThat(refused.findings().get(0).detail()).contains("EUR 60000000.00");
        assertThat(register.recordUsage(RELEASES, licence.id(), second)).isInstanceOf(UsageOutcome.Refused.class);

        // Seven days after the first, its window has passed.
        Movement later = conversion("CNV-2", "2024-07-11", "50000000.00");
        assertThat(register.coverage(later).covered()).isTrue();
        assertThat(register.recordUsage(RELEASES, licence.id(), later)).isInstanceOf(UsageOutcome.Recorded.class);
        assertThat(register.recordUsage(RELEASES, licence.id(), later))
                .isInstanceOf(UsageOutcome.AlreadyRecorded.class);
        assertThat(register.recordUsage(RELEASES, licence.id(), conversion("CNV-2", "2024-07-11", "1.00")))
                .isInstanceOf(UsageOutcome.ExistsWithDifferentContent.class);

        // A back-dated conversion must fit every seven-day window it falls in, not only the one ending on its date.
        assertThat(register.coverage(conversion("CNV-3", "2024-07-06", "45000000.00"))
                        .covered())
                .isFalse();

        // The total cap: 110 m used, 150 m more is over 250 m.
        assertThat(reasons(conversion("CNV-4", "2024-09-01", "150000000.00")))
                .containsExactly(CoverageReason.CAP_EXCEEDED);
        assertThat(register.coverage(conversion("CNV-4", "2024-09-01", "100000000.00"))
                        .covered())
                .isTrue();

        // A movement that cannot be measured in the cap's currency is refused, not waved through.
        Movement unmeasurable = Movement.of(
                        MovementKind.CONVERSION, date("2024-09-01"), Money.parse("1000", Currency.IQD))
                .withCounterAmount(Money.parse("1000", Currency.IQD))
                .withAccountLocation("IQ")
                .withDestinationLocation("OM");
        assertThat(reasons(unmeasurable)).containsExactly(CoverageReason.CAP_EXCEEDED);
    }

    @Test
    void thresholds_aggregate_linked_payments_within_their_window() {
        Authorisation gl = register.register(
                REVIEWER,
                NewAuthorisation.builder("GL-8A", AuthorisationType.GENERAL_LICENCE)
                        .issuer("OFAC")
                        .legalBasis("General License 8A")
                        .valid(date("2024-01-01"), date("2024-12-31"))
                        .movements(MovementKind.DISBURSEMENT)
                        .purposes(Category.MEDICINE)
                        .currencies(Currency.EUR)
                        .locations("OM")
                        .threshold(Threshold.of(
                                Threshold.Action.NOTIFY_AUTHORITY,
                                Threshold.Comparison.ABOVE,
                                Money.parse("10000.00", Currency.EUR),
                                List.of(MovementKind.DISBURSEMENT),
                                30))
                        .threshold(Threshold.of(
                                Threshold.Action.PRIOR_APPROVAL,
                                Threshold.Comparison.AT_OR_ABOVE,
                                Money.parse("40000.00", Currency.EUR),
                                List.of(MovementKind.DISBURSEMENT),
                                30))
                        .build());
        Movement first = payment("P-1", "2024-05-01", "9000.00", "vendor:alpenmed");
        assertThat(((Coverage.Covered) register.coverage(first)).primary().requirements())
                .isEmpty();
        register.recordUsage(RELEASES, gl.id(), first);

        Movement second = payment("P-2", "2024-05-10", "9000.00", "vendor:alpenmed");
        List<Requirement> requirements =
                ((Coverage.Covered) register.coverage(second)).primary().requirements();
        assertThat(requirements).extracting(Requirement::kind).containsExactly(Requirement.Kind.NOTIFY_AUTHORITY);
        assertThat(requirements.get(0).detail()).contains("EUR 18000.00 with linked payments");
        register.recordUsage(RELEASES, gl.id(), second);

        // 9,000 + 9,000 + 22,000 = 40,000: at the prior-approval threshold.
        Movement third = payment("P-3", "2024-05-20", "22000.00", "vendor:alpenmed");
        assertThat(reasons(third)).containsExactly(CoverageReason.PRIOR_APPROVAL_MISSING);
        assertThat(register.recordUsage(RELEASES, gl.id(), third)).isInstanceOf(UsageOutcome.Refused.class);
        Coverage.Covered approved = (Coverage.Covered) register.coverage(third.withPriorApproval("AUTH-DSB-0520"));
        assertThat(approved.primary().requirements())
                .extracting(Requirement::kind)
                .containsExactly(Requirement.Kind.PRIOR_APPROVAL, Requirement.Kind.NOTIFY_AUTHORITY);

        // Another vendor's payments do not count; outside the 30 days the first two no longer do either.
        assertThat(register.coverage(payment("P-4", "2024-05-20", "22000.00", "vendor:other"))
                        .covered())
                .isTrue();
        assertThat(register.coverage(payment("P-5", "2024-06-09", "31000.00", "vendor:alpenmed"))
                        .covered())
                .isTrue();
        assertThat(register.coverage(payment("P-6", "2024-05-30", "31000.00", "vendor:alpenmed"))
                        .covered())
                .isFalse();

        // Without a key nothing can be aggregated, so the thresholds count as crossed.
        assertThat(reasons(payment("P-7", "2024-05-20", "100.00", null)))
                .containsExactly(CoverageReason.PRIOR_APPROVAL_MISSING);
    }

    @Test
    void expiry_warnings_come_at_the_lead_times_and_list_the_pending_items_affected() {
        Authorisation w19 = register.register(REVIEWER, Scenario.w19().build());
        PendingItem release = new PendingItem(
                "DISBURSEMENT_REQUEST",
                "DR-2024-0412-A",
                Optional.of(Money.parse("4704000.00", Currency.EUR)),
                Optional.of(date("2024-07-10")),
                Set.of(w19.id()));
        PendingItem early = new PendingItem(
                "DISBURSEMENT_REQUEST",
                "DR-2024-0400",
                Optional.empty(),
                Optional.of(date("2024-07-05")),
                Set.of(w19.id()));
        PendingItem unplanned =
                new PendingItem("CONVERSION_REQUEST", "CNV-0720", Optional.empty(), Optional.empty(), Set.of());
        register.addPendingItems(() -> List.of(release, early, unplanned));

        assertThat(register.expiryWarnings(date("2024-06-07"), Authorisations.DEFAULT_WARNING_DAYS))
                .isEmpty();
        assertThat(register.expiryWarnings(date("2024-06-08"), Authorisations.DEFAULT_WARNING_DAYS))
                .extracting(ExpiryWarning::daysRemaining, ExpiryWarning::leadDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(30L, 30));
        assertThat(register.expiryWarnings(date("2024-07-01"), Authorisations.DEFAULT_WARNING_DAYS))
                .extracting(ExpiryWarning::leadDays)
                .containsExactly(7);
        ExpiryWarning lastDay = register.expiryWarnings(date("2024-07-08"), Authorisations.DEFAULT_WARNING_DAYS)
                .get(0);
        assertThat(lastDay.daysRemaining()).isZero();
        assertThat(lastDay.leadDays()).isEqualTo(1);
        assertThat(lastDay.renewedBy()).isEmpty();
        assertThat(lastDay.affectedItems()).containsExactly(release, unplanned);
        assertThat(register.expiryWarnings(date("2024-07-09"), Authorisations.DEFAULT_WARNING_DAYS))
                .isEmpty();
        assertThat(register.expiryWarnings(date("2024-06-20"), List.of(20)))
                .extracting(ExpiryWarning::leadDays)
                .containsExactly(20);

        register.renew(REVIEWER, w19.id(), Scenario.w20().build());
        assertThat(register.expiryWarnings(date("2024-07-08"), List.of(1))
                        .get(0)
                        .renewedBy())
                .contains("W-20");
        assertThatThrownBy(() -> register.expiryWarnings(date("2024-07-08"), List.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void documents_are_stored_once_by_their_sha256() {
        byte[] pdf = "%PDF-1.7 waiver W-19".getBytes(StandardCharsets.UTF_8);
        Authorisation w19 = register.register(
                REVIEWER, Scenario.w19().document(new Document("W-19.pdf", pdf)).build());
        assertThat(w19.document()).isPresent();
        assertThat(w19.document().get().sha256()).isEqualTo(org.corridor.audit.Hashing.sha256Hex(pdf));
        assertThat(register.document(w19.id()))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pdf));
        assertThat(register.get(w19.id()).document().get().sizeBytes()).isEqualTo(pdf.length);

        Authorisation copy = register.register(
                REVIEWER,
                Scenario.w19()
                        .reference("W-19-COPY")
                        .document(new Document("copy.pdf", pdf))
                        .build());
        assertThat(copy.document().get().sha256())
                .isEqualTo(w19.document().get().sha256());
        Authorisation without =
                register.register(REVIEWER, Scenario.w20().series("OTHER").build());
        assertThat(register.document(without.id())).isEmpty();
    }

    @Test
    void usage_can_be_recorded_inside_the_callers_own_transaction() {
        Authorisation w19 = register.register(REVIEWER, Scenario.w19().build());
        Movement release = Scenario.release(date("2024-07-05"));
        UsageOutcome outcome = corridor.database().transactions().inTransaction(tx -> {
            Coverage coverage = register.coverage(tx, release);
            assertThat(coverage.covered()).isTrue();
            return register.recordUsage(tx, w19.id(), release);
        });
        assertThat(outcome).isInstanceOf(UsageOutcome.Recorded.class);
        assertThat(register.recordUsage(RELEASES, w19.id(), release)).isInstanceOf(UsageOutcome.AlreadyRecorded.class);
        assertThatThrownBy(() -> register.recordUsage(RELEASES, w19.id(), release.withReference(null)))
                .isInstanceOf(InvalidInputException.class);
    }

    private List<CoverageReason> reasons(Movement movement) {
        Coverage coverage = register.coverage(movement);
        assertThat(coverage).isInstanceOf(Coverage.NotCovered.class);
        return ((Coverage.NotCovered) coverage).reasons();
    }

    private static Movement conversion(String reference, String on, String euros) {
        Money counter = Money.parse(euros, Currency.EUR);
        Money iqd = Money.ofMinor(Math.multiplyExact(counter.amountMinor(), 14_040L), Currency.IQD);
        return Movement.of(MovementKind.CONVERSION, date(on), iqd)
                .withReference(reference)
                .withCounterAmount(counter)
                .withAccountLocation("IQ")
                .withDestinationLocation("OM");
    }

    private static Movement payment(String reference, String on, String euros, String key) {
        return Movement.of(MovementKind.DISBURSEMENT, date(on), Money.parse(euros, Currency.EUR))
                .withReference(reference)
                .withPurposes(Category.MEDICINE)
                .withAccountLocation("OM")
                .withLinkedPaymentKey(key);
    }
}
