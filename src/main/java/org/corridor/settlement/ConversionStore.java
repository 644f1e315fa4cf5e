package org.corridor.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * SQL for conversions (the request, then executions in tranches), in the caller's unit of work.
 * Stateless and thread-safe.
 */
final class ConversionStore extends SettlementStore {

    // ---------------------------------------------------------------- requests

    /** The request a conversion was recorded for, if it was. */
    Optional<String> request(Transaction transaction, UUID id) {
        return request(transaction, "settlement_conversion", id);
    }

    /** Inserts the conversion as requested; false when another unit of work recorded its id first. */
    boolean insert(Transaction transaction, Conversion conversion, String request) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into settlement_conversion
                                  (id, source_account_id, destination_account_id, amount_minor, requested_on,
                                   approval_reference, rate_base, rate_quote, rate, rate_source, rate_date, spread_percent,
                                   fee_minor, status, held_reason, executed_minor, authorisation_ref, request, recorded_at,
                                   recorded_by)
                                values (:id, :source, :destination, :amount, :requestedOn, :approval, :base, :quote, :rate,
                                        :rateSource, :rateDate, :spread, :fee, :status, :heldReason, :executed,
                                        :authorisation, :request, :now, :by)
                                on conflict (id) do nothing
                                """)
                        .bind("id", conversion.id())
                        .bind("source", conversion.sourceAccountId())
                        .bind("destination", conversion.destinationAccountId())
                        .bind("amount", conversion.amount().amountMinor())
                        .bind("requestedOn", conversion.requestedOn())
                        .bind("approval", conversion.approvalReference().orElse(""))
                        .bind("base", conversion.rate().base().code())
                        .bind("quote", conversion.rate().quote().code())
                        .bind("rate", conversion.rate().value())
                        .bind("rateSource", conversion.rate().source())
                        .bind("rateDate", conversion.rate().date())
                        .bind("spread", conversion.spreadPercent())
                        .bind("fee", conversion.fee().amountMinor())
                        .bind("status", conversion.status().name())
                        .bind(
                                "heldReason",
                                conversion.heldReason().map(Enum::name).orElse(""))
                        .bind("executed", conversion.executed().amountMinor())
                        .bind(
                                "authorisation",
                                conversion.authorisationReference().orElse(""))
                        .bind("request", request)
                        .bind("now", AccountStore.utc(conversion.recordedAt()))
                        .bind("by", conversion.recordedBy())
                        .execute()
                > 0;
    }

    /** Records what is executed of the conversion so far, and clears a hold. */
    void executed(Transaction transaction, UUID id, Money executed, ConversionStatus status) {
        Handles.of(transaction)
                .createUpdate("""
                        update settlement_conversion set executed_minor = :executed, status = :status,
                               held_reason = '' where id = :id
                        """)
                .bind("executed", executed.amountMinor())
                .bind("status", status.name())
                .bind("id", id)
                .execute();
    }

    void hold(Transaction transaction, UUID id, Refusal reason) {
        Handles.of(transaction)
                .createUpdate("update settlement_conversion set status = 'HELD', held_reason = :reason where id = :id")
                .bind("reason", reason.name())
                .bind("id", id)
                .execute();
    }

    Optional<Conversion> conversion(Transaction transaction, UUID id) {
        return conversion(Handles.of(transaction), id);
    }

    /** Every conversion, by request date. */
    List<Conversion> conversions(Transaction transaction) {
        Handle handle = Handles.of(transaction);
        return handle
                .createQuery("select id from settlement_conversion order by requested_on, recorded_at")
                .mapTo(UUID.class)
                .list()
                .stream()
                .map(id -> conversion(handle, id).orElseThrow())
                .toList();
    }

    private static Optional<Conversion> conversion(Handle handle, UUID id) {
        List<ConversionExecution> executions = executions(handle, "where e.conversion_id = :key", id);
        return handle.createQuery("""
                        select c.*, s.currency as source_currency from settlement_conversion c
                        join settlement_account s on s.id = c.source_account_id where c.id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> {
                    Currency currency = Currency.of(rs.getString("source_currency"));
                    return new Conversion(
                            id,
                            rs.getObject("source_account_id", UUID.class),
                            rs.getObject("destination_account_id", UUID.class),
                            Money.ofMinor(rs.getLong("amount_minor"), currency),
                            rs.getObject("requested_on", LocalDate.class),
                            text(rs.getString("approval_reference")),
                            rate(rs),
                            rs.getBigDecimal("spread_percent").stripTrailingZeros(),
                            Money.ofMinor(rs.getLong("fee_minor"), currency),
                            ConversionStatus.valueOf(rs.getString("status")),
                            text(rs.getString("held_reason")).map(Refusal::valueOf),
                            Money.ofMinor(rs.getLong("executed_minor"), currency),
                            text(rs.getString("authorisation_ref")),
                            executions,
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"));
                })
                .findFirst();
    }

    // ---------------------------------------------------------------- executions

    /** The request an execution was recorded for, if it was. */
    Optional<String> executionRequest(Transaction transaction, UUID id) {
        return request(transaction, "settlement_conversion_execution", id);
    }

    Optional<ConversionExecution> execution(Transaction transaction, UUID id) {
        return executions(Handles.of(transaction), "where e.id = :key", id).stream()
                .findFirst();
    }

    void insertExecution(
            Transaction transaction,
            ConversionExecution execution,
            UUID sourceAccountId,
            UUID authorisationId,
            String request) {
        ConversionQuote quote = execution.quote();
        Handles.of(transaction)
                .createUpdate("""
                        insert into settlement_conversion_execution
                          (id, conversion_id, source_account_id, value_date, amount_minor, fee_minor,
                           spread_minor, fx_minor, target_minor, rate, rate_source, rate_date, authorisation_id,
                           authorisation_ref, lot_id, request, recorded_at, recorded_by)
                        values (:id, :conversion, :source, :valueDate, :amount, :fee, :spread, :fx, :target,
                                :rate, :rateSource, :rateDate, :authorisation, :authorisationRef, :lot, :request,
                                :now, :by)
                        """)
                .bind("id", execution.id())
                .bind("conversion", execution.conversionId())
                .bind("source", sourceAccountId)
                .bind("valueDate", execution.valueDate())
                .bind("amount", quote.amount().amountMinor())
                .bind("fee", quote.fee().amountMinor())
                .bind("spread", quote.spread().amountMinor())
                .bind("fx", quote.fx().amountMinor())
                .bind("target", quote.target().amountMinor())
                .bind("rate", execution.rate().value())
                .bind("rateSource", execution.rate().source())
                .bind("rateDate", execution.rate().date())
                .bind("authorisation", authorisationId)
                .bind("authorisationRef", execution.authorisationReference())
                .bind("lot", execution.lotId())
                .bind("request", request)
                .bind("now", AccountStore.utc(execution.recordedAt()))
                .bind("by", execution.recordedBy())
                .execute();
    }

    /** The source account's executions with value dates in {@code [from, to]}: value date and amount. */
    List<Map.Entry<LocalDate, Long>> executedBetween(
            Transaction transaction, UUID sourceAccountId, LocalDate from, LocalDate to) {
        return list(
                transaction,
                """
                select value_date, amount_minor from settlement_conversion_execution
                where source_account_id = :account and value_date between :from and :to
                """,
                (rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)),
                "account",
                sourceAccountId,
                "from",
                from,
                "to",
                to);
    }

    /** Executions with the lots each consumed, by value date; {@code where} names the execution {@code e}. */
    private static List<ConversionExecution> executions(Handle handle, String where, Object key) {
        Map<String, List<LotConsumption>> consumed = LotStore.consumedBy(
                handle,
                "join settlement_conversion_execution e on c.reference = 'conversion-execution:' || e.id",
                where,
                key);
        return handle.createQuery("""
                        select e.*, s.currency as source_currency, d.currency as target_currency,
                               c.rate_base, c.rate_quote
                        from settlement_conversion_execution e
                        join settlement_conversion c on c.id = e.conversion_id
                        join settlement_account s on s.id = c.source_account_id
                        join settlement_account d on d.id = c.destination_account_id
                        """ + where + " order by e.value_date, e.recorded_at")
                .bind("key", key)
                .map((rs, ctx) -> {
                    Currency source = Currency.of(rs.getString("source_currency"));
                    Currency target = Currency.of(rs.getString("target_currency"));
                    UUID id = rs.getObject("id", UUID.class);
                    return new ConversionExecution(
                            id,
                            rs.getObject("conversion_id", UUID.class),
                            rs.getObject("value_date", LocalDate.class),
                            new ConversionQuote(
                                    Money.ofMinor(rs.getLong("amount_minor"), source),
                                    Money.ofMinor(rs.getLong("fee_minor"), source),
                                    Money.ofMinor(rs.getLong("spread_minor"), source),
                                    Money.ofMinor(rs.getLong("fx_minor"), source),
                                    Money.ofMinor(rs.getLong("target_minor"), target)),
                            rate(rs),
                            rs.getString("authorisation_ref"),
                            rs.getObject("lot_id", UUID.class),
                            consumed.getOrDefault("conversion-execution:" + id, List.of()),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"));
                })
                .list();
    }

    private static ExchangeRate rate(ResultSet rs) throws SQLException {
        return new ExchangeRate(
                Currency.of(rs.getString("rate_base")),
                Currency.of(rs.getString("rate_quote")),
                rs.getBigDecimal("rate"),
                rs.getString("rate_source"),
                rs.getObject("rate_date", LocalDate.class));
    }

    static Optional<String> text(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
