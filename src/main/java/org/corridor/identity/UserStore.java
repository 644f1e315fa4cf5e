package org.corridor.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for users and their tokens, in the unit of work it is given. Thread-safe. */
final class UserStore {

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

    /** Inserts the user; false if the name is taken. */
    boolean insert(Transaction transaction, User user) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into app_user (id, name, role, disabled, created_at)
                                values (:id, :name, :role, false, :createdAt)
                                on conflict (name) do nothing
                                """)
                        .bind("id", user.id())
                        .bind("name", user.name())
                        .bind("role", user.role().name())
                        .bind("createdAt", utc(user.createdAt()))
                        .execute()
                > 0;
    }

    void insertToken(Transaction transaction, UUID userId, String tokenHash, Instant now, Instant expiresAt) {
        Handles.of(transaction)
                .createUpdate("""
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
    boolean disable(Transaction transaction, UUID userId, Instant now) {
        int changed = Handles.of(transaction)
                .createUpdate("update app_user set disabled = true, disabled_at = :now where id = :id and not disabled")
                .bind("now", utc(now))
                .bind("id", userId)
                .execute();
        if (changed == 0) {
            return false;
        }
        Handles.of(transaction)
                .createUpdate("update api_token set revoked_at = :now where user_id = :id and revoked_at is null")
                .bind("now", utc(now))
                .bind("id", userId)
                .execute();
        return true;
    }

    Optional<User> byName(Transaction transaction, String name) {
        return Handles.of(transaction)
                .createQuery("select * from app_user where name = :name")
                .bind("name", name)
                .map(USER)
                .findFirst();
    }

    List<User> all(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select * from app_user order by name")
                .map(USER)
                .list();
    }

    Optional<TokenRecord> byTokenHash(Transaction transaction, String tokenHash) {
        return Handles.of(transaction)
                .createQuery("""
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
                .findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
