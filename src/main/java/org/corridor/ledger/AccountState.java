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
    /**
     * The timestamp of the latest accepted transfer on the account, in microseconds since the epoch
     * (0 for none): a new transfer is timed after it, and the compare-and-set compares it.
     */
    long lastTransferMicros;

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

    /** The account's latest transfer, as a floor for the ledger clock. */
    java.util.Optional<java.time.Instant> lastTransfer() {
        return lastTransferMicros == 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                        java.time.Instant.EPOCH.plus(lastTransferMicros, java.time.temporal.ChronoUnit.MICROS));
    }

    /**
     * Records the accepted rows of a batch as the latest transfers of the accounts they touch, and
     * marks those accounts changed so that their new latest transfer is written with the balances.
     */
    static void stamp(java.util.Map<java.util.UUID, AccountState> accounts, java.util.List<TransferRow> accepted) {
        for (TransferRow row : accepted) {
            stamp(accounts.get(row.debitAccountId()), row.timestamp());
            stamp(accounts.get(row.creditAccountId()), row.timestamp());
        }
    }

    private static void stamp(AccountState account, java.time.Instant timestamp) {
        if (account == null) {
            return;
        }
        long micros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, timestamp);
        if (micros > account.lastTransferMicros) {
            account.lastTransferMicros = micros;
        }
    }

    /** The latest transfer over several accounts. */
    static java.util.Optional<java.time.Instant> latest(java.util.Collection<AccountState> accounts) {
        java.util.Optional<java.time.Instant> latest = java.util.Optional.empty();
        for (AccountState account : accounts) {
            java.util.Optional<java.time.Instant> last = account.lastTransfer();
            if (last.isPresent() && (latest.isEmpty() || last.get().isAfter(latest.get()))) {
                latest = last;
            }
        }
        return latest;
    }

    void restore(Balances saved) {
        debitsPending = saved.debitsPending();
        debitsPosted = saved.debitsPosted();
        creditsPending = saved.creditsPending();
        creditsPosted = saved.creditsPosted();
    }
}
