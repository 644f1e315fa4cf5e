package org.corridor.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.audit.Actor;

/**
 * A person (or system account) that signs in with a token. One person is one user: a person with
 * several duties holds several roles on one user, so that the four-eyes checks, which compare
 * users, see them as the one person they are.
 *
 * @param roles one or more; which ones may go together is {@link RoleRules}'s to say
 * @param holders the holders a BENEFICIARY_AGENT acts for (NIGC, TAVANIR); empty for anyone else
 */
public record User(
        UUID id,
        String name,
        Set<Role> roles,
        SortedSet<String> holders,
        boolean disabled,
        Instant createdAt,
        Optional<Instant> disabledAt) {

    public User {
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        holders = Collections.unmodifiableSortedSet(new TreeSet<>(holders));
    }

    /** The user as the audit trail records them: their name and every role they hold ("OPERATOR+APPROVER"). */
    public Actor actor() {
        return new Actor(name, roleNames());
    }

    /** The roles, in the matrix's order, joined with '+'. */
    public String roleNames() {
        return roles.stream().map(Enum::name).collect(Collectors.joining("+"));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** True when one of the user's roles holds {@code permission} in the role matrix. */
    public boolean may(Permission permission) {
        return roles.stream().anyMatch(role -> RoleMatrix.allows(role, permission));
    }

    public Set<Permission> permissions() {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> held.addAll(RoleMatrix.permissionsOf(role)));
        return held;
    }

    /** True when the user is an agent bound to {@code holder} (holders compare without case). */
    public boolean actsFor(String holder) {
        String wanted = holder == null ? "" : holder.trim().toUpperCase(Locale.ROOT);
        return holders.stream().anyMatch(bound -> bound.toUpperCase(Locale.ROOT).equals(wanted));
    }
}
