package org.corridor.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.transaction.Transactions;

/** Creating, listing and disabling users; issuing and checking their tokens. Thread-safe. */
public final class Users {

    /** How long a token lives unless the issuer says otherwise. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(90);

    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";

    private final Transactions transactions;
    private final UserStore store = new UserStore();
    private final AuditLog audit;
    private final Clock clock;

    public Users(Transactions transactions, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a user with a first token; the clear token is returned once and stored only hashed. */
    public IssuedToken add(Actor by, String name, Role role, Duration tokenLifetime) {
        requireValidName(name);
        requireValidLifetime(tokenLifetime);
        Instant now = now();
        User user = new User(UUID.randomUUID(), name, role, false, now, Optional.empty());
        String token = Tokens.newToken();
        Instant expiresAt = now.plus(tokenLifetime);
        AuditEvent event = AuditEvent.of(
                by,
                "USER_ADDED",
                "user:" + name,
                CanonicalJson.fields("name", name, "role", role.name(), "token_lifetime", tokenLifetime.toString()),
                CanonicalJson.fields("user_id", user.id().toString(), "token_expires_at", expiresAt.toString()));
        boolean added = transactions.inTransaction(transaction -> {
            if (!store.insert(transaction, user)) {
                return false;
            }
            store.insertToken(transaction, user.id(), Tokens.hash(token), now, expiresAt);
            audit.append(transaction, event);
            return true;
        });
        if (!added) {
            throw new ConflictException("USER_EXISTS", "a user named " + name + " already exists");
        }
        return new IssuedToken(user, token, expiresAt);
    }

    /** Issues another token for an existing, enabled user (rotation); older tokens stay valid. */
    public IssuedToken issueToken(Actor by, String name, Duration tokenLifetime) {
        requireValidLifetime(tokenLifetime);
        User user = byName(name);
        if (user.disabled()) {
            throw new ConflictException("USER_DISABLED", "user " + name + " is disabled");
        }
        Instant now = now();
        String token = Tokens.newToken();
        Instant expiresAt = now.plus(tokenLifetime);
        AuditEvent event = AuditEvent.of(
                by,
                "TOKEN_ISSUED",
                "user:" + name,
                CanonicalJson.fields("name", name, "token_lifetime", tokenLifetime.toString()),
                CanonicalJson.fields("token_expires_at", expiresAt.toString()));
        transactions.useTransaction(transaction -> {
            store.insertToken(transaction, user.id(), Tokens.hash(token), now, expiresAt);
            audit.append(transaction, event);
        });
        return new IssuedToken(user, token, expiresAt);
    }

    /** Disables a user and revokes its tokens at once. */
    public User disable(Actor by, String name) {
        User user = byName(name);
        AuditEvent event = AuditEvent.of(
                by,
                "USER_DISABLED",
                "user:" + name,
                CanonicalJson.fields("name", name),
                CanonicalJson.fields("user_id", user.id().toString()));
        Instant now = now();
        boolean changed = transactions.inTransaction(transaction -> {
            if (!store.disable(transaction, user.id(), now)) {
                return false;
            }
            audit.append(transaction, event);
            return true;
        });
        if (!changed) {
            throw new ConflictException("USER_ALREADY_DISABLED", "user " + name + " is already disabled");
        }
        return byName(name);
    }

    public List<User> list() {
        return transactions.read(store::all);
    }

    public User byName(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "no user named " + name));
    }

    public Optional<User> find(String name) {
        return transactions.read(transaction -> store.byName(transaction, name));
    }

    /** Checks a presented bearer token. Looks up only its hash; the clear token is never stored. */
    public Authentication authenticate(String token) {
        if (token == null || token.isBlank()) {
            return new Authentication.Refused("MISSING");
        }
        if (!Tokens.wellFormed(token)) {
            return new Authentication.Refused("MALFORMED");
        }
        String hash = Tokens.hash(token);
        Optional<UserStore.TokenRecord> found = transactions.read(transaction -> store.byTokenHash(transaction, hash));
        if (found.isEmpty()) {
            return new Authentication.Refused("UNKNOWN");
        }
        UserStore.TokenRecord record = found.get();
        if (record.user().disabled()) {
            return new Authentication.Refused("USER_DISABLED");
        }
        if (record.revokedAt().isPresent()) {
            return new Authentication.Refused("REVOKED");
        }
        if (!now().isBefore(record.expiresAt())) {
            return new Authentication.Refused("EXPIRED");
        }
        return new Authentication.Authenticated(record.user());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireValidName(String name) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InvalidInputException(
                    "USER_NAME_INVALID",
                    "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    private static void requireValidLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(3650)) > 0) {
            throw new InvalidInputException(
                    "TOKEN_LIFETIME_INVALID", "a token lives more than zero and at most 3650 days");
        }
    }
}
