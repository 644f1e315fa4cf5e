package org.corridor.settlement;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.audit.Actor;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.money.Currency;

/**
 * The channel's own ledger accounts that money passes through: the payer's account (MoE at TBI,
 * which may go negative: its money comes from outside the channel), the FX position and the fees
 * account per currency, the suspense account opening balances come from, and the accounts that
 * bank-announced credits arrive on and wait in (SUSPENSE) when they cannot be deposits. Opened on first use
 * under ids derived from their role, holder and currency, so that opening them again is harmless.
 * Thread-safe.
 */
final class ChannelAccounts {

    static final String FX_HOLDER = "FX";
    static final String FEES_HOLDER = "FEES";
    static final String OPENING_HOLDER = "OPENING-BALANCES";
    /** Where bank-announced credits arrive before they are deposits or suspense (the bank's side). */
    static final String INCOMING_HOLDER = "BANK-CREDITS";
    /** Announced credits that could not become deposits, until resolved. */
    static final String UNMATCHED_HOLDER = "UNMATCHED-CREDITS";

    private final Ledger ledger;
    private final Set<UUID> opened = ConcurrentHashMap.newKeySet();

    ChannelAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    UUID payer(Actor by, String payer, Currency currency) {
        return open(by, AccountCode.PAYER, payer, currency);
    }

    UUID fx(Actor by, Currency currency) {
        return open(by, AccountCode.FX, FX_HOLDER, currency);
    }

    UUID fees(Actor by, Currency currency) {
        return open(by, AccountCode.FEES, FEES_HOLDER, currency);
    }

    UUID openingBalances(Actor by, Currency currency) {
        return open(by, AccountCode.SUSPENSE, OPENING_HOLDER, currency);
    }

    /** The channel's settlement account that bank-announced credits arrive on. */
    UUID incoming(Actor by, Currency currency) {
        return open(by, AccountCode.SETTLEMENT, INCOMING_HOLDER, currency);
    }

    /** The SUSPENSE account of credits that could not become deposits. */
    UUID unmatched(Actor by, Currency currency) {
        return open(by, AccountCode.SUSPENSE, UNMATCHED_HOLDER, currency);
    }

    static UUID id(AccountCode code, String holder, Currency currency) {
        return Ids.derived("channel-account:" + code + ":" + holder + ":" + currency.code());
    }

    private UUID open(Actor by, AccountCode code, String holder, Currency currency) {
        UUID id = id(code, holder, currency);
        if (!opened.contains(id)) {
            ledger.createAccount(by, NewAccount.of(id, currency, code, holder));
            opened.add(id);
        }
        return id;
    }
}
