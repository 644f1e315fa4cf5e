package org.corridor.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.ChainVerification;
import org.corridor.audit.Checkpoint;
import org.corridor.audit.Finding;
import org.corridor.audit.TrailVerification;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/** The audit trail over HTTP, for auditors. */
public final class AuditTrailRoutes implements Routes {

    /** One entry as exported: the stored canonical JSON also given as parsed values. */
    public record EntryView(
            long seq,
            Instant recordedAt,
            String actor,
            String actorRole,
            String action,
            String subject,
            JsonNode command,
            JsonNode outcome,
            JsonNode versions,
            String previousHash,
            String hash) {
        static EntryView of(AuditEntry entry) {
            return new EntryView(
                    entry.seq(),
                    entry.recordedAt(),
                    entry.actor(),
                    entry.actorRole(),
                    entry.action(),
                    entry.subject(),
                    CanonicalJson.read(entry.command()),
                    CanonicalJson.read(entry.outcome()),
                    CanonicalJson.read(entry.versions()),
                    entry.previousHash(),
                    entry.hash());
        }
    }

    /** A page of entries; ask again with {@code after_seq = next_after_seq} for more. */
    public record EntryPage(List<EntryView> entries, Optional<Long> nextAfterSeq) {}

    /**
     * The chain checked against itself and against the signed checkpoints outside the database, as
     * JSON: {@code intact} only when nothing was found; {@code findings} name everything found
     * (such as CHAIN_TRUNCATED), {@code broken_at} the first entry whose own hash or link fails.
     */
    public record Verification(
            boolean intact,
            long entriesChecked,
            Optional<Long> brokenAt,
            Optional<String> reason,
            int checkpointsChecked,
            Optional<Long> latestCheckpointSeq,
            List<FindingView> findings) {}

    /** One named finding. */
    public record FindingView(String code, String detail) {}

    private static final int MAX_PAGE = 1_000;

    private final AuditLog audit;
    private final ZoneId zone;

    public AuditTrailRoutes(AuditLog audit, ZoneId zone) {
        this.audit = audit;
        this.zone = zone;
    }

    @Override
    public void register(Api api) {
        api.get("/api/v1/audit")
                .requires(Permission.AUDIT_READ)
                .tag("audit")
                .summary("Audit entries recorded in [from, to), in chain order, a page at a time")
                .query("from", "ISO-8601 instant or YYYY-MM-DD (channel zone); default: the beginning")
                .query("to", "ISO-8601 instant or YYYY-MM-DD (channel zone), exclusive; default: now")
                .query("after_seq", "return entries after this sequence number")
                .query("limit", "page size, 1 to 1000 (default 100)")
                .response(EntryPage.class)
                .handle(this::list);
        api.get("/api/v1/audit/verify")
                .requires(Permission.AUDIT_READ)
                .tag("audit")
                .summary("Recompute the hash chain, check it against the signed checkpoints kept outside the database,"
                        + " and name every finding (the ledger's digests are checked by `corridor audit verify`)")
                .response(Verification.class)
                .handle(this::verify);
    }

    private void list(Context ctx) {
        Instant from = Requests.instantQuery(ctx, "from", zone).orElse(Instant.EPOCH);
        Instant to = Requests.instantQuery(ctx, "to", zone).orElse(Instant.now().plusSeconds(1));
        long afterSeq = Requests.longQuery(ctx, "after_seq", 0);
        int limit = Requests.intQuery(ctx, "limit", 100, 1, MAX_PAGE);
        List<AuditEntry> entries = audit.list(from, to, afterSeq, limit);
        Optional<Long> next = entries.size() == limit
                ? Optional.of(entries.get(entries.size() - 1).seq())
                : Optional.empty();
        ctx.json(new EntryPage(entries.stream().map(EntryView::of).toList(), next));
    }

    private void verify(Context ctx) {
        TrailVerification trail = audit.checkpoints().verify();
        Optional<ChainVerification.Broken> broken =
                trail.chain() instanceof ChainVerification.Broken b ? Optional.of(b) : Optional.empty();
        ctx.json(new Verification(
                trail.intact(),
                trail.chain().entriesChecked(),
                broken.map(ChainVerification.Broken::seq),
                broken.map(ChainVerification.Broken::reason)
                        .or(() -> trail.findings().stream().map(Finding::code).findFirst()),
                trail.checkpointsChecked(),
                trail.latest().map(Checkpoint::seq),
                trail.findings().stream()
                        .map(finding -> new FindingView(finding.code(), finding.detail()))
                        .toList()));
    }
}
