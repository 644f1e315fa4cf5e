package org.corridor.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Users and their access, under dual control (issue 15). The console creates the first ADMIN of an
 * empty database; after that every change of identity (a user, a role, a holder, new access,
 * enabling) is proposed by one ADMIN and takes effect when another confirms it. Nobody ever
 * receives another user's token: a user enrols with a code whose two parts come from the two
 * ADMINs, and gets a token of their own. Disabling takes effect at once. Thread-safe.
 */
public final class Users {

    /** How long a token lives unless the proposal says otherwise. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(90);

    /** How long an enrolment code stays usable unless the proposal says otherwise. */
    public static final Duration DEFAULT_ENROLMENT_VALIDITY = Enrolments.DEFAULT_VALIDITY;

    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
    private static final String HOLDER_PATTERN = "[A-Za-z0-9][A-Za-z0-9 ._&-]{0,63}";

    /** How long a new user's (or new access's) token and enrolment code live. */
    public record Lifetimes(Duration token, Duration enrolment) {
        public static final Lifetimes DEFAULT = new Lifetimes(DEFAULT_TOKEN_LIFETIME, DEFAULT_ENROLMENT_VALIDITY);
    }

    private final Transactions transactions;
    private final UserStore store = new UserStore();
    private final ChangeStore changeStore = new ChangeStore();
    private final AuditLog audit;
    private final Clock clock;
    private final IdentityChanges changes;
    private final Enrolments enrolments;

    public Users(Transactions transactions, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.changes = new IdentityChanges(transactions, store, changeStore, audit, clock);
        this.enrolments = new Enrolments(transactions, store, changeStore, audit, clock);
    }

    // ---------------------------------------------------------------- the console

    /**
     * Creates the first ADMIN of an empty database and returns its whole enrolment code: the one
     * act of identity the console performs alone (whoever holds the console holds the database).
     */
    public EnrolmentCode bootstrap(Actor console, String name, Duration tokenLifetime) {
        requireValidName(name);
        return enrolments.bootstrap(console, name, days(tokenLifetime));
    }

    /** While a single ADMIN exists, the console confirms that ADMIN's proposal of a second one. */
    public ChangeOutcome confirmAtConsole(Actor console, UUID changeId) {
        return changes.confirmAtConsole(console, changeId);
    }

    // ---------------------------------------------------------------- proposals (one ADMIN)

    /** Proposes a new user with {@code roles} (and the holders an agent acts for). */
    public ChangeOutcome proposeUser(Actor by, String name, Set<Role> roles, Set<String> holders, Lifetimes lifetimes) {
        requireValidName(name);
        holders.forEach(Users::requireValidHolder);
        RoleRules.requireValid(roles, holders);
        Map<String, Object> details = access(lifetimes);
        details.put("roles", roles.stream().map(Enum::name).toList());
        details.put("holders", holders.stream().map(String::strip).sorted().toList());
        return changes.propose(by, ChangeKind.CREATE_USER, name, details);
    }

    /** Proposes to grant {@code role} to a user (true) or to remove it (false). */
    public ChangeOutcome proposeRole(Actor by, String name, Role role, boolean grant) {
        return changes.propose(
                by, grant ? ChangeKind.GRANT_ROLE : ChangeKind.REMOVE_ROLE, name, Map.of("role", role.name()));
    }

    /** Proposes to bind an agent to {@code holder} (true) or to release it (false). */
    public ChangeOutcome proposeHolder(Actor by, String name, String holder, boolean bind) {
        requireValidHolder(holder);
        return changes.propose(
                by, bind ? ChangeKind.BIND_HOLDER : ChangeKind.UNBIND_HOLDER, name, Map.of("holder", holder.strip()));
    }

    /** Proposes new access for a user: on confirmation its tokens are revoked and a new code is issued. */
    public ChangeOutcome proposeReissue(Actor by, String name, Lifetimes lifetimes) {
        return changes.propose(by, ChangeKind.REISSUE_ACCESS, name, access(lifetimes));
    }

