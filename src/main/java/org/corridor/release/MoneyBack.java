package org.corridor.release;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.audit.Actor;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transaction;

/**
 * Money of a paid release coming back, in the caller's unit of work: from the channel's outgoing
 * account into the restricted account the payment left, as a ledger transfer linked to the release,
 * with the lots it had consumed restored at their original age; and what banks withheld, booked to
 * a FEES account. The restricted account receives exactly what its lots receive. Ids are derived
 * from the message item, so a retried unit of work posts the same transfers. Thread-safe.
 */
final class MoneyBack {

    /** The ledger code of money back from a rejected or returned payment. */
    static final String CODE = "RELEASE_RETURN";

    /** The ledger code of charges banks withheld from a return. */
    static final String CHARGES_CODE = "RETURN_CHARGES";

    /** What comes back: the money into the account, the charges withheld, and why. */
    record Back(
            Money amount, Money charges, java.time.LocalDate valueDate, String key, Map<String, String> references) {}

    private final Ledger ledger;
    private final Settlement settlement;

    MoneyBack(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    /**
     * Opens the FEES account of charges withheld from returns in {@code currency}, if it is not open:
     * before the unit of work that posts to it, since opening an account is a unit of work of its own.
     */
    void openChargesAccount(Currency currency) {
        UUID id = chargesAccount(currency);
        if (ledger.account(id).isEmpty()) {
            ledger.createAccount(
                    Actor.SYSTEM,
                    new NewAccount(
                            id, currency, AccountCode.FEES, "RETURN-CHARGES", EnumSet.noneOf(AccountFlag.class)));
        }
    }

    /** The FEES account of charges withheld from returns in {@code currency}. */
    static UUID chargesAccount(Currency currency) {
        return Holds.derived("release-return-charges:" + currency.code());
    }

    /**
     * Posts {@code back} for the paid request {@code row} and restores its lots; returns the ledger
     * transfers posted.
     *
     * @throws ConflictException MONEY_BACK_REFUSED when the ledger refuses (the unit of work rolls back)
     */
    List<UUID> post(Transaction tx, Actor by, RequestRow row, Back back) {
        Currency currency = row.currencyUnit();
        UUID outgoing = Holds.derived("release-outgoing:" + currency.code());
        Map<String, String> references = new TreeMap<>(back.references());
        references.put("release", row.reference());
        Map<String, Object> metadata = Map.of("value_date", back.valueDate().toString());
        List<NewTransfer> transfers = new ArrayList<>();
        if (back.amount().isPositive()) {
            transfers.add(NewTransfer.posted(
                            Holds.derived("release-money-back:" + back.key()),
                            outgoing,
                            row.accountId(),
                            back.amount().amountMinor(),
                            currency,
                            CODE)
                    .withReferences(references)
                    .withMetadata(metadata));
        }
        if (back.charges().isPositive()) {
            transfers.add(NewTransfer.posted(
                            Holds.derived("release-return-charges:" + back.key()),
                            outgoing,
                            chargesAccount(currency),
                            back.charges().amountMinor(),
                            currency,
                            CHARGES_CODE)
                    .withReferences(references)
                    .withMetadata(metadata));
        }
        if (transfers.size() == 2) {
            transfers.set(0, transfers.get(0).linkedToNext());
        }
        Optional<TransferOutcome> refused = ledger.post(tx, by, transfers).stream()
                .filter(outcome -> !outcome.succeeded())
                .findFirst();
        if (refused.isPresent()) {
            throw new ConflictException(
                    "MONEY_BACK_REFUSED",
                    "the ledger refused the money back: " + refused.get().result());
        }
        if (back.amount().isPositive()) {
            settlement
                    .lots()
                    .restore(tx, row.accountId(), row.reference(), back.amount(), back.valueDate(), back.key());
        }
        return transfers.stream().map(NewTransfer::id).toList();
    }
}
