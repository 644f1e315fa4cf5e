package org.corridor.release;

import java.time.Instant;
import java.util.Optional;

/** One move of a request between states, with its reason and who made it. */
public record Transition(
        Optional<String> from,
        String to,
        Optional<String> reason,
        String detail,
        String actor,
        String role,
        Instant at) {}
