package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.ReleaseFixtures;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 23, item 6: a balance pushed past 2^63 minor units is refused by name, never a crash (HTTP 500). */
class BalanceOverflowTest {

    private Corridor corridor;

    @BeforeEach
    void open() {
        corridor = TestCorridor.create(MutableClock.at("2024-07-10T09:00:00Z"));
    }

    @AfterEach
    void close() {
        corridor.close();
    }

    @Test
    void an_opening_balance_that_would_pass_2_to_the_63_minor_units_is_refused_as_amount_overflow() {
        // Each fits in a signed 64-bit count of cents; the channel's side of both (10^19 cents) does not.
        Money huge = Money.parse("50000000000000000.00", Currency.EUR);
        LocalDate opened = LocalDate.parse("2024-07-05");
        ReleaseFixtures.openFundedAccount(corridor, "NIGC-EUR-R", "huge-1", huge, opened, "test");

        assertThatThrownBy(
                        () -> ReleaseFixtures.openFundedAccount(corridor, "NIGC-EUR-S", "huge-2", huge, opened, "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "AMOUNT_OVERFLOW");
    }
}
