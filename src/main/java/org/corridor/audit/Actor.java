package org.corridor.audit;

import java.util.List;
import java.util.Objects;

/**
 * Who did something: a named user with the roles they act in, or the system itself (scheduled
 * expiry of holds). A person holding several roles acts in all of them: {@code role} then joins
 * them with '+' ("OPERATOR+APPROVER"), and the four-eyes checks, which compare names, still see
 * one person.
 */
public record Actor(String name, String role) {

    public static final Actor SYSTEM = new Actor("system", "SYSTEM");

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The roles acted in, one or more. */
    public List<String> roles() {
        return List.of(role.split("\\+"));
    }

    /** True when the actor acts in {@code wanted} (among others, perhaps). */
    public boolean actsAs(String wanted) {
        return roles().contains(wanted);
    }

    @Override
    public String toString() {
        return name + " (" + role + ")";
    }
}
