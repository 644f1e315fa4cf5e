package org.corridor.release;

import java.time.Instant;
import java.util.Optional;

/** A step of the approval chain taken: by whom, when, and the Authority's reference for its step. */
public record Approval(String step, String actor, String role, Optional<String> reference, String note, Instant at) {}
