package org.corridor.authorisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.money.Currency;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorisation register and the coverage check every money movement goes through (FR-1 to
 * FR-4, FR-8, FR-30): register and renew authorisations, list them, compute gaps and expiry
 * warnings, and answer which authorisations cover a movement on its execution date. Never fails
 * open: a movement with missing data is refused with a named reason. Thread-safe.
 */
public final class Authorisations {

    /** Lead times of expiry warnings, in days, unless the caller names others (FR-3). */
    public static final List<Integer> DEFAULT_WARNING_DAYS = List.of(30, 14, 7, 1);

    private static final Logger LOG = LoggerFactory.getLogger(Authorisations.class);

    private final AuthorisationStore store = new AuthorisationStore();
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final List<PendingItems> pendingItems = new CopyOnWriteArrayList<>();
    private final List<Consumer<Authorisation>> recordedListeners = new CopyOnWriteArrayList<>();

    public Authorisations(Transactions transactions, AuditLog audit, Clock clock, ZoneId zone) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The authorisations covering {@code movement} as the caller's unit of work sees the register:
     * for a use case that moves money in the same transaction. Caps count what was used so far. Does
     * not lock; to make the check and the usage atomic, record the usage with {@link #recordUsage}.
     */
    public Coverage coverage(Transaction transaction, Movement movement) {
        List<Authorisation> register = store.all(transaction);
        List<UUID> capped = register.stream()
                .filter(a -> a.validOn(movement.executionDate()))
                .filter(a -> a.caps().stream().anyMatch(cap -> cap.movements().contains(movement.kind())))
                .map(Authorisation::id)
                .toList();
        int aggregationDays = register.stream()
                .flatMap(a -> a.thresholds().stream())
                .mapToInt(Threshold::aggregationDays)
                .max()
                .orElse(0);
        return CoverageRules.cover(
                register, movement, store.usage(transaction, capped), linked(transaction, movement, aggregationDays));
    }

    /**
     * Records that {@code movement} used {@code authorisationId}, in the caller's unit of work, after
     * {@link #coverage} found it covering; the caller's own audit entry for the movement names the
     * authorisation. Locks the authorisation's row and checks the movement against it again
     * (validity, terms, caps with the usage recorded so far), so concurrent movements cannot together
     * exceed a cap. Repeating the movement's reference returns the first usage.
     *
     * @throws InvalidInputException MOVEMENT_REFERENCE_MISSING
     * @throws NotFoundException AUTHORISATION_NOT_FOUND
     */
    public UsageOutcome recordUsage(Transaction transaction, UUID authorisationId, Movement movement) {
        if (movement.reference().isEmpty()) {
            throw new InvalidInputException(
                    "MOVEMENT_REFERENCE_MISSING", "recording usage needs the movement's own reference");
        }
        Authorisation authorisation = store.lock(transaction, authorisationId)
                .orElseThrow(() -> new NotFoundException(
                        "AUTHORISATION_NOT_FOUND", "no authorisation with id " + authorisationId));
        List<Usage> usage = store.usage(transaction, List.of(authorisationId)).getOrDefault(authorisationId, List.of());
        String reference = movement.reference().get();
        Optional<Usage> existing = usage.stream()
                .filter(u -> u.movementReference().equals(reference))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get().sameAs(movement)
                    ? new UsageOutcome.AlreadyRecorded(authorisation)
                    : new UsageOutcome.ExistsWithDifferentContent(authorisation);
        }
        int aggregationDays = authorisation.thresholds().stream()
                .mapToInt(Threshold::aggregationDays)
                .max()
                .orElse(0);
        CoverageRules.Evaluation evaluation =
                CoverageRules.evaluate(authorisation, movement, usage, linked(transaction, movement, aggregationDays));
        if (!evaluation.covers()) {
            return new UsageOutcome.Refused(authorisation, evaluation.findings());
        }
        store.insertUsage(transaction, Usage.of(authorisationId, movement), now());
        return new UsageOutcome.Recorded(authorisation, evaluation.requirements());
    }

    /** Usage sharing the movement's linked-payment key within the look-back window. */
    private List<Usage> linked(Transaction transaction, Movement movement, int aggregationDays) {
        if (movement.linkedPaymentKey().isEmpty() || aggregationDays == 0) {
            return List.of();
        }
        return store.linked(
                transaction,
                movement.linkedPaymentKey().get(),
                movement.executionDate().minusDays(aggregationDays - 1L),
                movement.executionDate());
    }

