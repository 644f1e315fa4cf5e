package org.corridor.settlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.ledger.ChannelCodes;
import org.corridor.ledger.NewTransfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;

/**
 * Executions (tranches) of conversions, each one unit of work: the caps, the coverage check on its
 * value date, the usage, one linked ledger batch through the FX and FEES accounts, the FIFO
 * consumption of the source's lots, the destination's new lot and the audit entry. A coverage
 * failure holds the conversion (committed, with its own audit entry); any other refusal rolls
 * everything back and is audited on its own. Thread-safe.
 */
final class ConversionExecutions {

    /** The channel's own accounts a conversion goes through. */
    private record Channel(UUID fxSource, UUID fxTarget, UUID feesSource) {}

    /** An execution checked and priced, ready to record. */
    private record Prepared(
            NewExecution execution,
            Conversion conversion,
            AccountStore.AccountRow source,
            AccountStore.AccountRow destination,
            ExchangeRate rate,
            ConversionQuote quote,
            Channel channel,
            String request) {

        String reference() {
            return "conversion-execution:" + execution.id();
        }

        Movement movement() {
            return SettlementSupport.between(
                            MovementKind.CONVERSION,
                            execution.valueDate(),
                            quote.amount(),
                            reference(),
                            source,
                            destination,
                            conversion.approvalReference())
                    .withCounterAmount(quote.target());
        }
    }

    private final ConversionStore store = new ConversionStore();
    private final AccountStore accountStore = new AccountStore();
    private final SettlementSupport support;
    private final RestrictedAccounts accounts;
    private final Lots lots;

    ConversionExecutions(SettlementSupport support, RestrictedAccounts accounts, Lots lots) {
        this.support = support;
        this.accounts = accounts;
        this.lots = lots;
    }

    /** See {@link Conversions#execute}. */
    SettlementOutcome<ConversionExecution> execute(Actor by, Conversion conversion, NewExecution execution) {
        Prepared prepared = prepare(by, conversion, execution);
        SettlementSupport.Refusing refusing = new SettlementSupport.Refusing(
                "CONVERSION_EXECUTION_REFUSED", "conversion:" + conversion.id(), prepared.request(), false);
        return support.inTransaction(by, refusing, tx -> execute(tx, by, prepared));
    }

    private Prepared prepare(Actor by, Conversion conversion, NewExecution execution) {
        String request = CanonicalJson.write(CanonicalJson.fields(
                "conversion", conversion.id().toString(),
                "value_date", execution.valueDate().toString(),
                "amount", execution.amount().map(Money::toString).orElse("remaining"),
                "rate", execution.rate().map(ExchangeRate::toString).orElse("recorded")));
        Optional<ConversionExecution> earlier = conversion.executions().stream()
                .filter(e -> e.id().equals(execution.id()))
                .findFirst();
        AccountStore.AccountRow source = accounts.row(conversion.sourceAccountId());
        AccountStore.AccountRow destination = accounts.row(conversion.destinationAccountId());
        Money amount = execution.amount().orElse(conversion.remaining());
        if (earlier.isEmpty()) {
            requireExecutable(conversion, execution, amount, source.currency());
        }
        ExchangeRate rate = execution.rate().orElse(conversion.rate());
        ConversionQuote quote = earlier.map(ConversionExecution::quote)
                .orElseGet(() -> ConversionQuote.of(
                        amount, conversion.fee(), rate, conversion.spreadPercent(), destination.currency()));
        ChannelAccounts channel = support.channel();
        Channel accountsUsed = new Channel(
                channel.fx(by, source.currency()),
                channel.fx(by, destination.currency()),
                channel.fees(by, source.currency()));
        return new Prepared(execution, conversion, source, destination, rate, quote, accountsUsed, request);
    }

