package org.corridor.settlement;

import java.util.List;
import org.corridor.ledger.BalanceCheck;
import org.corridor.money.Money;

/**
 * The check of the restricted books (issue 15, {@code ./corridor ledger check}): for every
 * restricted account, its open lots add up to its posted balance in the ledger; and every ledger
 * balance equals the sum of its transfers. Money that entered or left a restricted account outside
 * the channel's flows (deposits, conversions, restricted transfers, releases, returns) shows here.
 *
 * @param accounts each restricted account's posted balance beside its open lots
 * @param ledger every ledger account's stored balances beside its transfers
 */
public record BooksCheck(List<Account> accounts, BalanceCheck ledger) {

    public BooksCheck {
        accounts = List.copyOf(accounts);
    }

    /** One restricted account: what the ledger says it holds, and what its open lots hold. */
    public record Account(String name, Money posted, Money openLots) {
        public boolean agrees() {
            return posted.equals(openLots);
        }
    }

    /** True when every restricted account's lots match its balance and every balance its transfers. */
    public boolean agrees() {
        return ledger.agrees() && accounts.stream().allMatch(Account::agrees);
    }

    /** Sets each restricted account's open lots against its posted balance, in one snapshot per account. */
    static List<Account> restricted(SettlementSupport support) {
        AccountStore store = new AccountStore();
        LotStore lots = new LotStore();
        return support.read(tx -> store.all(tx).stream()
                .map(row -> new Account(
                        row.name(),
                        Money.ofMinor(support.ledger().balances(tx, row.id()).postedCreditBalance(), row.currency()),
                        Money.ofMinor(lots.remaining(tx, row.id()), row.currency())))
                .toList());
    }
}
