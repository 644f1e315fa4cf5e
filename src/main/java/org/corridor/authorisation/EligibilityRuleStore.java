package org.corridor.authorisation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the versions of the eligibility rules. Versions are numbered 1, 2, 3... under an
 * advisory lock, kept whole and never changed; the highest is active. Thread-safe.
 */
public final class EligibilityRuleStore {

    /** Arbitrary constant naming the advisory lock that serialises new versions. */
    private static final long VERSION_LOCK = 0x436f7272_52756c65L;

    private static final RowMapper<RuleSetInfo> INFO = (rs, ctx) -> new RuleSetInfo(
            rs.getInt("version"),
            rs.getString("name"),
            rs.getString("source_name"),
            rs.getString("sha256"),
            rs.getObject("imported_at", OffsetDateTime.class).toInstant(),
            rs.getString("imported_by"));

    /** A stored version with its document. */
    record Stored(RuleSetInfo info, String content) {}

    private static final RowMapper<Stored> STORED = (rs, ctx) -> new Stored(INFO.map(rs, ctx), rs.getString("content"));

    private final Jdbi jdbi;
    private final AuditStore audit;

    public EligibilityRuleStore(Database database, AuditStore audit) {
        this.jdbi = database.jdbi();
        this.audit = audit;
    }

    Optional<Stored> active() {
        return jdbi.withHandle(handle -> active(handle));
    }

    private static Optional<Stored> active(Handle handle) {
        return handle.createQuery("select * from eligibility_rule_set order by version desc limit 1")
                .map(STORED)
                .findFirst();
    }

    Optional<Integer> activeVersion() {
        return jdbi.withHandle(handle -> handle.createQuery("select max(version) from eligibility_rule_set")
                .mapTo(Integer.class)
                .findOne());
    }

    Optional<Stored> version(int version) {
        return jdbi.withHandle(
                handle -> handle.createQuery("select * from eligibility_rule_set where version = :version")
                        .bind("version", version)
                        .map(STORED)
                        .findFirst());
    }

    List<RuleSetInfo> versions() {
        return jdbi.withHandle(
                handle -> handle.createQuery("select version, name, source_name, sha256, imported_at, imported_by"
                                + " from eligibility_rule_set order by version")
                        .map(INFO)
                        .list());
    }

    /**
     * Stores {@code content} as the next version, unless it is already the active one (same
     * hash), or, with {@code onlyIfEmpty}, unless any version exists. Returns the active version
     * afterwards and whether this call created it.
     */
    Added add(
            String name,
            String sourceName,
            String content,
            String sha256,
            Instant now,
            String importedBy,
            boolean onlyIfEmpty,
            IntFunction<AuditEvent> event) {
        return jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(?)", VERSION_LOCK);
            Optional<Stored> current = active(handle);
            if (current.isPresent()
                    && (onlyIfEmpty || current.get().info().sha256().equals(sha256))) {
                return new Added(current.get().info(), false);
            }
            int version = current.map(stored -> stored.info().version() + 1).orElse(1);
            handle.createUpdate("""
                            insert into eligibility_rule_set
                              (version, name, source_name, content, sha256, imported_at, imported_by)
                            values (:version, :name, :sourceName, :content, :sha256, :importedAt, :importedBy)
                            """)
                    .bind("version", version)
                    .bind("name", name)
                    .bind("sourceName", sourceName)
                    .bind("content", content)
                    .bind("sha256", sha256)
                    .bind("importedAt", now.atOffset(ZoneOffset.UTC))
                    .bind("importedBy", importedBy)
                    .execute();
            audit.append(handle, event.apply(version));
            return new Added(new RuleSetInfo(version, name, sourceName, sha256, now, importedBy), true);
        });
    }

    /** Appends the audit entry of a decision that changes nothing else, such as an eligibility check. */
    void recordDecision(AuditEvent event) {
        audit.appendAlone(event);
    }

    /** The version active after an import, and whether the import created it. */
    record Added(RuleSetInfo info, boolean created) {}
}
