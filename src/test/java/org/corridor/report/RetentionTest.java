package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.settlement.Scenario.date;

import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.settlement.Scenario;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FR-34: nothing is eligible before its time, nothing under a legal hold, and nothing is deleted. */
class RetentionTest {

    private static Corridor corridor;
    private static Retention retention;

    @BeforeAll
    static void replay() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        new Scenario(corridor)
                .waivers()
                .accounts()
                .openingBalances()
                .contracts()
                .june()
                .juneDeposits();
        retention = corridor.reports().retention();
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    @Test
    void records_are_kept_ten_years_after_their_date() {
        RetentionView now = retention.check(date("2026-01-15"));
        assertThat(now.retentionYears()).isEqualTo(10);
        assertThat(now.pastRetention()).isEmpty();
        RetentionView later = retention.check(date("2034-07-03"));
        assertThat(later.pastRetention()).isEmpty();
        RetentionView past = retention.check(date("2034-07-04"));
        assertThat(past.pastRetention()).hasSize(2).allSatisfy(record -> {
            assertThat(record.kind()).isEqualTo("DEPOSIT");
            assertThat(record.retainUntil()).isEqualTo(date("2034-07-03"));
        });
    }

    @Test
    void a_legal_hold_keeps_its_subject_until_released_and_both_are_audited() {
        long before = corridor.audit().size();
        LegalHold hold = retention.place(Scenario.REVIEWER, "account:NIGC-IQD-R", "case 2034-17, counsel's letter");
        RetentionView held = retention.check(date("2035-01-01"));
        assertThat(held.pastRetention())
                .filteredOn(r -> r.subjects().contains("account:NIGC-IQD-R"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo("LEGAL_HOLD");
                    assertThat(r.holds()).containsExactly(hold.id().toString());
                });
        assertThat(held.pastRetention())
                .filteredOn(r -> r.subjects().contains("account:TAV-IQD-R"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("ELIGIBLE"));

        LegalHold released = retention.release(Scenario.REVIEWER, hold.id(), "case closed");
        assertThat(released.active()).isFalse();
        assertThat(released.releaseReason()).contains("case closed");
        assertThat(retention.check(date("2035-01-01")).pastRetention())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo("ELIGIBLE"));
        assertThatThrownBy(() -> retention.release(Scenario.REVIEWER, hold.id(), "again"))
                .isInstanceOf(ConflictException.class);

        assertThat(corridor.audit().size()).isEqualTo(before + 2);
        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        // The audit entries past retention are counted, never removed.
        assertThat(retention.check(date("2037-01-01")).auditEntriesPastRetention())
                .isEqualTo(corridor.audit().size());
    }

    @Test
    void a_hold_needs_a_subject_and_a_reason() {
        assertThatThrownBy(() -> retention.place(Scenario.REVIEWER, "NIGC", "why"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> retention.place(Scenario.REVIEWER, "all", " "))
                .isInstanceOf(InvalidInputException.class);
    }
}
