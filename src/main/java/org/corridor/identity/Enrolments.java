package org.corridor.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.transaction.Transactions;

/**
 * Enrolment: the console's first ADMIN of an empty database, and the exchange of a code (both
 * parts) for the user's own token, once. A refused code tells the caller only that it is not
 * valid; the audit trail keeps why. Thread-safe.
 */
final class Enrolments extends IdentityWork {

    /** How long an enrolment code stays usable unless the proposer says otherwise (issue 15: 72 hours). */
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(72);

    /** What the exchange of a code came to: a token, or the reason it was refused. */
    private sealed interface Exchange {
        record Issued(IssuedToken token) implements Exchange {}

        record Refused(String reason, Optional<String> user) implements Exchange {}
    }

    Enrolments(Transactions transactions, UserStore users, ChangeStore changes, AuditLog audit, Clock clock) {
        super(transactions, users, changes, audit, clock);
    }

    /** The first ADMIN of an empty database, created at the console: its whole enrolment code. */
    EnrolmentCode bootstrap(Actor console, String name, int tokenLifetimeDays) {
        String first = Tokens.newCodePart();
        String second = Tokens.newCodePart();
        Instant now = now();
        Instant expires = now.plus(DEFAULT_VALIDITY);
        transactions.useTransaction(tx -> {
            users.lockUsers(tx);
            if (users.any(tx)) {
                throw new ForbiddenException(
                        "BOOTSTRAP_NOT_EMPTY",
                        "the console creates only the first ADMIN of an empty database; an ADMIN proposes users");
            }
            User admin = new User(
                    UUID.randomUUID(),
                    name,
                    java.util.EnumSet.of(Role.ADMIN),
                    new java.util.TreeSet<>(),
                    false,
                    now,
                    Optional.empty());
            users.insert(tx, admin);
            changes.insertEnrolment(
                    tx,
                    admin.id(),
                    Optional.empty(),
                    Tokens.hash(first),
                    Tokens.hash(second),
                    tokenLifetimeDays,
                    now,
                    expires);
            audit.append(
                    tx,
                    AuditEvent.of(
                            console,
                            "FIRST_ADMIN_CREATED",
                            "user:" + name,
                            CanonicalJson.fields("name", name, "token_lifetime_days", tokenLifetimeDays),
                            CanonicalJson.fields(
                                    "user_id", admin.id().toString(), "enrolment_expires_at", expires.toString())));
        });
        return new EnrolmentCode(name, first + "-" + second, expires);
    }

    /** Exchanges a code for a token of the user's own, once. */
    IssuedToken enrol(String code) {
        Optional<Tokens.CodeParts> parts = Tokens.parts(code);
        Exchange exchange =
                parts.isEmpty() ? new Exchange.Refused("MALFORMED", Optional.empty()) : exchange(parts.get());
        if (exchange instanceof Exchange.Issued issued) {
            return issued.token();
        }
        Exchange.Refused refused = (Exchange.Refused) exchange;
        audit.appendAlone(AuditEvent.of(
                new Actor(refused.user().orElse("anonymous"), "NONE"),
                "ENROLMENT_REFUSED",
                "enrolment",
                CanonicalJson.fields(),
                CanonicalJson.fields("reason", refused.reason())));
        throw new InvalidInputException(
                "ENROLMENT_CODE_INVALID", "the enrolment code is not valid (wrong, already used, revoked or expired)");
    }

    private Exchange exchange(Tokens.CodeParts parts) {
        String token = Tokens.newToken();
        Instant now = now();
        return transactions.inTransaction(tx -> {
            Optional<ChangeStore.EnrolmentRow> found = changes.lockEnrolment(tx, Tokens.hash(parts.first()));
            if (found.isEmpty()) {
                return new Exchange.Refused("UNKNOWN", Optional.empty());
            }
            ChangeStore.EnrolmentRow row = found.get();
            User user = users.byId(tx, row.userId()).orElseThrow();
            Optional<String> reason = refusal(row, user, parts, now);
            if (reason.isPresent()) {
                return new Exchange.Refused(reason.get(), Optional.of(user.name()));
            }
            Instant expires = now.plus(Duration.ofDays(row.tokenLifetimeDays()));
            changes.markUsed(tx, row.id(), now);
            users.insertToken(tx, user.id(), Tokens.hash(token), now, expires);
            audit.append(
                    tx,
                    AuditEvent.of(
                            user.actor(),
                            "USER_ENROLLED",
                            "user:" + user.name(),
                            CanonicalJson.fields("enrolment", row.id().toString()),
                            CanonicalJson.fields("token_expires_at", expires.toString())));
            return new Exchange.Issued(new IssuedToken(user, token, expires));
        });
    }

    private static Optional<String> refusal(
            ChangeStore.EnrolmentRow row, User user, Tokens.CodeParts parts, Instant now) {
        if (!Tokens.sameHash(row.secondPartHash(), Tokens.hash(parts.second()))) {
            return Optional.of("SECOND_PART_WRONG");
        }
        if (row.usedAt().isPresent()) {
            return Optional.of("USED");
        }
        if (row.revokedAt().isPresent()) {
            return Optional.of("REVOKED");
        }
        if (!now.isBefore(row.expiresAt())) {
            return Optional.of("EXPIRED");
        }
        if (user.disabled()) {
            return Optional.of("USER_DISABLED");
        }
        return Optional.empty();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
