package org.corridor.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.AuditLog;
import org.corridor.audit.ChainVerification;
import org.corridor.audit.Checkpoint;
import org.corridor.audit.Checkpoints;

/**
 * RPT-9: the audit entries recorded on the business dates {@code [from, to]}, each with the stored
 * canonical JSON, its previous hash and its hash, so that an examiner can recompute the chain
 * offline (docs/reports.md gives the recipe). The extract links to the entry before it through
 * the first entry's previous hash (the anchor).
 */
record AuditExtract(AuditLog audit, ZoneId zone) {

    private static final int PAGE = 1_000;

    List<Section> sections(LocalDate from, LocalDate to) {
        List<AuditEntry> entries = entries(from, to);
        ChainVerification chain = audit.verify();
        return List.of(extract(entries, chain), table(entries), checkpoints(entries));
    }

    /**
     * The signed checkpoints that let an examiner hold the extract to a key the database does not
     * hold (issue 16): the head signed now, and the latest checkpoint inside the extract, whose hash
     * the table must show at its seq. Either, saved to a file, is {@code audit verify --checkpoint}'s
     * input.
     */
    private Section.Figures checkpoints(List<AuditEntry> entries) {
        Checkpoints checkpoints = audit.checkpoints();
        Optional<Checkpoint> latest = checkpoints.configured() ? checkpoints.checkpoint() : Optional.empty();
        Optional<Checkpoint> inside = Optional.empty();
        if (!entries.isEmpty()) {
            long first = entries.get(0).seq();
            long last = entries.get(entries.size() - 1).seq();
            inside = checkpoints.all().stream()
                    .filter(checkpoint -> checkpoint.seq() >= first && checkpoint.seq() <= last)
                    .reduce((earlier, later) -> later);
        }
        return new Section.Figures(
                "Signed checkpoints",
                List.of(
                        Section.Figure.of(
                                "public_key_ed25519", checkpoints.publicKey().orElse("")),
                        Section.Figure.of(
                                "latest", latest.map(Checkpoint::toJson).orElse("")),
                        Section.Figure.of(
                                "inside_extract", inside.map(Checkpoint::toJson).orElse("")),
                        Section.Figure.of(
                                "signature_recipe",
                                "Ed25519 over the canonical JSON of the checkpoint without its signature (keys sorted, no"
                                        + " whitespace); the entry at seq must have the hash signed")));
    }

    /** The entries recorded on the business dates {@code [from, to]}, page by page. */
    private List<AuditEntry> entries(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<AuditEntry> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            List<AuditEntry> page = audit.list(start, end, after, PAGE);
            entries.addAll(page);
            if (page.size() < PAGE) {
                return entries;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /** What the extract holds and how to check it: its ends, their hashes and the chain's state. */
    private static Section.Figures extract(List<AuditEntry> entries, ChainVerification chain) {
        String verdict = chain instanceof ChainVerification.Broken broken
                ? "BROKEN at entry " + broken.seq() + " (" + broken.reason() + ")"
                : "INTACT (" + chain.entriesChecked() + " entries)";
        return new Section.Figures(
                "Extract",
                List.of(
                        Section.Figure.of("entries", Integer.toString(entries.size())),
                        Section.Figure.of(
                                "first_seq",
                                entries.isEmpty()
                                        ? ""
                                        : Long.toString(entries.get(0).seq())),
                        Section.Figure.of(
                                "last_seq",
                                entries.isEmpty()
                                        ? ""
                                        : Long.toString(
                                                entries.get(entries.size() - 1).seq())),
                        Section.Figure.of(
                                "anchor_previous_hash",
                                entries.isEmpty() ? "" : entries.get(0).previousHash()),
                        Section.Figure.of(
                                "last_hash",
                                entries.isEmpty()
                                        ? ""
                                        : entries.get(entries.size() - 1).hash()),
                        new Section.Figure(
                                "whole_chain_at_generation",
                                verdict,
                                chain instanceof ChainVerification.Intact ? "ok" : "bad"),
                        Section.Figure.of(
                                "hash_recipe",
                                "sha256 of the canonical JSON (keys sorted, no whitespace) of seq (number), recorded_at,"
                                        + " actor, actor_role, action, subject, command, outcome, versions,"
                                        + " previous_hash (strings)")));
    }

    private static Section.Table table(List<AuditEntry> entries) {
        return Cells.table(
                "Audit entries",
                Cells.columns(
                        "seq#",
                        "recorded_at",
                        "actor",
                        "actor_role",
                        "action",
                        "subject",
                        "command",
                        "outcome",
                        "versions",
                        "previous_hash",
                        "hash"),
                entries.stream()
                        .map(e -> List.of(
                                Long.toString(e.seq()),
                                e.recordedAt().toString(),
                                e.actor(),
                                e.actorRole(),
                                e.action(),
                                e.subject(),
                                e.command(),
                                e.outcome(),
                                e.versions(),
                                e.previousHash(),
                                e.hash()))
                        .toList());
    }
}
