package org.corridor.settlement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;

/** SQL for transfers between restricted accounts, in the caller's unit of work. Stateless and thread-safe. */
final class TransferStore extends SettlementStore {

    /** The request a transfer was recorded for, if it was. */
    Optional<String> request(Transaction transaction, UUID id) {
        return request(transaction, "settlement_transfer", id);
    }

    /** Inserts the transfer; false when another unit of work recorded its id first. */
    boolean insert(Transaction transaction, RestrictedTransfer transfer, UUID authorisationId, String request) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into settlement_transfer
                                  (id, source_account_id, destination_account_id, amount_minor, value_date,
                                   approval_reference, authorisation_id, authorisation_ref, ledger_transfer_id, lot_id,
                                   request, recorded_at, recorded_by)
                                values (:id, :source, :destination, :amount, :valueDate, :approval, :authorisation,
                                        :authorisationRef, :transfer, :lot, :request, :now, :by)
                                on conflict (id) do nothing
                                """)
                        .bind("id", transfer.id())
                        .bind("source", transfer.sourceAccountId())
                        .bind("destination", transfer.destinationAccountId())
                        .bind("amount", transfer.amount().amountMinor())
                        .bind("valueDate", transfer.valueDate())
                        .bind("approval", transfer.approvalReference().orElse(""))
                        .bind("authorisation", authorisationId)
                        .bind("authorisationRef", transfer.authorisationReference())
                        .bind("transfer", transfer.ledgerTransferId())
                        .bind("lot", transfer.lotId())
                        .bind("request", request)
                        .bind("now", AccountStore.utc(transfer.recordedAt()))
                        .bind("by", transfer.recordedBy())
                        .execute()
                > 0;
    }

    Optional<RestrictedTransfer> transfer(Transaction transaction, UUID id) {
        return transfers(Handles.of(transaction), "where t.id = :key", id).stream()
                .findFirst();
    }

    /** Every transfer, by value date. */
    List<RestrictedTransfer> transfers(Transaction transaction) {
        return transfers(Handles.of(transaction), "", null);
    }

    /** Transfers with the lots each consumed, by value date; {@code where} names the transfer {@code t}. */
    private static List<RestrictedTransfer> transfers(Handle handle, String where, Object key) {
        Map<String, List<LotConsumption>> consumed = LotStore.consumedBy(
                handle, "join settlement_transfer t on c.reference = 'transfer:' || t.id", where, key);
        var query = keyed(
                handle,
                "select t.*, s.currency from settlement_transfer t "
                        + "join settlement_account s on s.id = t.source_account_id " + where
                        + " order by t.value_date, t.recorded_at",
                key);
        return query.map((rs, ctx) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new RestrictedTransfer(
                            id,
                            rs.getObject("source_account_id", UUID.class),
                            rs.getObject("destination_account_id", UUID.class),
                            Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))),
                            rs.getObject("value_date", LocalDate.class),
                            ConversionStore.text(rs.getString("approval_reference")),
                            rs.getString("authorisation_ref"),
                            rs.getObject("ledger_transfer_id", UUID.class),
                            rs.getObject("lot_id", UUID.class),
                            consumed.getOrDefault("transfer:" + id, List.of()),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"));
                })
                .list();
    }
}
