package org.corridor.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.corridor.audit.Actor;

/** A person or system account that signs in with a token. */
public record User(UUID id, String name, Role role, boolean disabled, Instant createdAt, Optional<Instant> disabledAt) {

    public Actor actor() {
        return new Actor(name, role.name());
    }
}