    /** Records a new authorisation. Its series is the one named, or its own reference. */
    public Authorisation register(Actor by, NewAuthorisation terms) {
        terms.validate();
        Authorisation authorisation = Authorisation.of(
                UUID.randomUUID(), terms.series().orElse(terms.reference()), Optional.empty(), terms, now(), by.name());
        insert(by, "AUTHORISATION_REGISTERED", authorisation, terms, Optional.empty());
        return authorisation;
    }

    /**
     * Records a renewal: a new authorisation in the predecessor's series that names it (FR-4). The
     * gap between the two periods, if any, is recorded in the audit entry and reported by {@link #gaps}.
     */
    public Authorisation renew(Actor by, UUID predecessorId, NewAuthorisation terms) {
        terms.validate();
        Authorisation predecessor = get(predecessorId);
        Optional<Authorisation> successor = list().stream()
                .filter(a -> a.predecessorId().equals(Optional.of(predecessorId)))
                .findFirst();
        if (successor.isPresent()) {
            throw new ConflictException(
                    "AUTHORISATION_ALREADY_RENEWED",
                    predecessor.reference() + " has already been renewed by "
                            + successor.get().reference());
        }
        if (terms.series().isPresent() && !terms.series().get().equals(predecessor.series())) {
            throw new InvalidInputException(
                    "RENEWAL_SERIES_MISMATCH",
                    "a renewal stays in its predecessor's series " + predecessor.series() + ", not "
                            + terms.series().get());
        }
        if (!terms.validFrom().isAfter(predecessor.validFrom())) {
            throw new InvalidInputException(
                    "RENEWAL_VALIDITY_INVALID",
                    "a renewal starts after its predecessor " + predecessor.reference() + " started ("
                            + predecessor.validFrom() + "), not on " + terms.validFrom());
        }
        Authorisation renewal = Authorisation.of(
                UUID.randomUUID(), predecessor.series(), Optional.of(predecessorId), terms, now(), by.name());
        Optional<Gap> gap =
                Gap.of(List.of(predecessor, renewal), Optional.empty()).stream().findFirst();
        insert(by, "AUTHORISATION_RENEWED", renewal, terms, gap);
        return renewal;
    }

    private void insert(
            Actor by, String action, Authorisation authorisation, NewAuthorisation terms, Optional<Gap> gap) {
        Map<String, Object> outcome = CanonicalJson.fields(
                "id", authorisation.id().toString(), "series", authorisation.series(), "days", authorisation.days());
        authorisation.predecessorId().ifPresent(id -> outcome.put("predecessor_id", id.toString()));
        gap.ifPresent(g -> outcome.put(
                "gap", CanonicalJson.fields("from", g.from().toString(), "to", g.to().toString(), "days", g.days())));
        AuditEvent event = AuditEvent.of(
                by, action, "authorisation:" + authorisation.reference(), describe(authorisation), outcome);
        AuthorisationStore.Inserted inserted = transactions.inTransaction(tx -> {
            AuthorisationStore.Inserted result =
                    store.insert(tx, authorisation, terms.document(), authorisation.recordedAt());
            if (result == AuthorisationStore.Inserted.INSERTED) {
                audit.append(tx, event);
            }
            return result;
        });
        switch (inserted) {
            case INSERTED -> recorded(authorisation);
            case REFERENCE_TAKEN ->
                throw new ConflictException(
                        "AUTHORISATION_EXISTS",
                        "an authorisation with reference " + authorisation.reference() + " exists");
            case PREDECESSOR_ALREADY_RENEWED ->
                throw new ConflictException(
                        "AUTHORISATION_ALREADY_RENEWED",
                        "the predecessor of " + authorisation.reference() + " has already been renewed");
        }
    }

    /** Every authorisation, by start date. */
    /**
     * Calls {@code listener} with each authorisation registered or renewed, once it is committed (the
     * releases re-check the parts held for a licence). A listener's failure is logged, never the
     * registration's: the authorisation stands, and the listener's own timed work tries again.
     */
    public void addRecordedListener(Consumer<Authorisation> listener) {
        recordedListeners.add(listener);
    }

