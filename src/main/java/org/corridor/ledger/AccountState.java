package org.corridor.ledger;

import java.util.UUID;

/** An account's locked row during the evaluation of one batch: mutable, confined to one thread. */
final class AccountState {

    final UUID id;
    final String currency;
    final int flags;
    long debitsPending;
    long debitsPosted;
    long creditsPending;
    long creditsPosted;
    boolean changed;

    AccountState(
            UUID id,
            String currency,
            int flags,
            long debitsPending,
            long debitsPosted,
            long creditsPending,
            long creditsPosted) {
        this.id = id;
        this.currency = currency;
        this.flags = flags;
        this.debitsPending = debitsPending;
        this.debitsPosted = debitsPosted;
        this.creditsPending = creditsPending;
        this.creditsPosted = creditsPosted;
    }

    boolean has(AccountFlag flag) {
        return flag.in(flags);
    }

    Balances balances() {
        return new Balances(debitsPending, debitsPosted, creditsPending, creditsPosted);
    }

    void restore(Balances saved) {
        debitsPending = saved.debitsPending();
        debitsPosted = saved.debitsPosted();
        creditsPending = saved.creditsPending();
        creditsPosted = saved.creditsPosted();
    }
}
