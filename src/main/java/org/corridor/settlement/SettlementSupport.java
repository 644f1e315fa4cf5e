package org.corridor.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.UsageOutcome;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.ledger.TransferResult;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * What the settlement use cases share: the unit of work they open, and the checks every movement
 * passes inside it through the other features' public services: coverage by an authorisation on
 * the value date (FR-2), the usage recorded against it, the ledger's posting, and the audit entry.
 * A failed check throws {@link RefusedException}, which rolls the unit of work back. Holds the
 * feature's collaborators, each thread-safe.
 *
 * @param channel the channel's own ledger accounts money passes through
 */
record SettlementSupport(
        Transactions transactions,
        Ledger ledger,
        Authorisations authorisations,
        AuditLog audit,
        ChannelAccounts channel,
        Clock clock,
        ZoneId zone) {

    /**
     * How a refused movement is audited, in a unit of work of its own: its action, subject and
     * request, and whether the entry lists the register's findings.
     */
    record Refusing(String action, String subject, String request, boolean withFindings) {}

    /**
     * A movement of money between two restricted accounts as the authorisation register sees it:
     * where it is held and where it goes, the Authority's approval if any, and the holder that links
     * the holder's payments for aggregation.
     */
    static Movement between(
            MovementKind kind,
            LocalDate valueDate,
            Money amount,
            String reference,
            AccountStore.AccountRow source,
            AccountStore.AccountRow destination,
            Optional<String> approval) {
        return Movement.of(kind, valueDate, amount)
                .withReference(reference)
                .withAccountLocation(source.country())
                .withDestinationLocation(destination.country())
                .withPriorApproval(approval.orElse(null))
                .withLinkedPaymentKey("holder:" + source.holder());
    }

    /** Runs one use case in one unit of work (retried as {@link Transactions} says). */
    <T> T inTransaction(Function<Transaction, T> work) {
        return transactions.inTransaction(work);
    }

    /**
     * Runs a movement's use case in one unit of work. When it is refused, the unit of work rolls
     * back and the refusal is audited on its own, as {@code refusing} says.
     */
    <T> SettlementOutcome<T> inTransaction(
            Actor by, Refusing refusing, Function<Transaction, SettlementOutcome<T>> work) {
        try {
            return transactions.inTransaction(work);
        } catch (RefusedException e) {
            SettlementOutcome.Refused<T> refused = e.refused();
            Map<String, Object> outcome =
                    CanonicalJson.fields("reason", refused.reason().name(), "detail", refused.detail());
            if (refusing.withFindings()) {
                outcome.put(
                        "findings",
                        refused.findings().stream()
                                .map(f -> f.authorisationReference() + ": " + f.reason())
                                .toList());
            }
            AuditEvent event = AuditEvent.of(
                    by, refusing.action(), refusing.subject(), CanonicalJson.read(refusing.request()), outcome);
            transactions.useTransaction(transaction -> audit.append(transaction, event));
            return refused;
        }
    }

    /** Runs a read on a connection of its own. */
    <T> T read(Function<Transaction, T> work) {
        return transactions.read(work);
    }

    /** The authorisations register: coverage of a movement that is only requested, not yet made. */
    Coverage coverage(Transaction transaction, Movement movement) {
        return authorisations.coverage(transaction, movement);
    }

    /**
     * The authorisation that covers {@code movement}, with the movement's usage of it recorded; or
     * a refusal with the register's reasons. Every movement the settlement feature makes passes here.
     */
    Authorisation authorise(Transaction transaction, Movement movement) {
        Authorisation authorisation = cover(transaction, movement).primary().authorisation();
        recordUsage(transaction, authorisation.id(), movement);
        return authorisation;
    }

    /** The authorisation that covers {@code movement}, or a refusal with the register's reasons. */
    private Coverage.Covered cover(Transaction transaction, Movement movement) {
        Coverage coverage = authorisations.coverage(transaction, movement);
        if (coverage instanceof Coverage.NotCovered refused) {
            throw refusal(refused);
        }
        return (Coverage.Covered) coverage;
    }

    /**
     * The refusal for the register's primary reason, explained by a finding of that reason: the
     * first finding may belong to another authorisation, refused for something else.
     */
    private static RefusedException refusal(Coverage.NotCovered refused) {
        String detail = refused.findings().stream()
                .filter(finding -> finding.reason() == refused.primary())
                .findFirst()
                .map(finding -> finding.authorisationReference() + ": " + finding.detail())
                .orElse("no authorisation in the register permits this movement ("
                        + refused.primary().name() + ")");
        return new RefusedException(
                new SettlementOutcome.Refused<>(Refusal.of(refused.primary()), detail, refused.findings()));
    }

    /**
     * Records the movement's usage of the authorisation; the register re-checks it under the
     * authorisation's lock, so that concurrent movements cannot together exceed a cap.
     */
    private void recordUsage(Transaction transaction, UUID authorisationId, Movement movement) {
        UsageOutcome usage = authorisations.recordUsage(transaction, authorisationId, movement);
        if (usage instanceof UsageOutcome.Refused refused) {
            Refusal reason = refused.findings().isEmpty()
                    ? Refusal.NO_AUTHORISATION
                    : Refusal.of(refused.findings().get(0).reason());
            throw new RefusedException(new SettlementOutcome.Refused<>(
                    reason,
                    refused.authorisation().reference() + " no longer covers the movement",
                    refused.findings()));
        }
        if (usage instanceof UsageOutcome.ExistsWithDifferentContent) {
            throw new IllegalStateException("usage of " + movement.reference().orElse("?")
                    + " was recorded with other content: settlement references are unique per movement");
        }
    }

    /**
     * Posts {@code transfers} in the unit of work; a refusal by the ledger throws the refusal it
     * stands for (a frozen account, too little money).
     */
    void post(Transaction transaction, Actor by, List<NewTransfer> transfers) {
        for (TransferOutcome outcome : ledger.post(transaction, by, transfers)) {
            if (outcome.succeeded() || outcome.result() == TransferResult.LINKED_EVENT_FAILED) {
                continue;
            }
            if (outcome.result().name().startsWith("OVERFLOWS_")) {
                // A balance past 2^63 minor units is bad input to refuse by name, not a crash.
                throw new InvalidInputException(
                        "AMOUNT_OVERFLOW",
                        "the ledger answered " + outcome.result() + ": a balance would pass 2^63 minor units");
            }
            Refusal reason = switch (outcome.result()) {
                case ACCOUNT_BLOCKED, ACCOUNT_CLOSED -> Refusal.ACCOUNT_BLOCKED;
                case EXCEEDS_CREDITS -> Refusal.INSUFFICIENT_FUNDS;
                default ->
                    throw new IllegalStateException("the ledger refused a settlement posting: " + outcome.result());
            };
            throw new RefusedException(SettlementOutcome.Refused.of(reason, "the ledger answered " + outcome.result()));
        }
    }

    /** Appends the use case's audit entry, as the last write of its unit of work. */
    void audit(Transaction transaction, AuditEvent event) {
        audit.append(transaction, event);
    }

    /**
     * True when the idempotency key was recorded before with {@code request}; absent, false.
     *
     * @throws ConflictException {@code code} when it was recorded with another request
     */
    static boolean repeated(Optional<String> earlier, String request, String code, String message) {
        if (earlier.isEmpty()) {
            return false;
        }
        if (!earlier.get().equals(request)) {
            throw new ConflictException(code, message);
        }
        return true;
    }

    /** Now, to the microsecond the database keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Today's business date in the channel's zone. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