    private void recorded(Authorisation authorisation) {
        for (Consumer<Authorisation> listener : recordedListeners) {
            try {
                listener.accept(authorisation);
            } catch (RuntimeException e) {
                LOG.warn("after recording {}: {}", authorisation.reference(), e.getMessage());
            }
        }
    }

    public List<Authorisation> list() {
        return transactions.read(store::all);
    }

    /** The authorisations valid on {@code date}. */
    public List<Authorisation> validOn(LocalDate date) {
        return list().stream().filter(a -> a.validOn(date)).toList();
    }

    public Authorisation get(UUID id) {
        return transactions
                .read(tx -> store.byId(tx, id))
                .orElseThrow(() -> new NotFoundException("AUTHORISATION_NOT_FOUND", "no authorisation with id " + id));
    }

    public Authorisation byReference(String reference) {
        String key = reference == null ? "" : reference.trim();
        return transactions
                .read(tx -> store.byReference(tx, key))
                .orElseThrow(() -> new NotFoundException(
                        "AUTHORISATION_NOT_FOUND", "no authorisation with reference " + reference));
    }

    /** An authorisation named by its id or its reference. */
    public Authorisation find(String idOrReference) {
        try {
            return get(UUID.fromString(idOrReference));
        } catch (IllegalArgumentException e) {
            return byReference(idOrReference);
        }
    }

    /** The bytes of an authorisation's document, if it has one. */
    public Optional<byte[]> document(UUID authorisationId) {
        return get(authorisationId)
                .document()
                .flatMap(ref -> transactions.read(tx -> store.document(tx, ref.sha256())));
    }

    /** Gaps between consecutive periods of each series; with {@code asOf}, also open gaps up to it. */
    public List<Gap> gaps(Optional<LocalDate> asOf) {
        return Gap.of(list(), asOf);
    }

    /** Expiry warnings as of today in the channel's zone, at the default lead times. */
    public List<ExpiryWarning> expiryWarnings() {
        return expiryWarnings(today(), DEFAULT_WARNING_DAYS);
    }

    /**
     * Authorisations valid on {@code on} that expire within the largest lead time, each with the
     * lead time reached and the pending items its expiry would affect.
     */
    public List<ExpiryWarning> expiryWarnings(LocalDate on, List<Integer> leadDays) {
        TreeSet<Integer> leads = new TreeSet<>();
        for (Integer days : leadDays) {
            if (days == null || days < 0 || days > Threshold.MAX_AGGREGATION_DAYS) {
                throw new InvalidInputException(
                        "LEAD_DAYS_INVALID", "lead times are whole days from 0 to " + Threshold.MAX_AGGREGATION_DAYS);
            }
            leads.add(days);
        }
        if (leads.isEmpty()) {
            throw new InvalidInputException("LEAD_DAYS_INVALID", "name at least one lead time");
        }
        List<Authorisation> register = list();
        List<PendingItem> pending = new ArrayList<>();
        pendingItems.forEach(source -> pending.addAll(source.pendingItems()));
        List<ExpiryWarning> warnings = new ArrayList<>();
        for (Authorisation authorisation : register) {
            if (!authorisation.validOn(on)) {
                continue;
            }
            long remaining = ChronoUnit.DAYS.between(on, authorisation.validTo());
            Integer lead = leads.ceiling((int) Math.min(remaining, Integer.MAX_VALUE));
            if (lead == null) {
                continue;
            }
            Optional<String> renewedBy = register.stream()
                    .filter(other -> other.predecessorId().equals(Optional.of(authorisation.id())))
                    .map(Authorisation::reference)
                    .findFirst();
            List<PendingItem> affected = pending.stream()
                    .filter(item -> item.affectedBy(authorisation))
                    .toList();
            warnings.add(new ExpiryWarning(authorisation, remaining, lead, renewedBy, affected));
        }
        return List.copyOf(warnings);
    }

    /** Registers a feature's source of pending items for expiry warnings. */
    public void addPendingItems(PendingItems source) {
        pendingItems.add(source);
    }

    /**
     * Which authorisations cover {@code movement} on its execution date, or the named reasons none
     * does, on one snapshot of the register and its usage. Run it at approval and again at
     * execution (FR-2).
     */
    public Coverage coverage(Movement movement) {
        return transactions.inTransaction(tx -> {
            store.readOneSnapshot(tx);
            return coverage(tx, movement);
        });
    }

