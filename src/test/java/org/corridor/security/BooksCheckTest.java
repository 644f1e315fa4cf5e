package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.corridor.app.Corridor;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.ReleaseFixtures;
import org.corridor.settlement.BooksCheck;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check of the restricted books (issue 15): money that reaches a restricted account outside the
 * channel's flows, here written straight into the database, shows as an account whose lots and
 * balance disagree, or whose balance is not the sum of its transfers.
 */
class BooksCheckTest {

    private Corridor corridor;

    @BeforeEach
    void open() {
        corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        ReleaseFixtures.openFundedAccount(
                corridor,
                "NIGC-EUR-R",
                "books",
                Money.parse("1000000.00", Currency.EUR),
                LocalDate.parse("2024-07-05"),
                "opening");
    }

    @AfterEach
    void close() {
        corridor.close();
    }

    @Test
    void books_kept_through_the_channels_flows_agree() {
        BooksCheck check = corridor.settlement().checkBooks();
        assertThat(check.agrees()).isTrue();
        assertThat(check.accounts()).singleElement().satisfies(account -> {
            assertThat(account.name()).isEqualTo("NIGC-EUR-R");
            assertThat(account.posted()).isEqualTo(Money.parse("1000000.00", Currency.EUR));
            assertThat(account.openLots()).isEqualTo(account.posted());
        });
        assertThat(check.ledger().accounts()).isGreaterThan(1);
    }

    @Test
    void a_credit_written_into_the_database_shows_as_a_disagreement_of_lots_balance_and_transfers() throws Exception {
        String id = corridor.settlement().accounts().find("NIGC-EUR-R").id().toString();
        sql("update ledger_account set credits_posted = credits_posted + 100000 where id = '" + id + "'");

        BooksCheck check = corridor.settlement().checkBooks();
        assertThat(check.agrees()).isFalse();
        assertThat(check.accounts().get(0).agrees()).isFalse();
        assertThat(check.accounts().get(0).posted()).isEqualTo(Money.parse("1001000.00", Currency.EUR));
        assertThat(check.ledger().drifts())
                .singleElement()
                .satisfies(drift -> assertThat(drift.accountId().toString()).isEqualTo(id));
    }

    @Test
    void a_lot_spent_in_the_database_shows_as_a_disagreement_of_lots_and_balance() throws Exception {
        sql("update settlement_lot set remaining_minor = remaining_minor - 100000");

        BooksCheck check = corridor.settlement().checkBooks();
        assertThat(check.agrees()).isFalse();
        assertThat(check.accounts().get(0).openLots()).isEqualTo(Money.parse("999000.00", Currency.EUR));
        assertThat(check.ledger().agrees()).isTrue();
    }

    private void sql(String statement) throws Exception {
        String url = corridor.database().pool().getJdbcUrl();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
