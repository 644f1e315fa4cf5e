package org.corridor.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Changes of identity under dual control: one ADMIN proposes, another confirms, and only then does
 * the change take effect, checked again against the users as they are by then. Nobody confirms
 * what they proposed, nor changes their own identity. A change that gives access ends in an
 * enrolment whose code has two parts, one from each ADMIN. Thread-safe.
 */
final class IdentityChanges extends IdentityWork {

    IdentityChanges(Transactions transactions, UserStore users, ChangeStore changes, AuditLog audit, Clock clock) {
        super(transactions, users, changes, audit, clock);
    }

    /** Records a proposal; the proposer receives the first part of the code when the change gives access. */
    ChangeOutcome propose(Actor by, ChangeKind kind, String subject, Map<String, Object> details) {
        Optional<String> part = kind.issuesAccess() ? Optional.of(Tokens.newCodePart()) : Optional.empty();
        IdentityChange change = new IdentityChange(
                UUID.randomUUID(),
                kind,
                subject,
                details,
                by.name(),
                now(),
                IdentityChange.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        transactions.useTransaction(tx -> {
            User proposer = requireAdmin(tx, by);
            requireNotSelf(proposer, subject);
            check(tx, change);
            if (!changes.insert(tx, change, CanonicalJson.write(details), part.map(Tokens::hash))) {
                throw new ConflictException("CHANGE_PENDING", "the creation of " + subject + " is already proposed");
            }
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "IDENTITY_CHANGE_PROPOSED",
                            "user:" + subject,
                            CanonicalJson.fields("kind", kind.name(), "details", details),
                            CanonicalJson.fields("change", change.id().toString())));
        });
        return new ChangeOutcome(change, part, Optional.empty());
    }

    /** Another ADMIN confirms: the change takes effect, and the confirmer receives the code's second part. */
    ChangeOutcome confirm(Actor by, UUID id) {
        return transactions.inTransaction(tx -> {
            ChangeStore.Pending pending = lockPending(tx, id);
            User confirmer = requireAdmin(tx, by);
            if (confirmer.name().equals(pending.change().proposedBy())) {
                throw ForbiddenException.rule(
                        "SAME_PERSON_PROPOSES_AND_CONFIRMS",
                        confirmer.name() + " proposed this change; another ADMIN confirms it");
            }
            requireNotSelf(confirmer, pending.change().subject());
            return apply(tx, by, pending);
        });
    }

    /**
     * The console confirms the one change no second ADMIN can: while a single ADMIN exists, that
     * ADMIN's proposal of another ADMIN. Everything else waits for a second ADMIN.
     */
    ChangeOutcome confirmAtConsole(Actor console, UUID id) {
        return transactions.inTransaction(tx -> {
            users.lockUsers(tx);
            ChangeStore.Pending pending = lockPending(tx, id);
            IdentityChange change = pending.change();
            boolean secondAdmin = change.kind() == ChangeKind.CREATE_USER
                    && roles(change.details()).equals(EnumSet.of(Role.ADMIN));
            if (!secondAdmin || users.enabledAdmins(tx) != 1) {
                throw ForbiddenException.rule(
                        "CONSOLE_MAY_NOT_CONFIRM",
                        "the console confirms only the creation of a second ADMIN while there is one;"
                                + " another ADMIN confirms this change");
            }
            return apply(tx, console, pending);
        });
    }

    /** An ADMIN rejects a pending change (the proposer may withdraw their own). */
    IdentityChange reject(Actor by, UUID id, String reason) {
        String note = reason == null ? "" : reason.strip();
        if (note.isEmpty()) {
            throw new InvalidInputException("REASON_REQUIRED", "a rejection says why");
        }
        return transactions.inTransaction(tx -> {
            IdentityChange change = lockPending(tx, id).change();
            requireAdmin(tx, by);
            changes.decide(tx, id, IdentityChange.REJECTED, by.name(), now(), note);
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "IDENTITY_CHANGE_REJECTED",
                            "user:" + change.subject(),
                            CanonicalJson.fields("change", id.toString(), "reason", note),
                            CanonicalJson.fields("kind", change.kind().name())));
            return changes.find(tx, id).orElseThrow();
        });
    }

    List<IdentityChange> list(Optional<String> state, int limit) {
        return transactions.read(tx -> changes.list(tx, state, limit));
    }

    IdentityChange get(UUID id) {
        return transactions
                .read(tx -> changes.find(tx, id))
                .orElseThrow(() -> new NotFoundException("CHANGE_NOT_FOUND", "no identity change " + id));
    }

    /** Puts the change into effect, checked again, and hands out the second part of its code. */
    private ChangeOutcome apply(Transaction tx, Actor by, ChangeStore.Pending pending) {
        IdentityChange change = pending.change();
        Instant now = now();
        User user = effect(tx, change, now);
        Optional<String> part = Optional.empty();
        Optional<Instant> expires = Optional.empty();
        if (change.kind().issuesAccess()) {
            part = Optional.of(Tokens.newCodePart());
            expires = Optional.of(now.plus(Duration.ofHours(number(change.details(), "enrolment_hours"))));
            changes.insertEnrolment(
                    tx,
                    user.id(),
                    Optional.of(change.id()),
                    pending.firstPartHash().orElseThrow(),
                    Tokens.hash(part.get()),
                    number(change.details(), "token_lifetime_days"),
                    now,
                    expires.get());
        }
        changes.decide(tx, change.id(), IdentityChange.CONFIRMED, by.name(), now, "");
        audit.append(
                tx,
                AuditEvent.of(
                        by,
                        "IDENTITY_CHANGE_CONFIRMED",
                        "user:" + change.subject(),
                        CanonicalJson.fields("change", change.id().toString(), "proposed_by", change.proposedBy()),
                        CanonicalJson.fields(
                                "kind", change.kind().name(),
                                "details", change.details(),
                                "enrolment_expires_at",
                                        expires.map(Instant::toString).orElse(""))));
        return new ChangeOutcome(changes.find(tx, change.id()).orElseThrow(), part, expires);
    }

    /** The change's effect on the users; returns the user as it now is. */
    private User effect(Transaction tx, IdentityChange change, Instant now) {
        Optional<User> existing = check(tx, change);
        Map<String, Object> details = change.details();
        if (change.kind() == ChangeKind.CREATE_USER) {
            User created = new User(
                    UUID.randomUUID(),
                    change.subject(),
                    roles(details),
                    holders(details),
                    false,
                    now,
                    Optional.empty());
            if (!users.insert(tx, created)) {
                throw new ConflictException("USER_EXISTS", "a user named " + change.subject() + " already exists");
            }
            return created;
        }
        User user = existing.orElseThrow();
        switch (change.kind()) {
            case GRANT_ROLE -> users.addRole(tx, user.id(), role(details));
            case REMOVE_ROLE -> users.removeRole(tx, user.id(), role(details));
            case BIND_HOLDER -> users.addHolder(tx, user.id(), text(details, "holder"));
            case UNBIND_HOLDER -> users.removeHolder(tx, user.id(), bound(user, text(details, "holder")));
            case REISSUE_ACCESS -> {
                // New access replaces the old at once: every earlier token and unused code stops working.
                users.revokeTokens(tx, user.id(), now);
                changes.revokeEnrolments(tx, user.id(), now);
            }
            case ENABLE_USER -> {
                users.enable(tx, user.id());
                changes.revokeEnrolments(tx, user.id(), now);
            }
            default -> throw new IllegalStateException("unexpected change " + change.kind());
        }
        return users.byName(tx, user.name()).orElseThrow();
    }

    /**
     * Refuses a change that the users as they are do not allow; returns the user it changes (none
     * for a creation).
     */
    private Optional<User> check(Transaction tx, IdentityChange change) {
        Map<String, Object> details = change.details();
        String name = change.subject();
        if (change.kind() == ChangeKind.CREATE_USER) {
            if (users.byName(tx, name).isPresent()) {
                throw new ConflictException("USER_EXISTS", "a user named " + name + " already exists");
            }
            RoleRules.requireValid(roles(details), holders(details));
            return Optional.empty();
        }
        User user = users.lockByName(tx, name)
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "no user named " + name));
        Set<Role> roles = EnumSet.copyOf(user.roles());
        Set<String> holders = new TreeSet<>(user.holders());
        switch (change.kind()) {
            case GRANT_ROLE -> {
                if (!roles.add(role(details))) {
                    throw new ConflictException("ROLE_HELD", name + " already holds " + role(details));
                }
            }
            case REMOVE_ROLE -> {
                if (!roles.remove(role(details))) {
                    throw new ConflictException("ROLE_NOT_HELD", name + " does not hold " + role(details));
                }
                if (roles.isEmpty()) {
                    throw new InvalidInputException(
                            "ROLES_MISSING", "a user holds at least one role; disable " + name + " instead");
                }
                holders = roles.contains(Role.BENEFICIARY_AGENT) ? holders : Set.of();
            }
            case BIND_HOLDER -> {
                if (user.actsFor(text(details, "holder"))) {
                    throw new ConflictException("HOLDER_BOUND", name + " already acts for " + text(details, "holder"));
                }
                holders.add(text(details, "holder"));
            }
            case UNBIND_HOLDER -> holders.remove(bound(user, text(details, "holder")));
            case REISSUE_ACCESS -> requireEnabled(user);
            case ENABLE_USER -> {
                if (!user.disabled()) {
                    throw new ConflictException("USER_NOT_DISABLED", name + " is not disabled");
                }
            }
            default -> throw new IllegalStateException("unexpected change " + change.kind());
        }
        RoleRules.requireValid(roles, holders);
        return Optional.of(user);
    }

    private ChangeStore.Pending lockPending(Transaction tx, UUID id) {
        ChangeStore.Pending pending = changes.lock(tx, id)
                .orElseThrow(() -> new NotFoundException("CHANGE_NOT_FOUND", "no identity change " + id));
        if (!pending.change().state().equals(IdentityChange.PENDING)) {
            throw new ConflictException(
                    "CHANGE_NOT_PENDING", "the change is " + pending.change().state());
        }
        return pending;
    }

    /** The acting person, who must be an enabled user holding ADMIN. */
    static User requireAdmin(Transaction tx, UserStore users, Actor by) {
        return users.byName(tx, by.name())
                .filter(user -> !user.disabled() && user.holds(Role.ADMIN))
                .orElseThrow(() -> new ForbiddenException("ADMIN_REQUIRED", by.name() + " is not an enabled ADMIN"));
    }

    private User requireAdmin(Transaction tx, Actor by) {
        return requireAdmin(tx, users, by);
    }

    static void requireNotSelf(User admin, String subject) {
        if (admin.name().equals(subject)) {
            throw ForbiddenException.rule(
                    "SELF_CHANGE", "nobody proposes or confirms a change of their own identity (" + subject + ")");
        }
    }

    private static void requireEnabled(User user) {
        if (user.disabled()) {
            throw new ConflictException("USER_DISABLED", "user " + user.name() + " is disabled; enable it instead");
        }
    }

    /** The holder as the user has it bound; refuses one not bound. */
    private static String bound(User user, String holder) {
        return user.holders().stream()
                .filter(bound -> bound.equalsIgnoreCase(holder))
                .findFirst()
                .orElseThrow(
                        () -> new ConflictException("HOLDER_NOT_BOUND", user.name() + " does not act for " + holder));
    }

    static Set<Role> roles(Map<String, Object> details) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (details.get("roles") instanceof List<?> names) {
            names.forEach(name -> roles.add(Role.valueOf(name.toString())));
        }
        return roles;
    }

    static SortedSet<String> holders(Map<String, Object> details) {
        SortedSet<String> holders = new TreeSet<>();
        if (details.get("holders") instanceof List<?> names) {
            names.forEach(name -> holders.add(name.toString()));
        }
        return holders;
    }

    private static Role role(Map<String, Object> details) {
        return Role.valueOf(text(details, "role"));
    }

    private static String text(Map<String, Object> details, String key) {
        return String.valueOf(details.get(key));
    }

    private static int number(Map<String, Object> details, String key) {
        return ((Number) details.get(key)).intValue();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
