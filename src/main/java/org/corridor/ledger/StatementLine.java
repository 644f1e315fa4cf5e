package org.corridor.ledger;

/**
 * One transfer as it touched the account of a statement.
 *
 * @param side whether the account was the transfer's debit or credit account
 * @param balancesAfter the account's balances just after the transfer: the running balance
 */
public record StatementLine(Transfer transfer, Side side, Balances balancesAfter) {

    public enum Side {
        DEBIT,
        CREDIT
    }
}
