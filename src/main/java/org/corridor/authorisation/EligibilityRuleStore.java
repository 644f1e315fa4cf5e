package org.corridor.authorisation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the versions of the eligibility rules, in the caller's unit of work. Versions are
 * numbered 1, 2, 3... under an advisory lock, kept whole and never changed; the highest is active.
 * Stateless and thread-safe.
 */
final class EligibilityRuleStore {

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

    Optional<Stored> active(Transaction transaction) {
        return Handles.first(transaction, STORED, "select * from eligibility_rule_set order by version desc limit 1");
    }

    Optional<Integer> activeVersion(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select max(version) from eligibility_rule_set")
                .mapTo(Integer.class)
                .findOne();
    }

    Optional<Stored> version(Transaction transaction, int version) {
        return Handles.first(
                transaction, STORED, "select * from eligibility_rule_set where version = :version", "version", version);
    }

    List<RuleSetInfo> versions(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select version, name, source_name, sha256, imported_at, imported_by"
                        + " from eligibility_rule_set order by version")
                .map(INFO)
                .list();
    }

    /** Serialises new versions until the unit of work ends. */
    void lockVersions(Transaction transaction) {
        Handles.of(transaction).execute("select pg_advisory_xact_lock(?)", VERSION_LOCK);
    }

    void insert(Transaction transaction, RuleSetInfo info, String content) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into eligibility_rule_set
                          (version, name, source_name, content, sha256, imported_at, imported_by)
                        values (:version, :name, :sourceName, :content, :sha256, :importedAt, :importedBy)
                        """)
                .bind("version", info.version())
                .bind("name", info.name())
                .bind("sourceName", info.sourceName())
                .bind("content", content)
                .bind("sha256", info.sha256())
                .bind("importedAt", info.importedAt().atOffset(ZoneOffset.UTC))
                .bind("importedBy", info.importedBy())
                .execute();
    }
}