    private void requireExecutable(Conversion conversion, NewExecution execution, Money amount, Currency currency) {
        if (conversion.status() == ConversionStatus.EXECUTED) {
            throw new ConflictException(
                    "CONVERSION_ALREADY_EXECUTED", "conversion " + conversion.id() + " is executed in full");
        }
        requirePast(support.today(), execution.valueDate(), "an execution");
        if (execution.valueDate().isBefore(conversion.requestedOn())) {
            throw new InvalidInputException(
                    "VALUE_DATE_BEFORE_REQUEST",
                    "the conversion was requested on " + conversion.requestedOn() + ", not executable on "
                            + execution.valueDate());
        }
        if (!amount.currency().equals(currency)) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH", "a tranche is in " + currency + ", not " + amount.currency());
        }
        if (amount.compareTo(conversion.remaining()) > 0) {
            throw new InvalidInputException(
                    "EXECUTION_EXCEEDS_REQUEST",
                    amount + " is more than the " + conversion.remaining() + " left of the conversion");
        }
    }

    /** @throws InvalidInputException VALUE_DATE_IN_FUTURE */
    static void requirePast(LocalDate today, LocalDate date, String what) {
        if (date.isAfter(today)) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_FUTURE", what + " is recorded when it happens, not for " + date);
        }
    }

    private SettlementOutcome<ConversionExecution> execute(Transaction tx, Actor by, Prepared prepared) {
        NewExecution execution = prepared.execution();
        AccountStore.AccountRow source = prepared.source();
        // One execution at a time per source account: caps and FIFO are judged on a stable state,
        // and a repeated key is found even when both requests arrive at once.
        accountStore.lock(tx, source.id());
        if (SettlementSupport.repeated(
                store.executionRequest(tx, execution.id()),
                prepared.request(),
                "EXECUTION_EXISTS_WITH_DIFFERENT_CONTENT",
                "execution " + execution.id() + " was recorded with other content")) {
            return new SettlementOutcome.Done<>(
                    store.execution(tx, execution.id()).orElseThrow(), true);
        }
        Conversion current = store.conversion(tx, prepared.conversion().id()).orElseThrow();
        Money amount = prepared.quote().amount();
        if (current.status() == ConversionStatus.EXECUTED || amount.compareTo(current.remaining()) > 0) {
            throw new ConflictException(
                    "CONVERSION_ALREADY_EXECUTED",
                    "conversion " + current.id() + " has " + current.remaining() + " left to execute, not " + amount);
        }
        checkRule(tx, source, amount, execution.valueDate());
        lots.requireAvailable(tx, source, amount, execution.valueDate());
        Authorisation authorisation;
        try {
            authorisation = support.authorise(tx, prepared.movement());
        } catch (RefusedException e) {
            SettlementOutcome.Refused<ConversionExecution> refused = e.refused();
            hold(tx, by, prepared, refused);
            return refused;
        }
        return new SettlementOutcome.Done<>(record(tx, by, prepared, current, authorisation), false);
    }

    /** Posts the linked batch, moves the lots, records the execution and its conversion's progress. */
    private ConversionExecution record(
            Transaction tx, Actor by, Prepared prepared, Conversion current, Authorisation authorisation) {
        NewExecution execution = prepared.execution();
        ConversionQuote quote = prepared.quote();
        support.post(tx, by, legs(prepared, authorisation));
        List<LotConsumption> consumed = lots.consume(
                tx,
                prepared.source().id(),
                quote.amount(),
                execution.valueDate(),
                ConsumptionKind.CONVERSION,
                prepared.reference());
        UUID lotId = Ids.derived(execution.id(), "lot");
        lots.add(
                tx,
                lotId,
                prepared.destination().id(),
                quote.target(),
                execution.valueDate(),
                LotSource.CONVERSION_IN,
                prepared.reference(),
                consumed);
        ConversionExecution recorded = new ConversionExecution(
                execution.id(),
                current.id(),
                execution.valueDate(),
                quote,
                prepared.rate(),
                authorisation.reference(),
                lotId,
                consumed,
                support.now(),
                by.name());
        store.insertExecution(tx, recorded, prepared.source().id(), authorisation.id(), prepared.request());
        Money executed = current.executed().plus(quote.amount());
        ConversionStatus status =
                executed.equals(current.amount()) ? ConversionStatus.EXECUTED : ConversionStatus.PARTIALLY_EXECUTED;
        store.executed(tx, current.id(), executed, status);
        support.audit(tx, executedEvent(by, prepared, recorded, status));
        return recorded;
    }

    private static AuditEvent executedEvent(
            Actor by, Prepared prepared, ConversionExecution recorded, ConversionStatus status) {
        ConversionQuote quote = recorded.quote();
        return new AuditEvent(
                by,
                "CONVERSION_EXECUTED",
                "conversion:" + recorded.conversionId(),
                CanonicalJson.read(prepared.request()),
                CanonicalJson.fields(
                        "execution_id", recorded.id().toString(),
                        "amount", quote.amount().toString(),
                        "fee", quote.fee().toString(),
                        "spread", quote.spread().toString(),
                        "fx", quote.fx().toString(),
                        "target", quote.target().toString(),
                        "rate", recorded.rate().toString(),
                        "approval", prepared.conversion().approvalReference().orElse(""),
                        "status", status.name(),
                        "lots_consumed",
                                recorded.consumed().stream()
                                        .map(c -> c.lotValueDate() + " " + c.amount())
                                        .toList()),
                Map.of("authorisation", recorded.authorisationReference()));
    }

    /** The linked batch: source to FX (and to FEES for the spread and fee), then FX to destination. */
    private static List<NewTransfer> legs(Prepared prepared, Authorisation authorisation) {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("conversion", prepared.conversion().id().toString());
        references.put("execution", prepared.execution().id().toString());
        references.put("authorisation", authorisation.reference());
        prepared.conversion().approvalReference().ifPresent(approval -> references.put("approval", approval));
        ConversionQuote quote = prepared.quote();
        UUID key = prepared.execution().id();
        UUID source = prepared.source().id();
        Channel channel = prepared.channel();
        List<NewTransfer> legs = new ArrayList<>();
        legs.add(leg(key, "FX", source, channel.fxSource(), quote.fx(), references)
                .linkedToNext());
        if (quote.spread().isPositive()) {
            legs.add(leg(key, "SPREAD", source, channel.feesSource(), quote.spread(), references)
                    .linkedToNext());
        }
        if (quote.fee().isPositive()) {
            legs.add(leg(key, "FEE", source, channel.feesSource(), quote.fee(), references)
                    .linkedToNext());
        }
        legs.add(leg(key, "TARGET", channel.fxTarget(), prepared.destination().id(), quote.target(), references)
                .withMetadata(Map.of(
                        "leg", "TARGET",
                        "rate", prepared.rate().toString(),
                        "spread_percent", Amounts.plain(prepared.conversion().spreadPercent()),
                        "source_currency", quote.amount().currency().code())));
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

    /** Holds the conversion with the coverage refusal's reason; this commits, with its audit entry. */
    private void hold(
            Transaction tx, Actor by, Prepared prepared, SettlementOutcome.Refused<ConversionExecution> refused) {
        store.hold(tx, prepared.conversion().id(), refused.reason());
        support.audit(
                tx,
                AuditEvent.of(
                        by,
                        "CONVERSION_HELD",
                        "conversion:" + prepared.conversion().id(),
                        CanonicalJson.fields(
                                "execution_id", prepared.execution().id().toString(),
                                "value_date", prepared.execution().valueDate().toString()),
                        CanonicalJson.fields(
                                "reason", refused.reason().name(),
                                "detail", refused.detail(),
                                "findings",
                                        refused.findings().stream()
                                                .map(f -> f.authorisationReference() + ": " + f.reason())
                                                .toList())));
    }

    /** The account's conversion rule (FR-15): the largest tranche, and the cap over any 7 value dates. */
    private void checkRule(Transaction tx, AccountStore.AccountRow source, Money amount, LocalDate valueDate) {
        Optional<ConversionRule> rule = accountStore.rule(tx, source.id());
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
        List<Map.Entry<LocalDate, Long>> recent =
                store.executedBetween(tx, source.id(), valueDate.minusDays(6), valueDate.plusDays(6));
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
}
