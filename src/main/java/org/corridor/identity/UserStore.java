package org.corridor.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for users, their roles, holders and tokens, in the unit of work it is given. Thread-safe. */
final class UserStore {

    /** A user's row with its roles and holders gathered in arrays. */
    private static final String USERS = """
            select u.*,
                   array(select r.role from user_role r where r.user_id = u.id) as roles,
                   array(select h.holder from user_holder h where h.user_id = u.id) as holders
            from app_user u
            """;

    private static final RowMapper<User> USER = (rs, ctx) -> user(rs);

    /** What a token lookup finds: the user and the token's own state. */
    record TokenRecord(User user, Instant expiresAt, Optional<Instant> revokedAt) {}

    private static User user(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        texts(rs.getArray("roles")).forEach(role -> roles.add(Role.valueOf(role)));
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                roles,
                new TreeSet<>(texts(rs.getArray("holders"))),
                rs.getBoolean("disabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("disabled_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .toList();
    }

    /** Inserts the user with its roles and holders; false if the name is taken. */
    boolean insert(Transaction transaction, User user) {
        boolean inserted = Handles.of(transaction)
                        .createUpdate("""
                                insert into app_user (id, name, disabled, created_at)
                                values (:id, :name, false, :createdAt)
                                on conflict (name) do nothing
                                """)
                        .bind("id", user.id())
                        .bind("name", user.name())
                        .bind("createdAt", utc(user.createdAt()))
                        .execute()
                > 0;
        if (inserted) {
            user.roles().forEach(role -> addRole(transaction, user.id(), role));
            user.holders().forEach(holder -> addHolder(transaction, user.id(), holder));
        }
        return inserted;
    }

    void addRole(Transaction transaction, UUID userId, Role role) {
        Handles.update(
                transaction,
                "insert into user_role (user_id, role) values (:id, :role) on conflict do nothing",
                Map.of("id", userId, "role", role.name()));
    }

    void removeRole(Transaction transaction, UUID userId, Role role) {
        Handles.update(
                transaction,
                "delete from user_role where user_id = :id and role = :role",
                Map.of("id", userId, "role", role.name()));
    }

    void addHolder(Transaction transaction, UUID userId, String holder) {
        Handles.update(
                transaction,
                "insert into user_holder (user_id, holder) values (:id, :holder) on conflict do nothing",
                Map.of("id", userId, "holder", holder));
    }

    void removeHolder(Transaction transaction, UUID userId, String holder) {
        Handles.update(
                transaction,
                "delete from user_holder where user_id = :id and holder = :holder",
                Map.of("id", userId, "holder", holder));
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

    /** Revokes every token the user holds; returns how many. */
    int revokeTokens(Transaction transaction, UUID userId, Instant now) {
        return Handles.of(transaction)
                .createUpdate("update api_token set revoked_at = :now where user_id = :id and revoked_at is null")
                .bind("now", utc(now))
                .bind("id", userId)
                .execute();
    }

    /** Disables the user; false if it was already disabled. */
    boolean disable(Transaction transaction, UUID userId, Instant now) {
        return Handles.of(transaction)
                        .createUpdate(
                                "update app_user set disabled = true, disabled_at = :now where id = :id and not disabled")
                        .bind("now", utc(now))
                        .bind("id", userId)
                        .execute()
                > 0;
    }

    /** Enables the user again; false if it was not disabled. */
    boolean enable(Transaction transaction, UUID userId) {
        return Handles.of(transaction)
                        .createUpdate(
                                "update app_user set disabled = false, disabled_at = null where id = :id and disabled")
                        .bind("id", userId)
                        .execute()
                > 0;
    }

    /** The user, its row locked against concurrent changes of identity. */
    Optional<User> lockByName(Transaction transaction, String name) {
        Handles.of(transaction)
                .createQuery("select id from app_user where name = :name for update")
                .bind("name", name)
                .mapTo(UUID.class)
                .findFirst();
        return byName(transaction, name);
    }

    Optional<User> byName(Transaction transaction, String name) {
        return Handles.first(transaction, USER, USERS + " where u.name = :name", "name", name);
    }

    List<User> all(Transaction transaction) {
        return Handles.list(transaction, USER, USERS + " order by u.name");
    }

    /** Serialises the changes that count users (the first ADMIN, the console's confirmation). */
    void lockUsers(Transaction transaction) {
        Handles.of(transaction).execute("lock table app_user in share row exclusive mode");
    }

    Optional<User> byId(Transaction transaction, UUID id) {
        return Handles.first(transaction, USER, USERS + " where u.id = :id", "id", id);
    }

    boolean any(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select exists (select 1 from app_user)")
                .mapTo(Boolean.class)
                .one();
    }

    /** How many enabled users hold ADMIN. */
    int enabledAdmins(Transaction transaction) {
        return Handles.of(transaction).createQuery("""
                        select count(*) from app_user u join user_role r on r.user_id = u.id
                        where r.role = 'ADMIN' and not u.disabled
                        """).mapTo(Integer.class).one();
    }

    Optional<TokenRecord> byTokenHash(Transaction transaction, String tokenHash) {
        return Handles.of(transaction)
                .createQuery("""
                        select u.*, t.expires_at, t.revoked_at,
                               array(select r.role from user_role r where r.user_id = u.id) as roles,
                               array(select h.holder from user_holder h where h.user_id = u.id) as holders
                        from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = :hash
                        """)
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new TokenRecord(
                        user(rs),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findFirst();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