    /**
     * Records that a movement executed under an authorisation, in a unit of work of its own with an
     * audit entry. Features that execute movements in their own unit of work use {@link
     * #recordUsage(Transaction, UUID, Movement)} instead.
     */
    public UsageOutcome recordUsage(Actor by, UUID authorisationId, Movement movement) {
        return transactions.inTransaction(tx -> {
            UsageOutcome outcome = recordUsage(tx, authorisationId, movement);
            if (outcome instanceof UsageOutcome.Recorded recorded) {
                audit.append(
                        tx,
                        AuditEvent.of(
                                by,
                                "AUTHORISATION_USAGE_RECORDED",
                                "authorisation:" + recorded.authorisation().reference(),
                                describe(movement),
                                CanonicalJson.fields(
                                        "authorisation_id", authorisationId.toString(),
                                        "requirements",
                                                recorded.requirements().stream()
                                                        .map(r -> r.kind() + ": " + r.detail())
                                                        .toList())));
            }
            return outcome;
        });
    }

    /**
     * The execution date of a movement given as a date, an instant, or both: both must name the same
     * business day in the channel's zone, since neither silently wins over the other.
     *
     * @throws InvalidInputException FIELD_MISSING when neither is given, EXECUTION_DATE_CONFLICT when
     *     they disagree
     */
    public LocalDate executionDate(Optional<LocalDate> date, Optional<Instant> instant) {
        Optional<LocalDate> ofInstant = instant.map(this::businessDate);
        if (date.isPresent() && ofInstant.isPresent() && !date.equals(ofInstant)) {
            throw new InvalidInputException(
                    "EXECUTION_DATE_CONFLICT",
                    "execution_date " + date.get() + " is not the date of executed_at " + instant.get() + ", which is "
                            + ofInstant.get() + " in " + zone);
        }
        return date.or(() -> ofInstant)
                .orElseThrow(
                        () -> new InvalidInputException("FIELD_MISSING", "execution_date or executed_at is required"));
    }

    /** The channel's business date of an instant. */
    public LocalDate businessDate(Instant instant) {
        return Movement.executionDate(instant, zone);
    }

    /** Today's business date in the channel's zone. */
    public LocalDate today() {
        return businessDate(clock.instant());
    }

    public ZoneId zone() {
        return zone;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The terms of an authorisation as the audit trail records them. */
    static Map<String, Object> describe(Authorisation a) {
        Map<String, Object> fields = CanonicalJson.fields(
                "reference", a.reference(),
                "type", a.type().name(),
                "series", a.series(),
                "issuer", a.issuer(),
                "legal_basis", a.legalBasis(),
                "valid_from", a.validFrom().toString(),
                "valid_to", a.validTo().toString(),
                "permitted_purposes", names(a.permittedPurposes()),
                "permitted_movements", names(a.permittedMovements()),
                "permitted_currencies",
                        a.permittedCurrencies().stream().map(Currency::code).toList(),
                "prohibited_currencies",
                        a.prohibitedCurrencies().stream().map(Currency::code).toList(),
                "permitted_locations", List.copyOf(a.permittedLocations()),
                "prior_approval_for", names(a.priorApprovalFor()),
                "thresholds", a.thresholds().stream().map(Threshold::toString).toList(),
                "caps", a.caps().stream().map(Cap::toString).toList(),
                "conditions", a.conditions());
        a.document()
                .ifPresent(d -> fields.put("document", CanonicalJson.fields("name", d.name(), "sha256", d.sha256())));
        return fields;
    }

    static Map<String, Object> describe(Movement m) {
        Map<String, Object> fields = CanonicalJson.fields(
                "kind", m.kind().name(),
                "execution_date", m.executionDate().toString(),
                "amount", m.amount().toString(),
                "purposes", names(m.purposes()));
        m.reference().ifPresent(v -> fields.put("reference", v));
        m.counterAmount().ifPresent(v -> fields.put("counter_amount", v.toString()));
        m.accountLocation().ifPresent(v -> fields.put("account_location", v));
        m.destinationLocation().ifPresent(v -> fields.put("destination_location", v));
        m.priorApprovalReference().ifPresent(v -> fields.put("prior_approval_reference", v));
        m.linkedPaymentKey().ifPresent(v -> fields.put("linked_payment_key", v));
        return fields;
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
