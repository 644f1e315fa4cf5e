package org.corridor.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.AuthorisationStore;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.db.Database;
import org.corridor.ledger.ChannelCodes;
import org.corridor.ledger.LedgerStore;
import org.corridor.ledger.NewTransfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for conversions (request, then executions in tranches) and transfers between restricted
 * accounts. An execution is one transaction: the caps, the coverage check on its value date, the
 * usage, one linked ledger batch through the FX and FEES accounts, the FIFO consumption of the
 * source's lots, the destination's new lot and the audit entry. Thread-safe.
 */
final class ConversionStore {

    /** The channel's own accounts a conversion goes through. */
    record Channel(UUID fxSource, UUID fxTarget, UUID feesSource) {}

    record PreparedRequest(
            NewConversion conversion,
            AccountStore.AccountRow source,
            AccountStore.AccountRow destination,
            Money fee,
            ConversionQuote indicative,
            String request) {}

    record PreparedExecution(
            NewExecution execution,
            Conversion conversion,
            AccountStore.AccountRow source,
            AccountStore.AccountRow destination,
            ExchangeRate rate,
            ConversionQuote quote,
            Channel channel,
            String request) {}

    record PreparedTransfer(
            NewRestrictedTransfer transfer,
            AccountStore.AccountRow source,
            AccountStore.AccountRow destination,
            String request) {}

    private final Jdbi jdbi;
    private final AuditStore audit;
    private final LedgerStore ledger;
    private final AuthorisationStore authorisations;
    private final LotStore lots;
    private final Clock clock;

