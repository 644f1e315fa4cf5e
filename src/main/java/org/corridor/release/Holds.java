package org.corridor.release;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.ChannelCodes;
import org.corridor.ledger.HoldState;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transaction;

/**
 * A request's money in the ledger and its movement as the authorisations see it: the hold placed
 * under the covering authorisation (a pending transfer to the channel's outgoing account, which
 * ends with the authorisation), its void, and the movement that coverage is asked about. Ids are
 * derived from the request and the number of holds it placed before, so a retried unit of work posts
 * the same transfers, while a new attempt after a refusal gets ids of its own: the ledger answers a
 * refused id with its first refusal for ever. Thread-safe.
 */
final class Holds {

    /** The Authority's reference while its step is still to come. */
    static final String PRIOR_APPROVAL_PENDING = "PENDING-AUTHORITY-APPROVAL";

    private final Ledger ledger;
    private final Settlement settlement;
    private final ScheduleStore store;
    private final ZoneId zone;

    Holds(Ledger ledger, Settlement settlement, ScheduleStore store, ZoneId zone) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.store = store;
        this.zone = zone;
    }

    /** The disbursement the request makes on {@code on}, as coverage is asked about it. */
    Movement movement(RequestRow row, Optional<String> priorApproval, LocalDate on) {
        Set<Category> purposes = EnumSet.noneOf(Category.class);
        for (ReleaseLine line : row.lines().lines()) {
            Category.parse(line.category()).ifPresent(purposes::add);
        }
        RestrictedAccount account = settlement.accounts().get(row.accountId());
        Movement movement = Movement.of(
                        MovementKind.DISBURSEMENT,
                        on,
                        Money.ofMinor(Math.max(1, row.amountMinor()), row.currencyUnit()))
                .withReference(row.reference())
                .withPurposes(purposes.toArray(Category[]::new))
                .withAccountLocation(account.country())
                .withLinkedPaymentKey(
                        "vendor:" + RequestChecks.partyId(row.content().vendor()));
        return priorApproval.map(movement::withPriorApproval).orElse(movement);
    }

    /** The Authority's approval reference, or a placeholder while that step is still to come. */
    static Optional<String> priorApproval(RequestRow row, List<Approval> approvals) {
        Optional<String> recorded = approvals.stream()
                .filter(approval -> approval.step().equals(ApprovalStep.AUTHORITY.name()))
                .findFirst()
                .flatMap(Approval::reference);
        if (recorded.isPresent() || !row.requiredSteps().contains(ApprovalStep.AUTHORITY)) {
            return recorded;
        }
        return Optional.of(PRIOR_APPROVAL_PENDING);
    }

    /** The channel's account that release holds credit, one per currency, opened on first use. */
    UUID outgoingAccount(Currency currency) {
        UUID id = derived("release-outgoing:" + currency.code());
        if (ledger.account(id).isEmpty()) {
            ledger.createAccount(
                    Actor.SYSTEM,
                    new NewAccount(
                            id, currency, AccountCode.VENDOR, "RELEASES-OUTGOING", EnumSet.noneOf(AccountFlag.class)));
        }
        return id;
    }

    /**
     * The id of the request's {@code attempt}-th hold under {@code authorisation}, counting from 0;
     * the first keeps the id requests had before attempts were counted.
     */
    static UUID holdId(RequestRow row, Authorisation authorisation, int attempt) {
        String first = "release-hold:" + row.id() + ":" + authorisation.reference();
        return derived(attempt == 0 ? first : first + ":" + attempt);
    }

    /** The id of the posting of {@code hold}: one per hold, so that a hold placed again posts afresh. */
    static UUID postId(UUID hold) {
        return derived("release-post:" + hold);
    }

    /**
     * The pending transfer that holds the request's amount until the authorisation ends, numbered as
     * the request's next attempt; the attempt is counted in the caller's unit of work, so it is
     * undone with it.
     */
    NewTransfer nextHold(Transaction transaction, RequestRow row, Authorisation authorisation, UUID outgoing) {
        int attempt = store.holdAttempts(transaction, row.id());
        store.holdPlaced(transaction, row.id());
        return NewTransfer.pending(
                        holdId(row, authorisation, attempt),
                        row.accountId(),
                        outgoing,
                        row.amountMinor(),
                        row.currencyUnit(),
                        ChannelCodes.RELEASE,
                        Optional.of(endOf(authorisation)))
                .withReferences(Map.of("release", row.reference(), "authorisation", authorisation.reference()));
    }

    /** Voids the request's hold, in the caller's unit of work, if it is still pending. */
    void voidHold(Transaction transaction, RequestRow row, UUID hold, Actor by) {
        if (ledger.holdState(hold).filter(HoldState.PENDING::equals).isPresent()) {
            ledger.post(
                    transaction,
                    by,
                    List.of(NewTransfer.voidPending(derived("release-void:" + hold), hold, row.currencyUnit())));
        }
    }

    /**
     * Gives the request's hold back, voided if still pending, and forgets it: a request held for
     * want of funds or cap ties up neither while it waits, and asks again for a new hold.
     */
    void giveBack(Transaction transaction, RequestRow row, Actor by) {
        row.holdId().ifPresent(hold -> voidHold(transaction, row, hold, by));
        store.clearHold(transaction, row.id());
    }

    /** The request's reason when the ledger refuses its posting. */
    static String refusal(TransferOutcome outcome) {
        return outcome.result().name().equals("EXCEEDS_CREDITS")
                ? ReleaseReason.INSUFFICIENT_FUNDS.name()
                : ReleaseReason.POSTING_REFUSED.name();
    }

    /** When a hold under the authorisation must end: the close of its last valid day in the channel's zone. */
    private Instant endOf(Authorisation authorisation) {
        return authorisation.validTo().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A stable id from a name, so that a retried transaction writes the same transfers. */
    static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
