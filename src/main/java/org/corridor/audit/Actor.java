package org.corridor.audit;

import java.util.Objects;

/**
 * Who did something: a named user with the role they acted in, or the system itself (scheduled
 * expiry of holds, the demo seeding its users).
 */
public record Actor(String name, String role) {

    public static final Actor SYSTEM = new Actor("system", "SYSTEM");

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        return name + " (" + role + ")";
    }
}