    ConversionStore(
            Database database,
            AuditStore audit,
            LedgerStore ledger,
            AuthorisationStore authorisations,
            LotStore lots,
            Clock clock) {
        this.jdbi = database.jdbi();
        this.audit = audit;
        this.ledger = ledger;
        this.authorisations = authorisations;
        this.lots = lots;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- requests

    /**
     * Records a conversion request after checking its coverage on the request date: APPROVED when an
     * authorisation covers it, else HELD with the reason. The same id and content again returns it.
     */
    SettlementOutcome.Done<Conversion> request(Actor actor, PreparedRequest prepared) {
        NewConversion conversion = prepared.conversion();
        Movement movement = Movement.of(MovementKind.CONVERSION, conversion.requestedOn(), conversion.amount())
                .withReference("conversion:" + conversion.id())
                .withCounterAmount(prepared.indicative().target())
                .withAccountLocation(prepared.source().country())
                .withDestinationLocation(prepared.destination().country())
                .withPriorApproval(conversion.approvalReference().orElse(null))
                .withLinkedPaymentKey("holder:" + prepared.source().holder());
        return jdbi.inTransaction(handle -> {
            Optional<String> earlier = handle.createQuery("select request from settlement_conversion where id = :id")
                    .bind("id", conversion.id())
                    .mapTo(String.class)
                    .findFirst();
            if (earlier.isPresent()) {
                if (!earlier.get().equals(prepared.request())) {
                    throw new ConflictException(
                            "CONVERSION_EXISTS_WITH_DIFFERENT_CONTENT",
                            "conversion " + conversion.id() + " was requested with other content");
                }
                return new SettlementOutcome.Done<>(
                        conversion(handle, conversion.id()).orElseThrow(), true);
            }
            ConversionStatus status = ConversionStatus.APPROVED;
            String heldReason = "";
            String authorisationReference = "";
            Map<String, Object> outcome = new LinkedHashMap<>();
            Coverage coverage = authorisations.coverage(handle, movement);
            if (coverage instanceof Coverage.Covered covered) {
                authorisationReference = covered.primary().authorisation().reference();
                outcome.put("authorisation", authorisationReference);
            } else {
                Coverage.NotCovered refused = (Coverage.NotCovered) coverage;
                status = ConversionStatus.HELD;
                heldReason = refused.primary().name();
                outcome.put(
                        "findings",
                        refused.findings().stream()
                                .map(f -> f.authorisationReference() + ": " + f.reason())
                                .toList());
            }
            outcome.put("status", status.name());
            outcome.put("indicative_target", prepared.indicative().target().toString());
            Instant now = now();
            int inserted = handle.createUpdate("""
                            insert into settlement_conversion
                              (id, source_account_id, destination_account_id, amount_minor, requested_on,
                               approval_reference, rate_base, rate_quote, rate, rate_source, rate_date, spread_percent,
                               fee_minor, status, held_reason, executed_minor, authorisation_ref, request, recorded_at,
                               recorded_by)
                            values (:id, :source, :destination, :amount, :requestedOn, :approval, :base, :quote, :rate,
                                    :rateSource, :rateDate, :spread, :fee, :status, :heldReason, 0, :authorisation,
                                    :request, :now, :by)
                            on conflict (id) do nothing
                            """)
                    .bind("id", conversion.id())
                    .bind("source", prepared.source().id())
                    .bind("destination", prepared.destination().id())
                    .bind("amount", conversion.amount().amountMinor())
                    .bind("requestedOn", conversion.requestedOn())
                    .bind("approval", conversion.approvalReference().orElse(""))
                    .bind("base", conversion.rate().base().code())
                    .bind("quote", conversion.rate().quote().code())
                    .bind("rate", conversion.rate().value())
                    .bind("rateSource", conversion.rate().source())
                    .bind("rateDate", conversion.rate().date())
                    .bind("spread", conversion.spreadPercent())
                    .bind("fee", prepared.fee().amountMinor())
                    .bind("status", status.name())
                    .bind("heldReason", heldReason)
                    .bind("authorisation", authorisationReference)
                    .bind("request", prepared.request())
                    .bind("now", AccountStore.utc(now))
                    .bind("by", actor.name())
                    .execute();
            if (inserted == 0) {
                throw new ConcurrentChangeException("conversion " + conversion.id() + " requested concurrently");
            }
            audit.append(
                    handle,
                    new AuditEvent(
                            actor,
                            status == ConversionStatus.HELD ? "CONVERSION_HELD" : "CONVERSION_REQUESTED",
                            "conversion:" + conversion.id(),
                            CanonicalJson.read(prepared.request()),
                            outcome,
                            authorisationReference.isEmpty()
                                    ? Map.of()
                                    : Map.of("authorisation", authorisationReference)));
            return new SettlementOutcome.Done<>(
                    conversion(handle, conversion.id()).orElseThrow(), false);
        });
    }

    // ---------------------------------------------------------------- executions

    SettlementOutcome<ConversionExecution> execute(Actor actor, PreparedExecution prepared) {
        NewExecution execution = prepared.execution();
        Conversion conversion = prepared.conversion();
        ConversionQuote quote = prepared.quote();
        String reference = "conversion-execution:" + execution.id();
        Movement movement = Movement.of(MovementKind.CONVERSION, execution.valueDate(), quote.amount())
                .withReference(reference)
                .withCounterAmount(quote.target())
                .withAccountLocation(prepared.source().country())
                .withDestinationLocation(prepared.destination().country())
                .withPriorApproval(conversion.approvalReference().orElse(null))
                .withLinkedPaymentKey("holder:" + prepared.source().holder());
        try {
            return jdbi.inTransaction(handle -> {
                // One execution at a time per source account: caps and FIFO are judged on a stable state,
                // and a repeated key is found even when both requests arrive at once.
                lockAccount(handle, prepared.source().id());
                Optional<ConversionExecution> earlier = execution(handle, execution.id(), prepared.request());
                if (earlier.isPresent()) {
                    return new SettlementOutcome.Done<>(earlier.get(), true);
                }
                Conversion current = conversion(handle, conversion.id()).orElseThrow();
                if (current.status() == ConversionStatus.EXECUTED
                        || quote.amount().compareTo(current.remaining()) > 0) {
                    throw new ConflictException(
                            "CONVERSION_ALREADY_EXECUTED",
                            "conversion " + conversion.id() + " has " + current.remaining() + " left to execute, not "
                                    + quote.amount());
                }
                checkRule(handle, prepared.source(), quote.amount(), execution.valueDate());
                long available = lots.availableWithin(handle, prepared.source().id(), execution.valueDate());
                if (available < quote.amount().amountMinor()) {
                    throw new RefusedException(SettlementOutcome.Refused.of(
                            Refusal.INSUFFICIENT_FUNDS,
                            prepared.source().name() + " holds "
                                    + Money.ofMinor(available, quote.amount().currency()) + " dated up to "
                                    + execution.valueDate() + ", less than " + quote.amount()));
                }
                Authorisation authorisation;
                try {
                    Coverage.Covered covered = CoverageStore.cover(handle, authorisations, movement);
                    authorisation = covered.primary().authorisation();
                    CoverageStore.recordUsage(handle, authorisations, authorisation.id(), movement);
                } catch (RefusedException e) {
                    SettlementOutcome.Refused<ConversionExecution> refused = e.refused();
                    hold(handle, actor, conversion, execution, refused);
                    return refused;
                }
                Map<String, String> references = new LinkedHashMap<>();
                references.put("conversion", conversion.id().toString());
                references.put("execution", execution.id().toString());
                references.put("authorisation", authorisation.reference());
                conversion.approvalReference().ifPresent(approval -> references.put("approval", approval));
                CoverageStore.requirePosted(ledger.postWithin(handle, actor, legs(prepared, references)));
                List<LotConsumption> consumed = lots.consumeWithin(
                        handle,
                        prepared.source().id(),
                        quote.amount(),
                        execution.valueDate(),
                        ConsumptionKind.CONVERSION,
                        reference);
                UUID lotId = Ids.derived(execution.id(), "lot");
                lots.addWithin(
                        handle,
                        lotId,
                        prepared.destination().id(),
                        quote.target(),
                        execution.valueDate(),
                        LotSource.CONVERSION_IN,
                        reference,
                        consumed);
                Instant now = now();
                handle.createUpdate("""
                                insert into settlement_conversion_execution
                                  (id, conversion_id, source_account_id, value_date, amount_minor, fee_minor,
                                   spread_minor, fx_minor, target_minor, rate, rate_source, rate_date, authorisation_id,
                                   authorisation_ref, lot_id, request, recorded_at, recorded_by)
                                values (:id, :conversion, :source, :valueDate, :amount, :fee, :spread, :fx, :target,
                                        :rate, :rateSource, :rateDate, :authorisation, :authorisationRef, :lot, :request,
                                        :now, :by)
                                """)
                        .bind("id", execution.id())
                        .bind("conversion", conversion.id())
                        .bind("source", prepared.source().id())
                        .bind("valueDate", execution.valueDate())
                        .bind("amount", quote.amount().amountMinor())
                        .bind("fee", quote.fee().amountMinor())
                        .bind("spread", quote.spread().amountMinor())
                        .bind("fx", quote.fx().amountMinor())
                        .bind("target", quote.target().amountMinor())
                        .bind("rate", prepared.rate().value())
                        .bind("rateSource", prepared.rate().source())
                        .bind("rateDate", prepared.rate().date())
                        .bind("authorisation", authorisation.id())
                        .bind("authorisationRef", authorisation.reference())
                        .bind("lot", lotId)
                        .bind("request", prepared.request())
                        .bind("now", AccountStore.utc(now))
                        .bind("by", actor.name())
                        .execute();
                Money executed = current.executed().plus(quote.amount());
                ConversionStatus status = executed.equals(current.amount())
                        ? ConversionStatus.EXECUTED
                        : ConversionStatus.PARTIALLY_EXECUTED;
                handle.createUpdate("""
                                update settlement_conversion set executed_minor = :executed, status = :status,
                                       held_reason = '' where id = :id
                                """)
                        .bind("executed", executed.amountMinor())
                        .bind("status", status.name())
                        .bind("id", conversion.id())
                        .execute();
                audit.append(
                        handle,
                        new AuditEvent(
                                actor,
                                "CONVERSION_EXECUTED",
                                "conversion:" + conversion.id(),
                                CanonicalJson.read(prepared.request()),
                                CanonicalJson.fields(
                                        "execution_id", execution.id().toString(),
                                        "amount", quote.amount().toString(),
                                        "fee", quote.fee().toString(),
                                        "spread", quote.spread().toString(),
                                        "fx", quote.fx().toString(),
                                        "target", quote.target().toString(),
                                        "rate", prepared.rate().toString(),
                                        "approval",
                                                conversion.approvalReference().orElse(""),
                                        "status", status.name(),
                                        "lots_consumed",
                                                consumed.stream()
                                                        .map(c -> c.lotValueDate() + " " + c.amount())
                                                        .toList()),
                                Map.of("authorisation", authorisation.reference())));
                return new SettlementOutcome.Done<>(
                        new ConversionExecution(
                                execution.id(),
                                conversion.id(),
                                execution.valueDate(),
                                quote,
                                prepared.rate(),
                                authorisation.reference(),
                                lotId,
                                consumed,
                                now,
                                actor.name()),
                        false);
            });
        } catch (RefusedException e) {
            SettlementOutcome.Refused<ConversionExecution> refused = e.refused();
            audit.appendAlone(AuditEvent.of(
                    actor,
                    "CONVERSION_EXECUTION_REFUSED",
                    "conversion:" + conversion.id(),
                    CanonicalJson.read(prepared.request()),
                    CanonicalJson.fields("reason", refused.reason().name(), "detail", refused.detail())));
            return refused;
        }
    }

    /** The linked batch: source to FX (and to FEES for the spread and fee), then FX to destination. */
    private static List<NewTransfer> legs(PreparedExecution prepared, Map<String, String> references) {
        ConversionQuote quote = prepared.quote();
        UUID key = prepared.execution().id();
        Currency source = quote.amount().currency();
        List<NewTransfer> legs = new ArrayList<>();
        legs.add(leg(key, "FX", prepared.source().id(), prepared.channel().fxSource(), quote.fx(), references)
                .linkedToNext());
        if (quote.spread().isPositive()) {
            legs.add(leg(
                            key,
                            "SPREAD",
                            prepared.source().id(),
                            prepared.channel().feesSource(),
                            quote.spread(),
                            references)
                    .linkedToNext());
        }
        if (quote.fee().isPositive()) {
            legs.add(leg(key, "FEE", prepared.source().id(), prepared.channel().feesSource(), quote.fee(), references)
                    .linkedToNext());
        }
        legs.add(leg(
                        key,
                        "TARGET",
                        prepared.channel().fxTarget(),
                        prepared.destination().id(),
                        quote.target(),
                        references)
                .withMetadata(Map.of(
                        "leg", "TARGET",
                        "rate", prepared.rate().toString(),
                        "spread_percent", Amounts.plain(prepared.conversion().spreadPercent()),
                        "source_currency", source.code())));
        return legs;
    }

    private static NewTransfer leg(
            UUID key, String leg, UUID debit, UUID credit, Money amount, Map<String, String> references) {
        return NewTransfer.posted(
                        Ids.derived(key, "conversion-leg:" + leg),
                        debit,
                        credit,
                        amount.amountMinor(),
                        amount.currency(),
                        ChannelCodes.CONVERSION)
                .withReferences(references)
                .withMetadata(Map.of("leg", leg));
    }

    private void hold(
            Handle handle,
            Actor actor,
            Conversion conversion,
            NewExecution execution,
            SettlementOutcome.Refused<ConversionExecution> refused) {
        handle.createUpdate("update settlement_conversion set status = 'HELD', held_reason = :reason where id = :id")
                .bind("reason", refused.reason().name())
                .bind("id", conversion.id())
                .execute();
        audit.append(
                handle,
                AuditEvent.of(
                        actor,
                        "CONVERSION_HELD",
                        "conversion:" + conversion.id(),
                        CanonicalJson.fields(
                                "execution_id", execution.id().toString(),
                                "value_date", execution.valueDate().toString()),
                        CanonicalJson.fields(
                                "reason", refused.reason().name(),
                                "detail", refused.detail(),
                                "findings",
                                        refused.findings().stream()
                                                .map(f -> f.authorisationReference() + ": " + f.reason())
                                                .toList())));
    }

    /** The account's conversion rule (FR-15): the largest tranche, and the cap over any 7 value dates. */
    private static void checkRule(Handle handle, AccountStore.AccountRow source, Money amount, LocalDate valueDate) {
        Optional<ConversionRule> rule = AccountStore.rule(handle, source.id());
        if (rule.isEmpty()) {
            return;
        }
        Optional<Money> trancheMax = rule.get().trancheMax();
        if (trancheMax.isPresent() && amount.compareTo(trancheMax.get()) > 0) {
            throw new RefusedException(SettlementOutcome.Refused.of(
                    Refusal.TRANCHE_TOO_LARGE,
                    amount + " is more than the largest tranche of " + trancheMax.get() + " for " + source.name()));
        }
        Optional<Money> cap = rule.get().weeklyCap();
        if (cap.isEmpty()) {
            return;
        }
        List<Map.Entry<LocalDate, Long>> recent = handle.createQuery("""
                        select value_date, amount_minor from settlement_conversion_execution
                        where source_account_id = :account and value_date between :from and :to
                        """)
                .bind("account", source.id())
                .bind("from", valueDate.minusDays(6))
                .bind("to", valueDate.plusDays(6))
                .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
        // Every window of 7 value dates that contains this one must stay within the cap, so that a
        // back-dated execution cannot squeeze under it.
        for (int shift = 0; shift < 7; shift++) {
            LocalDate from = valueDate.minusDays(6 - shift);
            LocalDate to = from.plusDays(6);
            long used = recent.stream()
                    .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            if (used + amount.amountMinor() > cap.get().amountMinor()) {
                throw new RefusedException(SettlementOutcome.Refused.of(
                        Refusal.CONVERSION_CAP_EXCEEDED,
                        source.name() + " converted " + Money.ofMinor(used, amount.currency()) + " from " + from
                                + " to " + to + "; " + amount + " more exceeds the weekly cap of " + cap.get()));
            }
        }
    }

    private static void lockAccount(Handle handle, UUID accountId) {
        handle.createQuery("select id from settlement_account where id = :id for update")
                .bind("id", accountId)
                .mapTo(UUID.class)
                .one();
    }

    private Optional<ConversionExecution> execution(Handle handle, UUID id, String request) {
        Optional<String> earlier = handle.createQuery(
                        "select request from settlement_conversion_execution where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findFirst();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().equals(request)) {
            throw new ConflictException(
                    "EXECUTION_EXISTS_WITH_DIFFERENT_CONTENT", "execution " + id + " was recorded with other content");
        }
        return executions(handle, "where e.id = :key", id).stream().findFirst();
    }

    // ---------------------------------------------------------------- restricted transfers

    SettlementOutcome<RestrictedTransfer> transfer(Actor actor, PreparedTransfer prepared) {
        NewRestrictedTransfer transfer = prepared.transfer();
        String reference = "transfer:" + transfer.id();
        Movement movement = Movement.of(MovementKind.TRANSFER, transfer.valueDate(), transfer.amount())
                .withReference(reference)
                .withAccountLocation(prepared.source().country())
                .withDestinationLocation(prepared.destination().country())
                .withPriorApproval(transfer.approvalReference().orElse(null))
                .withLinkedPaymentKey("holder:" + prepared.source().holder());
        try {
            return jdbi.inTransaction(handle -> {
                lockAccount(handle, prepared.source().id());
                Optional<String> earlier = handle.createQuery("select request from settlement_transfer where id = :id")
                        .bind("id", transfer.id())
                        .mapTo(String.class)
                        .findFirst();
                if (earlier.isPresent()) {
                    if (!earlier.get().equals(prepared.request())) {
                        throw new ConflictException(
                                "TRANSFER_EXISTS_WITH_DIFFERENT_CONTENT",
                                "transfer " + transfer.id() + " was recorded with other content");
                    }
                    return new SettlementOutcome.Done<>(
                            transfers(handle, "where t.id = :key", transfer.id())
                                    .get(0),
                            true);
                }
                long available = lots.availableWithin(handle, prepared.source().id(), transfer.valueDate());
                if (available < transfer.amount().amountMinor()) {
                    throw new RefusedException(SettlementOutcome.Refused.of(
                            Refusal.INSUFFICIENT_FUNDS,
                            prepared.source().name() + " holds "
                                    + Money.ofMinor(available, transfer.amount().currency()) + " dated up to "
                                    + transfer.valueDate() + ", less than " + transfer.amount()));
                }
                Authorisation authorisation = CoverageStore.cover(handle, authorisations, movement)
                        .primary()
                        .authorisation();
                CoverageStore.recordUsage(handle, authorisations, authorisation.id(), movement);
                UUID transferId = Ids.derived(transfer.id(), "restricted-transfer");
                Map<String, String> references = new LinkedHashMap<>();
                references.put("transfer", transfer.id().toString());
                references.put("authorisation", authorisation.reference());
                transfer.approvalReference().ifPresent(approval -> references.put("approval", approval));
                CoverageStore.requirePosted(ledger.postWithin(
                        handle,
                        actor,
                        List.of(NewTransfer.posted(
                                        transferId,
                                        prepared.source().id(),
                                        prepared.destination().id(),
                                        transfer.amount().amountMinor(),
                                        transfer.amount().currency(),
                                        ChannelCodes.RESTRICTED_TRANSFER)
                                .withReferences(references)
                                .withMetadata(Map.of(
                                        "value_date",
                                        transfer.valueDate().toString(),
                                        "holder",
                                        prepared.source().holder())))));
                List<LotConsumption> consumed = lots.consumeWithin(
                        handle,
                        prepared.source().id(),
                        transfer.amount(),
                        transfer.valueDate(),
                        ConsumptionKind.TRANSFER,
                        reference);
                UUID lotId = Ids.derived(transfer.id(), "lot");
                lots.addWithin(
                        handle,
                        lotId,
                        prepared.destination().id(),
                        transfer.amount(),
                        transfer.valueDate(),
                        LotSource.TRANSFER_IN,
                        reference,
                        consumed);
                Instant now = now();
                int inserted = handle.createUpdate("""
                                insert into settlement_transfer
                                  (id, source_account_id, destination_account_id, amount_minor, value_date,
                                   approval_reference, authorisation_id, authorisation_ref, ledger_transfer_id, lot_id,
                                   request, recorded_at, recorded_by)
                                values (:id, :source, :destination, :amount, :valueDate, :approval, :authorisation,
                                        :authorisationRef, :transfer, :lot, :request, :now, :by)
                                on conflict (id) do nothing
                                """)
                        .bind("id", transfer.id())
                        .bind("source", prepared.source().id())
                        .bind("destination", prepared.destination().id())
                        .bind("amount", transfer.amount().amountMinor())
                        .bind("valueDate", transfer.valueDate())
                        .bind("approval", transfer.approvalReference().orElse(""))
                        .bind("authorisation", authorisation.id())
                        .bind("authorisationRef", authorisation.reference())
                        .bind("transfer", transferId)
                        .bind("lot", lotId)
                        .bind("request", prepared.request())
                        .bind("now", AccountStore.utc(now))
                        .bind("by", actor.name())
                        .execute();
                if (inserted == 0) {
                    throw new ConcurrentChangeException("transfer " + transfer.id() + " recorded concurrently");
                }
                audit.append(
                        handle,
                        new AuditEvent(
                                actor,
                                "RESTRICTED_TRANSFER_EXECUTED",
                                "transfer:" + transfer.id(),
                                CanonicalJson.read(prepared.request()),
                                CanonicalJson.fields(
                                        "from", prepared.source().name(),
                                        "to", prepared.destination().name(),
                                        "ledger_transfer_id", transferId.toString(),
                                        "lots_consumed",
                                                consumed.stream()
                                                        .map(c -> c.lotValueDate() + " " + c.amount())
                                                        .toList()),
                                Map.of("authorisation", authorisation.reference())));
                return new SettlementOutcome.Done<>(
                        new RestrictedTransfer(
                                transfer.id(),
                                prepared.source().id(),
                                prepared.destination().id(),
                                transfer.amount(),
                                transfer.valueDate(),
                                transfer.approvalReference(),
                                authorisation.reference(),
                                transferId,
                                lotId,
                                consumed,
                                now,
                                actor.name()),
                        false);
            });
        } catch (RefusedException e) {
            SettlementOutcome.Refused<RestrictedTransfer> refused = e.refused();
            audit.appendAlone(AuditEvent.of(
                    actor,
                    "RESTRICTED_TRANSFER_REFUSED",
                    "transfer:" + transfer.id(),
                    CanonicalJson.read(prepared.request()),
                    CanonicalJson.fields("reason", refused.reason().name(), "detail", refused.detail())));
            return refused;
        }
    }

    // ---------------------------------------------------------------- reads

    Optional<Conversion> conversion(UUID id) {
        return jdbi.withHandle(handle -> conversion(handle, id));
    }

    List<Conversion> conversions() {
        return jdbi.withHandle(handle -> handle
                .createQuery("select id from settlement_conversion order by requested_on, recorded_at")
                .mapTo(UUID.class)
                .list()
                .stream()
                .map(id -> conversion(handle, id).orElseThrow())
                .toList());
    }

    private Optional<Conversion> conversion(Handle handle, UUID id) {
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
                            new ExchangeRate(
                                    Currency.of(rs.getString("rate_base")),
                                    Currency.of(rs.getString("rate_quote")),
                                    rs.getBigDecimal("rate"),
                                    rs.getString("rate_source"),
                                    rs.getObject("rate_date", LocalDate.class)),
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

    private List<ConversionExecution> executions(Handle handle, String where, Object key) {
        return handle
                .createQuery("""
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
                            new ExchangeRate(
                                    Currency.of(rs.getString("rate_base")),
                                    Currency.of(rs.getString("rate_quote")),
                                    rs.getBigDecimal("rate"),
                                    rs.getString("rate_source"),
                                    rs.getObject("rate_date", LocalDate.class)),
                            rs.getString("authorisation_ref"),
                            rs.getObject("lot_id", UUID.class),
                            List.of(),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"));
                })
                .list()
                .stream()
                .map(e -> new ConversionExecution(
                        e.id(),
                        e.conversionId(),
                        e.valueDate(),
                        e.quote(),
                        e.rate(),
                        e.authorisationReference(),
                        e.lotId(),
                        consumptions(handle, "conversion-execution:" + e.id()),
                        e.recordedAt(),
                        e.recordedBy()))
                .toList();
    }

    Optional<RestrictedTransfer> restrictedTransfer(UUID id) {
        return jdbi.withHandle(
                handle -> transfers(handle, "where t.id = :key", id).stream().findFirst());
    }

    List<RestrictedTransfer> restrictedTransfers() {
        return jdbi.withHandle(handle -> transfers(handle, "", null));
    }

    private List<RestrictedTransfer> transfers(Handle handle, String where, Object key) {
        var query = handle.createQuery("select t.*, s.currency from settlement_transfer t "
                + "join settlement_account s on s.id = t.source_account_id " + where
                + " order by t.value_date, t.recorded_at");
        if (key != null) {
            query.bind("key", key);
        }
        return query
                .map((rs, ctx) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new RestrictedTransfer(
                            id,
                            rs.getObject("source_account_id", UUID.class),
                            rs.getObject("destination_account_id", UUID.class),
                            Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))),
                            rs.getObject("value_date", LocalDate.class),
                            text(rs.getString("approval_reference")),
                            rs.getString("authorisation_ref"),
                            rs.getObject("ledger_transfer_id", UUID.class),
                            rs.getObject("lot_id", UUID.class),
                            List.of(),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"));
                })
                .list()
                .stream()
                .map(t -> new RestrictedTransfer(
                        t.id(),
                        t.sourceAccountId(),
                        t.destinationAccountId(),
                        t.amount(),
                        t.valueDate(),
                        t.approvalReference(),
                        t.authorisationReference(),
                        t.ledgerTransferId(),
                        t.lotId(),
                        consumptions(handle, "transfer:" + t.id()),
                        t.recordedAt(),
                        t.recordedBy()))
                .toList();
    }

    private static List<LotConsumption> consumptions(Handle handle, String reference) {
        return handle.createQuery("""
                        select c.*, l.value_date as lot_value_date, a.currency from settlement_lot_consumption c
                        join settlement_lot l on l.id = c.lot_id join settlement_account a on a.id = c.account_id
                        where c.reference = :reference order by l.value_date, l.seq
                        """)
                .bind("reference", reference)
                .map((rs, ctx) -> new LotConsumption(
                        rs.getObject("lot_id", UUID.class),
                        rs.getObject("lot_value_date", LocalDate.class),
                        rs.getObject("account_id", UUID.class),
                        reference,
                        ConsumptionKind.valueOf(rs.getString("kind")),
                        rs.getObject("value_date", LocalDate.class),
                        Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency")))))
                .list();
    }

    private static Optional<String> text(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
