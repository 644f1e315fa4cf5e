package org.corridor.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.PendingItem;
import org.corridor.money.Money;

/**
 * Conversions between a holder's restricted accounts in two currencies (FR-13, FR-15): a request
 * checked against the authorisations on its date, then executions (tranches) checked again on
 * their value dates, within the account's caps, each posted as one linked ledger batch through the
 * FX accounts. Thread-safe.
 */
public final class Conversions {

    private final ConversionStore store;
    private final RestrictedAccounts accounts;
    private final ChannelAccounts channel;
    private final Clock clock;
    private final ZoneId zone;

    Conversions(ConversionStore store, RestrictedAccounts accounts, ChannelAccounts channel, Clock clock, ZoneId zone) {
        this.store = store;
        this.accounts = accounts;
        this.channel = channel;
        this.clock = clock;
        this.zone = zone;
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
        requirePast(conversion.requestedOn(), "a conversion request");
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
        return store.request(
                by, new ConversionStore.PreparedRequest(conversion, source, destination, fee, indicative, request));
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
        Conversion conversion = get(conversionId);
        String request = CanonicalJson.write(CanonicalJson.fields(
                "conversion", conversionId.toString(),
                "value_date", execution.valueDate().toString(),
                "amount", execution.amount().map(Money::toString).orElse("remaining"),
                "rate", execution.rate().map(ExchangeRate::toString).orElse("recorded")));
        Optional<ConversionExecution> earlier = conversion.executions().stream()
                .filter(e -> e.id().equals(execution.id()))
                .findFirst();
        AccountStore.AccountRow source = accounts.row(conversion.sourceAccountId());
        AccountStore.AccountRow destination = accounts.row(conversion.destinationAccountId());
        if (earlier.isEmpty()) {
            if (conversion.status() == ConversionStatus.EXECUTED) {
                throw new ConflictException(
                        "CONVERSION_ALREADY_EXECUTED", "conversion " + conversionId + " is executed in full");
            }
            requirePast(execution.valueDate(), "an execution");
            if (execution.valueDate().isBefore(conversion.requestedOn())) {
                throw new InvalidInputException(
                        "VALUE_DATE_BEFORE_REQUEST",
                        "the conversion was requested on " + conversion.requestedOn() + ", not executable on "
                                + execution.valueDate());
            }
        }
        Money amount = execution.amount().orElse(conversion.remaining());
        if (earlier.isEmpty() && !amount.currency().equals(source.currency())) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH", "a tranche is in " + source.currency() + ", not " + amount.currency());
        }
        if (earlier.isEmpty() && amount.compareTo(conversion.remaining()) > 0) {
            throw new InvalidInputException(
                    "EXECUTION_EXCEEDS_REQUEST",
                    amount + " is more than the " + conversion.remaining() + " left of the conversion");
        }
        ExchangeRate rate = execution.rate().orElse(conversion.rate());
        ConversionQuote quote = earlier.map(ConversionExecution::quote)
                .orElseGet(() -> ConversionQuote.of(
                        amount, conversion.fee(), rate, conversion.spreadPercent(), destination.currency()));
        ConversionStore.Channel accountsUsed = new ConversionStore.Channel(
                channel.fx(by, source.currency()),
                channel.fx(by, destination.currency()),
                channel.fees(by, source.currency()));
        return store.execute(
                by,
                new ConversionStore.PreparedExecution(
                        execution, conversion, source, destination, rate, quote, accountsUsed, request));
    }

    /** @throws NotFoundException CONVERSION_NOT_FOUND */
    public Conversion get(UUID id) {
        return store.conversion(id)
                .orElseThrow(() -> new NotFoundException("CONVERSION_NOT_FOUND", "no conversion " + id));
    }

    public List<Conversion> list() {
        return store.conversions();
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

    private void requirePast(LocalDate date, String what) {
        if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_FUTURE", what + " is recorded when it happens, not for " + date);
        }
    }
}
