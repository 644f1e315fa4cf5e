package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** An executed release: the posted hold, the authorisation used and the pacs.008 produced. */
public record Execution(
        LocalDate valueDate,
        UUID holdId,
        UUID postId,
        String authorisation,
        Optional<String> priorApproval,
        String messageId,
        UUID uetr,
        String pacs008,
        String executedBy,
        Instant executedAt) {}
