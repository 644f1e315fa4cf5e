package org.corridor.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for users and tokens. Every change appends its audit entry in the same transaction. */
public final class UserStore {

    private static final RowMapper<User> USER = (rs, ctx) -> new User(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            Role.valueOf(rs.getString("role")),
            rs.getBoolean("disabled"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("disabled_at", OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant));

    /** What a token lookup finds: the user and the token's own state. */
    record TokenRecord(User user, Instant expiresAt, Optional<Instant> revokedAt) {}

    private final Jdbi jdbi;
    private final AuditStore audit;

    public UserStore(Database database, AuditStore audit) {
        this.jdbi = database.jdbi();
        this.audit = audit;
    }

    /** Inserts the user and its first token; false if the name is taken. */
    boolean insert(User user, String tokenHash, Instant expiresAt, AuditEvent event) {
        return jdbi.inTransaction(handle -> {
            int inserted = handle.createUpdate("""
                            insert into app_user (id, name, role, disabled, created_at)
                            values (:id, :name, :role, false, :createdAt)
                            on conflict (name) do nothing
                            """)
                    .bind("id", user.id())
                    .bind("name", user.name())
                    .bind("role", user.role().name())
                    .bind("createdAt", utc(user.createdAt()))
                    .execute();
            if (inserted == 0) {
                return false;
            }
            insertToken(handle, user.id(), tokenHash, user.createdAt(), expiresAt);
            audit.append(handle, event);
            return true;
        });
    }

    void addToken(UUID userId, String tokenHash, Instant now, Instant expiresAt, AuditEvent event) {
        jdbi.useTransaction(handle -> {
            insertToken(handle, userId, tokenHash, now, expiresAt);
            audit.append(handle, event);
        });
    }

    private static void insertToken(
            org.jdbi.v3.core.Handle handle, UUID userId, String tokenHash, Instant now, Instant expiresAt) {
        handle.createUpdate("""
                        insert into api_token (token_hash, user_id, created_at, expires_at)
                        values (:hash, :userId, :createdAt, :expiresAt)
                        """)
                .bind("hash", tokenHash)
                .bind("userId", userId)
                .bind("createdAt", utc(now))
                .bind("expiresAt", utc(expiresAt))
                .execute();
    }

    /** Disables the user and revokes every token it holds; false if it was already disabled. */
    boolean disable(UUID userId, Instant now, AuditEvent event) {
        return jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate(
                            "update app_user set disabled = true, disabled_at = :now where id = :id and not disabled")
                    .bind("now", utc(now))
                    .bind("id", userId)
                    .execute();
            if (changed == 0) {
                return false;
            }
            handle.createUpdate("update api_token set revoked_at = :now where user_id = :id and revoked_at is null")
                    .bind("now", utc(now))
                    .bind("id", userId)
                    .execute();
            audit.append(handle, event);
            return true;
        });
    }

    Optional<User> byName(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("select * from app_user where name = :name")
                .bind("name", name)
                .map(USER)
                .findFirst());
    }

    List<User> all() {
        return jdbi.withHandle(handle -> handle.createQuery("select * from app_user order by name")
                .map(USER)
                .list());
    }

    Optional<TokenRecord> byTokenHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select u.*, t.expires_at, t.revoked_at
                        from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = :hash
                        """)
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new TokenRecord(
                        USER.map(rs, ctx),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findFirst());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
