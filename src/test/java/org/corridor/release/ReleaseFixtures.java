package org.corridor.release;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.money.Currency;
import org.corridor.money.Money;
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

    /** Opens NIGC's restricted EUR account {@code account} with {@code opening} as of {@code openedOn}. */
    public static void openFundedAccount(
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