    /** Proposes to enable a disabled user again, with new access. */
    public ChangeOutcome proposeEnable(Actor by, String name, Lifetimes lifetimes) {
        return changes.propose(by, ChangeKind.ENABLE_USER, name, access(lifetimes));
    }

    // ---------------------------------------------------------------- decisions (the second ADMIN)

    /** Another ADMIN confirms a pending change; it takes effect now. */
    public ChangeOutcome confirm(Actor by, UUID changeId) {
        return changes.confirm(by, changeId);
    }

    /** An ADMIN rejects (or the proposer withdraws) a pending change. */
    public IdentityChange reject(Actor by, UUID changeId, String reason) {
        return changes.reject(by, changeId, reason);
    }

    public List<IdentityChange> changes(Optional<String> state, int limit) {
        return changes.list(state, limit);
    }

    /** @throws NotFoundException CHANGE_NOT_FOUND */
    public IdentityChange change(UUID id) {
        return changes.get(id);
    }

    // ---------------------------------------------------------------- enrolment and tokens

    /** Exchanges an enrolment code (both parts, {@code FIRST-SECOND}) for the user's own token, once. */
    public IssuedToken enrol(String code) {
        return enrolments.enrol(code);
    }

    /** Disables a user at once (removing access needs no second person) and revokes its tokens and codes. */
    public User disable(Actor by, String name) {
        Instant now = now();
        return transactions.inTransaction(tx -> {
            User admin = IdentityChanges.requireAdmin(tx, store, by);
            IdentityChanges.requireNotSelf(admin, name);
            User user = store.lockByName(tx, name)
                    .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "no user named " + name));
            if (!store.disable(tx, user.id(), now)) {
                throw new ConflictException("USER_ALREADY_DISABLED", "user " + name + " is already disabled");
            }
            int revoked = store.revokeTokens(tx, user.id(), now);
            changeStore.revokeEnrolments(tx, user.id(), now);
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "USER_DISABLED",
                            "user:" + name,
                            CanonicalJson.fields("name", name),
                            CanonicalJson.fields("user_id", user.id().toString(), "tokens_revoked", revoked)));
            return store.byName(tx, name).orElseThrow();
        });
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

    /** Records a refusal at a door that is not HTTP (the command line), in a unit of work of its own. */
    public void recordRefusal(Actor actor, String door, String code, String reason) {
        audit.appendAlone(AuditEvent.of(
                actor,
                "ACCESS_REFUSED",
                door,
                CanonicalJson.fields("door", door),
                CanonicalJson.fields("code", code, "reason", reason)));
    }

    // ---------------------------------------------------------------- reading

    public List<User> list() {
        return transactions.read(store::all);
    }

    public User byName(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "no user named " + name));
    }

    public Optional<User> find(String name) {
        return transactions.read(transaction -> store.byName(transaction, name));
    }

    /** The user as it stands in the caller's unit of work: for checks made on the person. */
    public Optional<User> find(Transaction transaction, String name) {
        return store.byName(transaction, name);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> access(Lifetimes lifetimes) {
        Duration enrolment = lifetimes.enrolment();
        if (enrolment.compareTo(Duration.ofHours(1)) < 0 || enrolment.compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidInputException(
                    "ENROLMENT_VALIDITY_INVALID", "an enrolment code lives from 1 hour to 30 days");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("token_lifetime_days", days(lifetimes.token()));
        details.put("enrolment_hours", (int) enrolment.toHours());
        return details;
    }

    private static int days(Duration lifetime) {
        if (lifetime.toDays() < 1 || lifetime.compareTo(Duration.ofDays(3650)) > 0) {
            throw new InvalidInputException("TOKEN_LIFETIME_INVALID", "a token lives from 1 to 3650 days");
        }
        return (int) lifetime.toDays();
    }

    private static void requireValidName(String name) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InvalidInputException(
                    "USER_NAME_INVALID",
                    "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    private static void requireValidHolder(String holder) {
        if (holder == null || !holder.strip().matches(HOLDER_PATTERN)) {
            throw new InvalidInputException(
                    "HOLDER_INVALID", "a holder is named by 1 to 64 letters, digits, spaces, '.', '_', '&' or '-'");
        }
    }
}
