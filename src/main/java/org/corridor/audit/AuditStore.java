package org.corridor.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for the audit trail, in the unit of work it is given. {@link #append} writes inside the
 * caller's transaction, so an entry is committed exactly when the change it records is, into the
 * pending table and without a lock; {@link #chainPending} then links what has committed, in commit
 * order, under a transaction-scoped advisory lock that serialises the chain across processes. The
 * lock is thus held across one flush per group of entries, not one per change. Thread-safe.
 */
final class AuditStore {

    /** Arbitrary constant naming the advisory lock that serialises appends. */
    private static final long CHAIN_LOCK = 0x436f7272_41756474L;

    private static final RowMapper<AuditEntry> ENTRY =
            (rs, ctx) -> entry(rs, rs.getLong("seq"), rs.getString("previous_hash"), rs.getString("hash"));

    /** A pending row as an entry with sequence number 0 and no hashes yet. */
    private static final RowMapper<Pending> PENDING = (rs, ctx) -> new Pending(rs.getLong("id"), entry(rs, 0, "", ""));

    private static AuditEntry entry(ResultSet rs, long seq, String previousHash, String hash) throws SQLException {
        return new AuditEntry(
                seq,
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("command"),
                rs.getString("outcome"),
                rs.getString("versions"),
                previousHash,
                hash);
    }

    private final Clock clock;

    /** The newest entry: all an append needs to link to it. */
    private record ChainTip(long seq, String hash, Instant recordedAt) {}

    AuditStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes an entry in the unit of work {@code transaction}, unlinked and without the chain's lock:
     * it commits or rolls back with the change it records, and {@link #chainPending} links it.
     */
    void append(Transaction transaction, AuditEvent event) {
        Handle handle = Handles.of(transaction);
        if (!handle.isInTransaction()) {
            throw new IllegalStateException("audit entries are appended inside the change's transaction");
        }
        handle.createUpdate("""
                        insert into audit_pending
                          (recorded_at, actor, actor_role, action, subject, command, outcome, versions)
                        values (:recordedAt, :actor, :actorRole, :action, :subject, :command, :outcome, :versions)
                        """)
                .bind(
                        "recordedAt",
                        clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .bind("actor", event.actor().name())
                .bind("actorRole", event.actor().role())
                .bind("action", event.action())
                .bind("subject", event.subject())
                .bind("command", CanonicalJson.write(event.command()))
                .bind("outcome", CanonicalJson.write(event.outcome()))
                .bind("versions", CanonicalJson.write(event.versions()))
                .execute();
    }

    /**
     * Links every committed pending entry into the chain, oldest first, under the chain's lock (one
     * process at a time), and removes them from the pending table; returns how many. The caller's
     * unit of work commits them all with one flush.
     */
    int chainPending(Transaction transaction) {
        Handle handle = Handles.of(transaction);
        handle.execute("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
        List<Pending> pending = handle.createQuery("select * from audit_pending order by id")
                .map(PENDING)
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        Optional<ChainTip> last = handle.createQuery(
                        "select seq, hash, recorded_at from audit_entry order by seq desc limit 1")
                .map((rs, ctx) -> new ChainTip(
                        rs.getLong("seq"),
                        rs.getString("hash"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .findFirst();
        PreparedBatch insert = handle.prepareBatch("""
                insert into audit_entry
                  (seq, recorded_at, actor, actor_role, action, subject, command, outcome, versions,
                   previous_hash, hash)
                values (:seq, :recordedAt, :actor, :actorRole, :action, :subject, :command, :outcome,
                        :versions, :previousHash, :hash)
                """);
        long[] ids = new long[pending.size()];
        for (int i = 0; i < ids.length; i++) {
            AuditEntry entry = link(pending.get(i).entry(), last);
            last = Optional.of(new ChainTip(entry.seq(), entry.hash(), entry.recordedAt()));
            ids[i] = pending.get(i).id();
            insert.bind("seq", entry.seq())
                    .bind("recordedAt", entry.recordedAt().atOffset(ZoneOffset.UTC))
                    .bind("actor", entry.actor())
                    .bind("actorRole", entry.actorRole())
                    .bind("action", entry.action())
                    .bind("subject", entry.subject())
                    .bind("command", entry.command())
                    .bind("outcome", entry.outcome())
                    .bind("versions", entry.versions())
                    .bind("previousHash", entry.previousHash())
                    .bind("hash", entry.hash())
                    .add();
        }
        insert.execute();
        handle.createUpdate("delete from audit_pending where id = any(:ids)")
                .bindArray("ids", Long.class, (Object[]) boxed(ids))
                .execute();
        return ids.length;
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    /**
     * Entries written but not chained yet, oldest first, in the caller's snapshot, as entries with
     * sequence number 0 and no hash: a batch's entry waits here for the milliseconds until its
     * chaining, and the ledger's check counts it.
     */
    void forEachPending(Transaction transaction, Consumer<AuditEntry> sink) {
        Handles.of(transaction)
                .createQuery("select * from audit_pending order by id")
                .map(PENDING)
                .useStream(stream -> stream.forEach(pending -> sink.accept(pending.entry())));
    }

    /** An entry as its change wrote it, before it is linked, under its row in the pending table. */
    private record Pending(long id, AuditEntry entry) {}

    /** The entry that follows {@code last} in the chain, hashed. */
    private static AuditEntry link(AuditEntry pending, Optional<ChainTip> last) {
        long seq = last.map(ChainTip::seq).orElse(0L) + 1;
        String previousHash = last.map(ChainTip::hash).orElse(AuditEntry.GENESIS_HASH);
        // Entries never go back in time, even if the clock does or a later change committed first.
        Instant recordedAt = last.map(ChainTip::recordedAt)
                .filter(previous -> previous.isAfter(pending.recordedAt()))
                .orElse(pending.recordedAt());
        AuditEntry unsigned = new AuditEntry(
                seq,
                recordedAt,
                pending.actor(),
                pending.actorRole(),
                pending.action(),
                pending.subject(),
                pending.command(),
                pending.outcome(),
                pending.versions(),
                previousHash,
                "");
        return new AuditEntry(
                unsigned.seq(),
                unsigned.recordedAt(),
                unsigned.actor(),
                unsigned.actorRole(),
                unsigned.action(),
                unsigned.subject(),
                unsigned.command(),
                unsigned.outcome(),
                unsigned.versions(),
                unsigned.previousHash(),
                unsigned.computeHash());
    }

    /** Entries recorded in {@code [from, to)}, in chain order, at most {@code limit} after {@code afterSeq}. */
    List<AuditEntry> list(Transaction transaction, Instant from, Instant to, long afterSeq, int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from audit_entry
                        where recorded_at >= :from and recorded_at < :to and seq > :afterSeq
                        order by seq limit :limit
                        """)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .bind("afterSeq", afterSeq)
                .bind("limit", limit)
                .map(ENTRY)
                .list();
    }

    /**
     * Streams every entry in chain order to {@code sink}, with a server-side cursor (which needs the
     * unit of work to be a transaction).
     */
    void forEach(Transaction transaction, long fromSeq, long toSeq, Consumer<AuditEntry> sink) {
        Handles.of(transaction)
                .createQuery("select * from audit_entry where seq >= :fromSeq and seq <= :toSeq order by seq")
                .bind("fromSeq", fromSeq)
                .bind("toSeq", toSeq)
                .setFetchSize(2_000)
                .map(ENTRY)
                .useStream(stream -> stream.forEach(sink));
    }

    long count(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select count(*) from audit_entry")
                .mapTo(Long.class)
                .one();
    }

    Optional<AuditEntry> head(Transaction transaction) {
        return Handles.first(transaction, ENTRY, "select * from audit_entry order by seq desc limit 1");
    }

    Optional<AuditEntry> entry(Transaction transaction, long seq) {
        return Handles.first(transaction, ENTRY, "select * from audit_entry where seq = :seq", "seq", seq);
    }
}
