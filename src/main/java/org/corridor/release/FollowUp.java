package org.corridor.release;

import java.time.LocalDate;
import java.util.Optional;

/** A document due after payment (FR-27), with its deadline; overdue when not received by then. */
public record FollowUp(
        String requestReference, String kind, LocalDate dueOn, Optional<LocalDate> receivedOn, boolean overdue) {}
