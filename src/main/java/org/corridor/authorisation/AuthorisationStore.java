package org.corridor.authorisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the authorisation register, its documents and the usage recorded against it, in the
 * caller's unit of work; {@link Authorisations} opens it and audits. Stateless and thread-safe.
 */
final class AuthorisationStore {

    /** How an insert went. */
    enum Inserted {
        INSERTED,
        REFERENCE_TAKEN,
        PREDECESSOR_ALREADY_RENEWED
    }

    private static final RowMapper<Authorisation> AUTHORISATION = (rs, ctx) -> new Authorisation(
            rs.getObject("id", UUID.class),
            rs.getString("reference"),
            AuthorisationType.valueOf(rs.getString("type")),
            rs.getString("series"),
            Optional.ofNullable(rs.getObject("predecessor_id", UUID.class)),
            rs.getString("issuer"),
            rs.getString("legal_basis"),
            rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class),
            enums(rs, "permitted_purposes", Category::valueOf),
            enums(rs, "permitted_movements", MovementKind::valueOf),
            enums(rs, "permitted_currencies", Currency::of),
            enums(rs, "prohibited_currencies", Currency::of),
            enums(rs, "permitted_locations", location -> location),
            enums(rs, "prior_approval_movements", MovementKind::valueOf),
            TermsJson.readThresholds(rs.getString("thresholds")),
            TermsJson.readCaps(rs.getString("caps")),
            rs.getString("conditions"),
            Optional.ofNullable(rs.getString("document_sha256"))
                    .map(sha -> new DocumentRef(text(rs, "document_name"), sha, getLong(rs, "document_size"))),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("recorded_by"));

    private static final RowMapper<Usage> USAGE = (rs, ctx) -> {
        Currency currency = Currency.of(rs.getString("currency"));
        Optional<Money> counter = Optional.ofNullable(rs.getString("counter_currency"))
                .map(code -> Money.ofMinor(getLong(rs, "counter_amount_minor"), Currency.of(code)));
        return new Usage(
                rs.getObject("authorisation_id", UUID.class),
                rs.getString("movement_reference"),
                MovementKind.valueOf(rs.getString("kind")),
                rs.getObject("execution_date", LocalDate.class),
                Money.ofMinor(rs.getLong("amount_minor"), currency),
                counter,
                Optional.ofNullable(rs.getString("linked_payment_key")));
    };

    /** Authorisations with the size of their document, if any. */
    private static final String SELECT = """
            select a.*, d.size_bytes as document_size
            from authorisation a left join authorisation_document d on d.sha256 = a.document_sha256
            """;

    /** Inserts an authorisation and its document, unless its reference is taken or its predecessor renewed. */
    Inserted insert(Transaction transaction, Authorisation authorisation, Optional<Document> document, Instant now) {
        Handle handle = Handles.of(transaction);
        if (authorisation.predecessorId().isPresent()) {
            boolean renewed = handle.createQuery("select count(*) from authorisation where predecessor_id = :id")
                            .bind("id", authorisation.predecessorId().get())
                            .mapTo(Long.class)
                            .one()
                    > 0;
            if (renewed) {
                return Inserted.PREDECESSOR_ALREADY_RENEWED;
            }
        }
        document.ifPresent(d -> insertDocument(handle, d, now));
        if (insertRow(handle, authorisation) == 0) {
            boolean taken = handle.createQuery("select count(*) from authorisation where reference = :reference")
                            .bind("reference", authorisation.reference())
                            .mapTo(Long.class)
                            .one()
                    > 0;
            return taken ? Inserted.REFERENCE_TAKEN : Inserted.PREDECESSOR_ALREADY_RENEWED;
        }
        return Inserted.INSERTED;
    }

    private static void insertDocument(Handle handle, Document document, Instant now) {
        handle.createUpdate("""
                        insert into authorisation_document (sha256, content, size_bytes, stored_at)
                        values (:sha256, :content, :size, :now)
                        on conflict (sha256) do nothing
                        """)
                .bind("sha256", document.sha256())
                .bind("content", document.content())
                .bind("size", (long) document.content().length)
                .bind("now", utc(now))
                .execute();
    }

    private static int insertRow(Handle handle, Authorisation authorisation) {
        return handle.createUpdate("""
                        insert into authorisation
                          (id, reference, type, series, predecessor_id, issuer, legal_basis, valid_from, valid_to,
                           permitted_purposes, permitted_movements, permitted_currencies, prohibited_currencies,
                           permitted_locations, prior_approval_movements, thresholds, caps, conditions,
                           document_sha256, document_name, recorded_at, recorded_by)
                        values
                          (:id, :reference, :type, :series, cast(:predecessorId as uuid), :issuer, :legalBasis, :validFrom,
                           :validTo, :purposes, :movements, :currencies, :prohibited, :locations, :priorApproval,
                           :thresholds, :caps, :conditions, :documentSha256, :documentName, :recordedAt,
                           :recordedBy)
                        on conflict do nothing
                        """)
                .bind("id", authorisation.id())
                .bind("reference", authorisation.reference())
                .bind("type", authorisation.type().name())
                .bind("series", authorisation.series())
                .bind(
                        "predecessorId",
                        authorisation.predecessorId().map(UUID::toString).orElse(null))
                .bind("issuer", authorisation.issuer())
                .bind("legalBasis", authorisation.legalBasis())
                .bind("validFrom", authorisation.validFrom())
                .bind("validTo", authorisation.validTo())
                .bindArray("purposes", String.class, names(authorisation.permittedPurposes(), Enum::name))
                .bindArray("movements", String.class, names(authorisation.permittedMovements(), Enum::name))
                .bindArray("currencies", String.class, names(authorisation.permittedCurrencies(), Currency::code))
                .bindArray("prohibited", String.class, names(authorisation.prohibitedCurrencies(), Currency::code))
                .bindArray("locations", String.class, names(authorisation.permittedLocations(), l -> l))
                .bindArray("priorApproval", String.class, names(authorisation.priorApprovalFor(), Enum::name))
                .bind("thresholds", TermsJson.writeThresholds(authorisation.thresholds()))
                .bind("caps", TermsJson.writeCaps(authorisation.caps()))
                .bind("conditions", authorisation.conditions())
                .bind(
                        "documentSha256",
                        authorisation.document().map(DocumentRef::sha256).orElse(null))
                .bind(
                        "documentName",
                        authorisation.document().map(DocumentRef::name).orElse(null))
                .bind("recordedAt", utc(authorisation.recordedAt()))
                .bind("recordedBy", authorisation.recordedBy())
                .execute();
    }

    /** Every authorisation, by start date. */
    List<Authorisation> all(Transaction transaction) {
        return Handles.list(transaction, AUTHORISATION, SELECT + " order by a.valid_from, a.reference");
    }

    Optional<Authorisation> byId(Transaction transaction, UUID id) {
        return one(transaction, " where a.id = :key", id);
    }

    /** The authorisation, its row locked until the unit of work ends: usage against it is serialised. */
    Optional<Authorisation> lock(Transaction transaction, UUID id) {
        return one(transaction, " where a.id = :key for update of a", id);
    }

    Optional<Authorisation> byReference(Transaction transaction, String reference) {
        return one(transaction, " where a.reference = :key", reference);
    }

    private static Optional<Authorisation> one(Transaction transaction, String where, Object key) {
        return Handles.of(transaction)
                .createQuery(SELECT + where)
                .bind("key", key)
                .map(AUTHORISATION)
                .findFirst();
    }

    Optional<byte[]> document(Transaction transaction, String sha256) {
        return Handles.of(transaction)
                .createQuery("select content from authorisation_document where sha256 = :sha256")
                .bind("sha256", sha256)
                .mapTo(byte[].class)
                .findFirst();
    }

    /**
     * Makes the rest of the unit of work read one snapshot of the register and its usage (REPEATABLE
     * READ). Call it before anything else in the unit of work.
     */
    void readOneSnapshot(Transaction transaction) {
        Handles.of(transaction).execute("set transaction isolation level repeatable read");
    }

    /** The usage recorded against each of {@code authorisationIds}. */
    Map<UUID, List<Usage>> usage(Transaction transaction, List<UUID> authorisationIds) {
        Map<UUID, List<Usage>> usage = new HashMap<>();
        if (authorisationIds.isEmpty()) {
            return usage;
        }
        Handles.of(transaction)
                .createQuery("select * from authorisation_usage where authorisation_id in (<ids>)")
                .bindList("ids", authorisationIds)
                .map(USAGE)
                .forEach(u -> usage.computeIfAbsent(u.authorisationId(), id -> new ArrayList<>())
                        .add(u));
        return usage;
    }

    /** Usage sharing {@code linkedPaymentKey} with execution dates in {@code [from, to]}. */
    List<Usage> linked(Transaction transaction, String linkedPaymentKey, LocalDate from, LocalDate to) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from authorisation_usage
                        where linked_payment_key = :key and execution_date between :from and :to
                        """)
                .bind("key", linkedPaymentKey)
                .bind("from", from)
                .bind("to", to)
                .map(USAGE)
                .list();
    }

    void insertUsage(Transaction transaction, Usage usage, Instant now) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into authorisation_usage
                          (authorisation_id, movement_reference, kind, execution_date, amount_minor, currency,
                           counter_amount_minor, counter_currency, linked_payment_key, recorded_at)
                        values (:id, :reference, :kind, :date, :amount, :currency, cast(:counterAmount as bigint), :counterCurrency,
                                :linked, :recordedAt)
                        """)
                .bind("id", usage.authorisationId())
                .bind("reference", usage.movementReference())
                .bind("kind", usage.kind().name())
                .bind("date", usage.executionDate())
                .bind("amount", usage.amount().amountMinor())
                .bind("currency", usage.amount().currency().code())
                .bind(
                        "counterAmount",
                        usage.counterAmount().map(Money::amountMinor).orElse(null))
                .bind(
                        "counterCurrency",
                        usage.counterAmount().map(m -> m.currency().code()).orElse(null))
                .bind("linked", usage.linkedPaymentKey().orElse(null))
                .bind("recordedAt", utc(now))
                .execute();
    }

    static <T> List<String> names(Collection<T> values, Function<T, String> name) {
        return values.stream().map(name).toList();
    }

    private static <T> Set<T> enums(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
        Array array = rs.getArray(column);
        String[] values = (String[]) array.getArray();
        return Arrays.stream(values).map(parse).collect(Collectors.toSet());
    }

    private static String text(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long getLong(ResultSet rs, String column) {
        try {
            return rs.getLong(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
