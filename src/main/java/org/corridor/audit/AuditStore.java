package org.corridor.audit;

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

/**
 * SQL for the audit trail, in the unit of work it is given. {@link #append} writes inside the
 * caller's transaction, so an entry is committed exactly when the change it records is. Appends are
 * serialised by a transaction-scoped advisory lock taken last, just before the caller commits, to
 * keep the chain linear while holding the lock as briefly as possible. Thread-safe.
 */
final class AuditStore {

    /** Arbitrary constant naming the advisory lock that serialises appends. */
    private static final long CHAIN_LOCK = 0x436f7272_41756474L;

    private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(
            rs.getLong("seq"),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("actor"),
            rs.getString("actor_role"),
            rs.getString("action"),
            rs.getString("subject"),
            rs.getString("command"),
            rs.getString("outcome"),
            rs.getString("versions"),
            rs.getString("previous_hash"),
            rs.getString("hash"));

    private final Clock clock;

    /** The newest entry: all an append needs to link to it. */
    private record ChainTip(long seq, String hash, Instant recordedAt) {}

    AuditStore(Clock clock) {
        this.clock = clock;
    }

    /** Appends an entry in the unit of work {@code transaction}. Call it as the last write. */
    AuditEntry append(Transaction transaction, AuditEvent event) {
        return appendOn(Handles.of(transaction), event);
    }

    private AuditEntry appendOn(Handle handle, AuditEvent event) {
        if (!handle.isInTransaction()) {
            throw new IllegalStateException("audit entries are appended inside the change's transaction");
        }
        handle.execute("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
        Optional<ChainTip> last = handle.createQuery(
                        "select seq, hash, recorded_at from audit_entry order by seq desc limit 1")
                .map((rs, ctx) -> new ChainTip(
                        rs.getLong("seq"),
                        rs.getString("hash"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .findFirst();
        AuditEntry entry = link(event, last);
        handle.createUpdate("""
                        insert into audit_entry
                          (seq, recorded_at, actor, actor_role, action, subject, command, outcome, versions,
                           previous_hash, hash)
                        values (:seq, :recordedAt, :actor, :actorRole, :action, :subject, :command, :outcome,
                                :versions, :previousHash, :hash)
                        """)
                .bind("seq", entry.seq())
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
                .execute();
        return entry;
    }

    /** The entry that follows {@code last} in the chain, hashed. */
    private AuditEntry link(AuditEvent event, Optional<ChainTip> last) {
        long seq = last.map(ChainTip::seq).orElse(0L) + 1;
        String previousHash = last.map(ChainTip::hash).orElse(AuditEntry.GENESIS_HASH);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Entries never go back in time, even if the clock does.
        Instant recordedAt = last.map(ChainTip::recordedAt)
                .filter(previous -> previous.isAfter(now))
                .orElse(now);
        AuditEntry unsigned = new AuditEntry(
                seq,
                recordedAt,
                event.actor().name(),
                event.actor().role(),
                event.action(),
                event.subject(),
                CanonicalJson.write(event.command()),
                CanonicalJson.write(event.outcome()),
                CanonicalJson.write(event.versions()),
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
        return Handles.of(transaction)
                .createQuery("select * from audit_entry order by seq desc limit 1")
                .map(ENTRY)
                .findFirst();
    }

    Optional<AuditEntry> entry(Transaction transaction, long seq) {
        return Handles.of(transaction)
                .createQuery("select * from audit_entry where seq = :seq")
                .bind("seq", seq)
                .map(ENTRY)
                .findFirst();
    }
}
