package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;

/**
 * That the report of one RPT-5 event ({@code REJ-n}, a rejected party; {@code REQ-reference}, a
 * request refused at submission) was filed with the authority: on which day, under which reference,
 * recorded by whom and when.
 */
public record ReportFiling(
        String eventId, String reference, LocalDate filedOn, String filedBy, String filedRole, Instant recordedAt) {}
