package org.corridor.settlement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.PendingItem;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;

/**
 * Conversions between a holder's restricted accounts in two currencies (FR-13, FR-15): a request
 * checked against the authorisations on its date, then executions (tranches) checked again on
 * their value dates, within the account's caps, each posted as one linked ledger batch through the
 * FX accounts ({@link ConversionExecutions}). Thread-safe.
 */
public final class Conversions {

    private final ConversionStore store = new ConversionStore();
    private final SettlementSupport support;
    private final RestrictedAccounts accounts;
    private final ConversionExecutions executions;

    Conversions(SettlementSupport support, RestrictedAccounts accounts, Lots lots) {
        this.support = support;
        this.accounts = accounts;
        this.executions = new ConversionExecutions(support, accounts, lots);
    }

    /**
     * Records a conversion request: APPROVED when an authorisation covers it on its request date
     * (permits conversions, the destination's location, the currencies, with the Authority's
     * approval where needed), else HELD with the reason. The same id and content return it again.
     *
     * @throws ConflictException CONVERSION_EXISTS_WITH_DIFFERENT_CONTENT
     */
    public SettlementOutcome.Done<Conversion> request(Actor by, NewConversion conversion) {
        AccountStore.AccountRow source = accounts.row(conversion.source());
        AccountStore.AccountRow destination = accounts.row(conversion.destination());
        if (!source.holder().equals(destination.holder())) {
            throw new InvalidInputException(
                    "HOLDER_MISMATCH",
                    "restricted money stays with its holder: " + source.name() + " is " + source.holder() + "'s, "
                            + destination.name() + " is " + destination.holder() + "'s");
        }
        if (source.currency().equals(destination.currency())) {
            throw new InvalidInputException(
                    "CONVERSION_CURRENCIES_SAME",
                    source.name() + " and " + destination.name() + " are both in " + source.currency()
                            + ": move the money with a restricted transfer");
        }
        if (!conversion.amount().currency().equals(source.currency())) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH",
                    source.name() + " holds " + source.currency() + ", not "
                            + conversion.amount().currency());
        }
        ConversionExecutions.requirePast(support.today(), conversion.requestedOn(), "a conversion request");
        Money fee = conversion.fee().orElse(Money.zero(source.currency()));
        ConversionQuote indicative = ConversionQuote.of(
                conversion.amount(), fee, conversion.rate(), conversion.spreadPercent(), destination.currency());
        String request = CanonicalJson.write(CanonicalJson.fields(
                "source", source.name(),
                "destination", destination.name(),
                "amount", conversion.amount().toString(),
                "requested_on", conversion.requestedOn().toString(),
                "approval", conversion.approvalReference().orElse(""),
                "rate", conversion.rate().toString(),
                "spread_percent", Amounts.plain(conversion.spreadPercent()),
                "fee", fee.toString()));
        Movement movement = SettlementSupport.between(
                        MovementKind.CONVERSION,
                        conversion.requestedOn(),
                        conversion.amount(),
                        "conversion:" + conversion.id(),
                        source,
                        destination,
                        conversion.approvalReference())
                .withCounterAmount(indicative.target());
        return support.inTransaction(tx -> {
            if (SettlementSupport.repeated(
                    store.request(tx, conversion.id()),
                    request,
                    "CONVERSION_EXISTS_WITH_DIFFERENT_CONTENT",
                    "conversion " + conversion.id() + " was requested with other content")) {
                return new SettlementOutcome.Done<>(
                        store.conversion(tx, conversion.id()).orElseThrow(), true);
            }
            record(tx, by, conversion, source, destination, fee, indicative, movement, request);
            return new SettlementOutcome.Done<>(
                    store.conversion(tx, conversion.id()).orElseThrow(), false);
        });
    }

    /** Records the request, APPROVED or HELD by its coverage on the request date, with its audit entry. */
    private void record(
            Transaction tx,
            Actor by,
            NewConversion conversion,
            AccountStore.AccountRow source,
            AccountStore.AccountRow destination,
            Money fee,
            ConversionQuote indicative,
            Movement movement,
            String request) {
        Coverage coverage = support.coverage(tx, movement);
        Optional<String> authorisation = coverage instanceof Coverage.Covered covered
                ? Optional.of(covered.primary().authorisation().reference())
                : Optional.empty();
        Optional<Refusal> held = coverage instanceof Coverage.NotCovered refused
                ? Optional.of(Refusal.of(refused.primary()))
                : Optional.empty();
        ConversionStatus status = held.isPresent() ? ConversionStatus.HELD : ConversionStatus.APPROVED;
        Conversion requested = new Conversion(
                conversion.id(),
                source.id(),
                destination.id(),
                conversion.amount(),
                conversion.requestedOn(),
                conversion.approvalReference(),
                conversion.rate(),
                conversion.spreadPercent(),
                fee,
                status,
                held,
                Money.zero(source.currency()),
                authorisation,
                List.of(),
                support.now(),
                by.name());
        if (!store.insert(tx, requested, request)) {
            throw new ConcurrentChangeException("conversion " + conversion.id() + " requested concurrently");
        }
        support.audit(
                tx,
                new AuditEvent(
                        by,
                        held.isPresent() ? "CONVERSION_HELD" : "CONVERSION_REQUESTED",
                        "conversion:" + conversion.id(),
                        CanonicalJson.read(request),
                        outcome(coverage, authorisation, status, indicative),
                        authorisation
                                .map(reference -> Map.of("authorisation", reference))
                                .orElse(Map.of())));
    }

    /** The audit entry's outcome of a request: what covered it, or the register's findings. */
    private static Map<String, Object> outcome(
            Coverage coverage, Optional<String> authorisation, ConversionStatus status, ConversionQuote indicative) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        authorisation.ifPresent(reference -> outcome.put("authorisation", reference));
        if (coverage instanceof Coverage.NotCovered refused) {
            outcome.put(
                    "findings",
                    refused.findings().stream()
                            .map(f -> f.authorisationReference() + ": " + f.reason())
                            .toList());
        }
        outcome.put("status", status.name());
        outcome.put("indicative_target", indicative.target().toString());
        return outcome;
    }

    /**
     * Executes a tranche of a conversion on its value date, under its own idempotency key: coverage
     * is checked again (a failure puts the conversion in HELD with the reason), then the account's
     * largest tranche and weekly cap, the funds dated up to the value date, and the ledger. The same
     * id and content return the original execution.
     *
     * @throws ConflictException EXECUTION_EXISTS_WITH_DIFFERENT_CONTENT, CONVERSION_ALREADY_EXECUTED
     */
    public SettlementOutcome<ConversionExecution> execute(Actor by, UUID conversionId, NewExecution execution) {
        return executions.execute(by, get(conversionId), execution);
    }

    /** @throws NotFoundException CONVERSION_NOT_FOUND */
    public Conversion get(UUID id) {
        return support.read(tx -> store.conversion(tx, id))
                .orElseThrow(() -> new NotFoundException("CONVERSION_NOT_FOUND", "no conversion " + id));
    }

    public List<Conversion> list() {
        return support.read(store::conversions);
    }

    /**
     * Conversions approved or held and not yet executed in full, for expiry warnings (FR-3): an
     * authorisation's expiry may stop them.
     */
    public List<PendingItem> pendingItems() {
        return list().stream()
                .filter(c -> c.status() != ConversionStatus.EXECUTED)
                .map(c -> new PendingItem(
                        "CONVERSION", c.id().toString(), Optional.of(c.remaining()), Optional.empty(), Set.of()))
                .toList();
    }
}
