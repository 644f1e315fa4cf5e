package org.corridor.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * A camt.053 bank-to-customer statement of one account over a range of business days: one
 * statement per day, each with its opening and closing booked balances and one entry per booked
 * movement. Amounts are exact; the sign of a balance is its credit or debit indicator.
 *
 * @param messageId at most 35 characters
 */
public record BankStatement(String messageId, Instant createdAt, Account account, List<Day> days) {

    public BankStatement {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(account, "account");
        days = List.copyOf(days);
    }

    /**
     * The account a statement is of.
     *
     * @param identification the account's own name (NIGC-EUR-R), used when it has no IBAN
     * @param owner the beneficial holder (NIGC)
     * @param servicer the bank that keeps the account (Muscat Partner Bank)
     */
    public record Account(
            String identification,
            Optional<String> iban,
            Currency currency,
            String name,
            String owner,
            String servicer) {

        public Account {
            Objects.requireNonNull(identification, "identification");
            Objects.requireNonNull(iban, "iban");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /**
     * One business day's statement.
     *
     * @param id at most 35 characters, unique per account and day
     * @param sequence the electronic sequence number: the day's place in the account's statements
     * @param from the start of the day in the channel's zone
     * @param to the end of the day (exclusive)
     * @param opening the booked balance at the start of the day (OPBD)
     * @param closing the booked balance at the end of the day (CLBD)
     * @param closingAvailable what may still be spent at the end of the day, holds deducted (CLAV)
     */
    public record Day(
            String id,
            long sequence,
            LocalDate date,
            Instant from,
            Instant to,
            Money opening,
            Money closing,
            Money closingAvailable,
            List<Entry> entries) {

        public Day {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One booked movement.
     *
     * @param amount always positive; {@code credit} gives its direction
     * @param servicerReference the account servicer's reference of the movement (the ledger
     *     transfer's id), at most 35 characters
     * @param code the bank transaction code
     * @param endToEndId the reference that travelled with the movement (a release's reference), if any
     * @param remittance what the movement was for, one line each (at most 140 characters)
     * @param information a line that names the deposit, conversion or release behind the movement
     */
    public record Entry(
            String reference,
            Money amount,
            boolean credit,
            boolean reversal,
            Instant bookedAt,
            LocalDate valueDate,
            String servicerReference,
            TransactionCode code,
            Optional<String> endToEndId,
            Optional<UUID> uetr,
            List<String> remittance,
            String information) {

        public Entry {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(code, "code");
            remittance = List.copyOf(remittance);
        }
    }

    /**
     * A bank transaction code: the ISO domain, family and sub-family where one fits, and always the
     * channel's own code (DEPOSIT, CONVERSION, RELEASE, ...) as the proprietary one.
     */
    public record TransactionCode(
            Optional<String> domain, Optional<String> family, Optional<String> subFamily, String proprietary) {

        public static TransactionCode of(String domain, String family, String subFamily, String proprietary) {
            return new TransactionCode(Optional.of(domain), Optional.of(family), Optional.of(subFamily), proprietary);
        }

        public static TransactionCode proprietary(String code) {
            return new TransactionCode(Optional.empty(), Optional.empty(), Optional.empty(), code);
        }
    }
}
