package org.corridor.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;

/**
 * The one audit entry of a posted batch: what was asked (ids, or the first and last of a long
 * batch), and what came of it (counts per result, totals per currency and kind, and a digest of
 * every accepted row, so that the entry pins the batch down without listing it).
 */
final class PostingAudit {

    /** Batches up to this size list every id; longer ones their first and last. */
    static final int LISTED_IDS = 100;

    private PostingAudit() {}

    /**
     * @param transfers the caller's transfers, without the ledger's own expiries
     * @param expiries how many expiries precede them in {@code plan}
     */
    static AuditEvent of(Actor actor, List<NewTransfer> transfers, int expiries, PostingRules.Plan plan) {
        String action;
        String subject;
        if (transfers.isEmpty()) {
            action = "LEDGER_HOLDS_EXPIRED";
            subject = "ledger:expiry";
        } else {
            action = "LEDGER_TRANSFERS_POSTED";
            subject = transfers.size() == 1
                    ? "transfer:" + transfers.get(0).id()
                    : "transfer-batch:" + transfers.get(0).id();
        }
        return AuditEvent.of(actor, action, subject, command(transfers), outcome(expiries, plan));
    }

    private static Map<String, Object> command(List<NewTransfer> transfers) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("count", transfers.size());
        if (transfers.size() <= LISTED_IDS) {
            command.put("ids", transfers.stream().map(t -> t.id().toString()).toList());
        } else {
            command.put("first_id", transfers.get(0).id().toString());
            command.put("last_id", transfers.get(transfers.size() - 1).id().toString());
        }
        return command;
    }

    private static Map<String, Object> outcome(int expiries, PostingRules.Plan plan) {
        Map<String, Integer> results = new TreeMap<>();
        EnumMap<TransferResult, Integer> counted = new EnumMap<>(TransferResult.class);
        for (int i = expiries; i < plan.results().length; i++) {
            counted.merge(plan.results()[i], 1, Integer::sum);
        }
        counted.forEach((result, count) -> results.put(result.name(), count));
        Map<String, BigInteger> totals = new TreeMap<>();
        for (TransferRow row : plan.accepted()) {
            totals.merge(
                    row.currency() + " " + row.kind().name(), BigInteger.valueOf(row.amountMinor()), BigInteger::add);
        }
        int expired = plan.expiries();
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("accepted", plan.accepted().size() - expired);
        outcome.put("expired_holds", expired);
        outcome.put("failures_recorded", plan.failed().size());
        outcome.put("results", results);
        Map<String, String> totalsMinor = new TreeMap<>();
        totals.forEach((key, total) -> totalsMinor.put(key, total.toString()));
        outcome.put("totals_minor", totalsMinor);
        outcome.put("accepted_sha256", digest(plan.accepted()));
        return outcome;
    }

    /** SHA-256 over one line per accepted row, in order. */
    private static String digest(List<TransferRow> accepted) {
        MessageDigest digest = sha256();
        StringBuilder line = new StringBuilder(160);
        for (TransferRow row : accepted) {
            line.setLength(0);
            line.append(row.id())
                    .append('|')
                    .append(LedgerClock.micros(row.timestamp()))
                    .append('|')
                    .append(row.kind().name())
                    .append('|')
                    .append(row.debitAccountId())
                    .append('|')
                    .append(row.creditAccountId())
                    .append('|')
                    .append(row.amountMinor())
                    .append('|')
                    .append(row.currency())
                    .append('|')
                    .append(row.code())
                    .append('|')
                    .append(row.pendingId().map(UUID::toString).orElse(""))
                    .append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
