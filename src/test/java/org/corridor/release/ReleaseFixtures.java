package org.corridor.release;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.Hashing;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.SanctionsList;
import org.corridor.settlement.AccountStatus;
import org.corridor.settlement.NewOpeningBalance;
import org.corridor.settlement.NewRestrictedAccount;

/**
 * The ground most release tests stand on: a general licence for EUR movements to Oman, and NIGC's
 * restricted EUR account at Muscat Partner Bank with an opening balance.
 */
public final class ReleaseFixtures {

    private static final Actor REVIEWER = new Actor("rita", "COMPLIANCE_REVIEWER");
    private static final Actor MAKER = new Actor("olga", "OPERATOR");

    private ReleaseFixtures() {}

    /** A general licence {@code id} of {@code series}, valid from 30 days before {@code today} for a year. */
    public static void registerGeneralLicence(
            Corridor corridor, String id, String series, String legalBasis, LocalDate today, Category... purposes) {
        corridor.authorisations()
                .register(
                        REVIEWER,
                        NewAuthorisation.builder(id, AuthorisationType.GENERAL_LICENCE)
                                .series(series)
                                .issuer("OFAC")
                                .legalBasis(legalBasis)
                                .valid(today.minusDays(30), today.plusDays(365))
                                .purposes(purposes)
                                .movements(MovementKind.values())
                                .currencies(Currency.EUR)
                                .locations("OM")
                                .conditions("none")
                                .build());
    }

    /**
     * The ground of the release HTTP tests: the shipped lists active (releases screen against them
     * only), W-20 in force from 2024-07-16, and NIGC-EUR-R funded with EUR 1,000,000.00 on 2024-07-05.
     */
    public static void nigcUnderW20(Corridor corridor, String seed) {
        corridor.screening().importShipped(Actor.SYSTEM);
        corridor.authorisations()
                .register(
                        REVIEWER,
                        ReleaseScenario.w19Terms()
                                .reference("W-20")
                                .valid(LocalDate.parse("2024-07-16"), LocalDate.parse("2024-11-12"))
                                .build());
        openFundedAccount(
                corridor,
                "NIGC-EUR-R",
                seed,
                Money.parse("1000000.00", Currency.EUR),
                LocalDate.parse("2024-07-05"),
                "test");
    }

    /**
     * As {@link #nigcUnderW20}, but with one small list active instead of the shipped ones: for tests
     * of what happens after screening, which need a list to screen against but not the real ones.
     */
    public static void nigcUnderW20WithASmallList(Corridor corridor, String seed) {
        corridor.screening()
                .importSnapshot(
                        Actor.SYSTEM,
                        new ListSnapshot(
                                SanctionsList.OFAC_SDN,
                                "2024-05-03",
                                Hashing.sha256Hex("small list " + seed),
                                List.of(ReleaseScenario.UNRELATED)),
                        "test: one invented listing");
        corridor.authorisations()
                .register(
                        REVIEWER,
                        ReleaseScenario.w19Terms()
                                .reference("W-20")
                                .valid(LocalDate.parse("2024-07-16"), LocalDate.parse("2024-11-12"))
                                .build());
        openFundedAccount(
                corridor,
                "NIGC-EUR-R",
                seed,
                Money.parse("1000000.00", Currency.EUR),
                LocalDate.parse("2024-07-05"),
                "test");
    }

    /**
     * Opens NIGC's restricted EUR account {@code account} with {@code opening} as of {@code openedOn},
     * and registers its bank details (the last step of an approval chain needs them).
     */
    public static void openFundedAccount(
            Corridor corridor, String account, String seed, Money opening, LocalDate openedOn, String note) {
        openFundedAccountWithoutBankDetails(corridor, account, seed, opening, openedOn, note);
        corridor.releases()
                .registerPayingAccount(
                        new Actor("omar", "OPERATOR"),
                        new Releases.PayingAccountInput(
                                account, "OM81 0180 0000 0129 9123 456", "MPBKOMRX", "NIGC restricted account"));
    }

    /** As {@link #openFundedAccount}, with no bank details registered for the account. */
    public static void openFundedAccountWithoutBankDetails(
            Corridor corridor, String account, String seed, Money opening, LocalDate openedOn, String note) {
        corridor.settlement()
                .accounts()
                .open(
                        MAKER,
                        new NewRestrictedAccount(
                                Optional.empty(),
                                account,
                                "NIGC",
                                Currency.EUR,
                                "Muscat Partner Bank",
                                "OM",
                                AccountStatus.RESTRICTED));
        corridor.settlement()
                .accounts()
                .recordOpeningBalance(
                        MAKER,
                        account,
                        new NewOpeningBalance(
                                UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)),
                                opening,
                                openedOn,
                                note));
    }
}
