package org.corridor.release;

import java.util.Optional;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.payments.CreditNotification;
import org.corridor.payments.NotifiedMovement;
import org.corridor.settlement.BankCredit;
import org.corridor.settlement.BankCredits;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transactions;

/**
 * The credits of a camt.054 handed to settlement, one by one: the notified account is found by the
 * IBAN registered for a restricted account (or by the account's name), and settlement makes the
 * credit a deposit or puts it in SUSPENSE. Debits, reversals and unbooked entries are skipped and
 * said so. Thread-safe.
 */
final class CreditImports {

    static final String KIND = "camt.054";

    private final Transactions transactions;
    private final PaymentMessageStore messages;
    private final Settlement settlement;

    CreditImports(Transactions transactions, PaymentMessageStore messages, Settlement settlement) {
        this.transactions = transactions;
        this.messages = messages;
        this.settlement = settlement;
    }

    PaymentMessageImport.Item apply(Actor by, CreditNotification notification, int number, NotifiedMovement movement) {
        String item = "credit " + number;
        if (!movement.credit() || movement.reversal() || !movement.status().equals("BOOK")) {
            String why = !movement.credit()
                    ? "a debit: only credits are taken from notifications"
                    : movement.reversal()
                            ? "a reversal of an earlier entry: resolved by hand"
                            : "not booked (" + movement.status() + ")";
            return new PaymentMessageImport.Item(item, movement.key(), "SKIPPED", "", why);
        }
        BankCredit credit = settlement.credits().record(by, newCredit(notification, movement));
        if (!credit.messageId().equals(notification.messageId())) {
            return new PaymentMessageImport.Item(
                    item,
                    credit.key(),
                    "UNCHANGED",
                    "",
                    "taken before from " + credit.messageId() + ": " + credit.status());
        }
        String detail = credit.suspended()
                ? credit.amount().display() + " in SUSPENSE: " + credit.reason().orElse("") + " " + credit.detail()
                : credit.amount().display() + " deposited as "
                        + credit.depositId().map(UUID::toString).orElse("");
        return new PaymentMessageImport.Item(item, credit.key(), credit.status(), "", detail.strip());
    }

    private BankCredits.NewBankCredit newCredit(CreditNotification notification, NotifiedMovement movement) {
        return new BankCredits.NewBankCredit(
                movement.key(),
                notification.messageId(),
                movement.account(),
                account(movement.account()),
                movement.amount(),
                movement.valueDate()
                        .or(movement::bookingDate)
                        .orElse(notification
                                .createdAt()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()),
                movement.references(),
                movement.debtorName().orElse(""),
                movement.exchange()
                        .map(x -> new BankCredits.StatedRate(
                                x.unit(), x.unit().equals(x.source()) ? x.target() : x.source(), x.rate())));
    }

    /** The restricted account the bank's identification names: a registered IBAN, or the account's name. */
    private Optional<UUID> account(String identification) {
        String compact = identification.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        Optional<UUID> byIban = transactions.read(tx -> messages.accountOfIban(tx, compact));
        if (byIban.isPresent()) {
            return byIban;
        }
        return settlement.accounts().byName(identification.strip()).map(RestrictedAccount::id);
    }
}
