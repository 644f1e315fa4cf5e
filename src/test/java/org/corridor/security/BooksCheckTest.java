package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import org.corridor.app.Corridor;
import org.corridor.audit.Finding;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.ReleaseFixtures;
import org.corridor.settlement.BooksCheck;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestDatabase;
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
        assertThat(check.findings()).isEmpty();
        assertThat(check.intact()).isTrue();
        assertThat(check.restrictedAccounts()).isEqualTo(1);
    }

    @Test
    void a_credit_written_into_the_database_shows_as_a_disagreement_of_lots_balance_and_transfers() throws Exception {
        String id = corridor.settlement().accounts().find("NIGC-EUR-R").id().toString();
        sql("update ledger_account set credits_posted = credits_posted + 100000 where id = '" + id + "'");

        BooksCheck check = corridor.settlement().checkBooks();
        assertThat(check.intact()).isFalse();
        assertThat(check.findings()).extracting(Finding::code).contains("LOTS_MISMATCH", "BALANCE_MISMATCH");
        assertThat(check.findings())
                .filteredOn(finding -> finding.code().equals("LOTS_MISMATCH"))
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail()).contains("NIGC-EUR-R"));
    }

    @Test
    void a_lot_spent_in_the_database_shows_as_a_disagreement_of_lots_and_balance() throws Exception {
        sql("update settlement_lot set remaining_minor = remaining_minor - 100000");

        BooksCheck check = corridor.settlement().checkBooks();
        assertThat(check.intact()).isFalse();
        assertThat(check.findings()).extracting(Finding::code).containsOnly("LOTS_MISMATCH");
        assertThat(check.ledger().findings()).isEmpty();
    }

    private void sql(String statement) throws Exception {
        String url = corridor.database().pool().getJdbcUrl();
        try (Connection connection = TestDatabase.superuser(url);
                Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
