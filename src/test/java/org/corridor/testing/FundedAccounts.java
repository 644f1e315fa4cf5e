package org.corridor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferIds;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;

/** EUR settlement accounts flagged DEBITS_MUST_NOT_EXCEED_CREDITS, each funded from one payer account. */
public final class FundedAccounts {

    private FundedAccounts() {}

    /** The payer account the deposits came from, and the funded accounts. */
    public record Funded(UUID payer, List<UUID> accounts) {}

    /** Opens {@code count} accounts and deposits {@code each} minor units in every one; their ids. */
    public static List<UUID> open(Ledger ledger, int count, long each) {
        return fund(ledger, count, each).accounts();
    }

    /** As {@link #open}, with the payer. */
    public static Funded fund(Ledger ledger, int count, long each) {
        Actor actor = new Actor("setup", "OPERATOR");
        UUID payer = UUID.randomUUID();
        List<NewAccount> opened = new ArrayList<>();
        opened.add(NewAccount.of(payer, Currency.EUR, AccountCode.PAYER, "payer"));
        List<UUID> accounts = new ArrayList<>();
        List<NewTransfer> funding = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            accounts.add(id);
            opened.add(NewAccount.of(
                    id,
                    Currency.EUR,
                    AccountCode.SETTLEMENT,
                    "holder " + i,
                    AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
            funding.add(NewTransfer.posted(TransferIds.next(), payer, id, each, Currency.EUR, "DEPOSIT"));
        }
        ledger.createAccounts(actor, opened);
        assertThat(ledger.post(actor, funding)).allMatch(TransferOutcome::succeeded);
        return new Funded(payer, accounts);
    }
}
