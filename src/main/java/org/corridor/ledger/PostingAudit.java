package org.corridor.ledger;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;

/**
 * The one audit entry of a posted batch: what was asked (ids, or the first and last of a long
 * batch), and what came of it (counts per result, totals per currency and kind, the batch's id,
 * which its rows carry, and the digest of every accepted row, {@link TransferDigest}), so that the
 * entry pins the batch down without listing it and {@code audit verify} can recompute it.
 */
final class PostingAudit {

    /** The outcome's member naming the batch its rows carry. */
    static final String BATCH_ID = "batch_id";

    /** The outcome's member holding {@link TransferDigest} of the batch's accepted rows. */
    static final String TRANSFERS_SHA256 = "transfers_sha256";

    /** The actions of a batch's entry. */
    static final java.util.Set<String> ACTIONS = java.util.Set.of("LEDGER_TRANSFERS_POSTED", "LEDGER_HOLDS_EXPIRED");

    /** Batches up to this size list every id; longer ones their first and last. */
    static final int LISTED_IDS = 100;

    private PostingAudit() {}

    /**
     * @param transfers the caller's transfers, without the ledger's own expiries
     * @param expiries how many expiries precede them in {@code plan}
     */
    static AuditEvent of(Actor actor, List<NewTransfer> transfers, int expiries, PostingRules.Plan plan, UUID batchId) {
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
        return AuditEvent.of(actor, action, subject, command(transfers), outcome(expiries, plan, batchId));
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

    private static Map<String, Object> outcome(int expiries, PostingRules.Plan plan, UUID batchId) {
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
        outcome.put(BATCH_ID, batchId.toString());
        outcome.put(TRANSFERS_SHA256, TransferDigest.of(plan.accepted()));
        return outcome;
    }
}
