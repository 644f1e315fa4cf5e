package org.corridor.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.Finding;
import org.corridor.transaction.Transaction;

/**
 * Checks the ledger in one snapshot: reads the digest each batch's audit entry holds, recomputes
 * it from the batch's rows, and runs the store's balance checks. Findings are capped per kind so
 * that a badly damaged ledger still gives a readable answer.
 */
final class LedgerIntegrity {

    /** At most this many findings of one kind are named; the rest are counted in the last. */
    static final int NAMED = 20;

    private final IntegrityStore store = new IntegrityStore();
    private final AuditLog audit;

    LedgerIntegrity(AuditLog audit) {
        this.audit = audit;
    }

    /** What a batch's audit entry says of it. */
    private record Audited(long seq, String digest) {}

    LedgerCheck check(Transaction transaction) {
        store.snapshot(transaction);
        Map<UUID, Audited> audited = new HashMap<>();
        audit.export(transaction, 1, Long.MAX_VALUE, entry -> read(entry, audited));
        // A batch committed in the milliseconds before its entry was chained is audited all the same.
        audit.exportPending(transaction, entry -> read(entry, audited));
        List<Finding> findings = new ArrayList<>();
        Batches batches = new Batches(audited, findings);
        store.forEachAccepted(transaction, batches);
        batches.finish();
        audited.forEach((batch, entry) -> {
            if (!entry.digest().equals(TransferDigest.of(List.of()))) {
                add(
                        findings,
                        new Finding(
                                "TRANSFERS_MISSING",
                                "audit entry " + entry.seq() + " records batch " + batch
                                        + " but none of its transfers is left"));
            }
        });
        Optional<Long> legacy = store.legacyTransfers(transaction);
        if (legacy.isPresent() && batches.legacy != legacy.get()) {
            add(
                    findings,
                    new Finding(
                            "TRANSFER_NOT_AUDITED",
                            batches.legacy + " transfers carry no batch, but " + legacy.get()
                                    + " were recorded before batch digests began: rows were added or removed"));
        }
        for (UUID id : store.inconsistentSteps(transaction, NAMED)) {
            add(
                    findings,
                    new Finding(
                            "TRANSFER_INCONSISTENT",
                            "transfer " + id
                                    + ": the balances recorded after it do not follow from the ones before it and"
                                    + " its amount"));
        }
        for (IntegrityStore.Drift drift : store.drifts(transaction, NAMED)) {
            add(
                    findings,
                    new Finding(
                            "BALANCE_MISMATCH",
                            "account " + drift.account() + " holds " + drift.stored() + " but its transfers add up to "
                                    + drift.summed()));
        }
        for (String currency : store.unbalancedCurrencies(transaction)) {
            add(findings, new Finding("LEDGER_UNBALANCED", currency + ": debits and credits differ over all accounts"));
        }
        return new LedgerCheck(batches.count, batches.transfers, batches.legacy, store.accounts(transaction), findings);
    }

    /** Keeps the batch and digest of a ledger entry that carries them (older entries do not). */
    private static void read(AuditEntry entry, Map<UUID, Audited> audited) {
        if (!PostingAudit.ACTIONS.contains(entry.action())) {
            return;
        }
        JsonNode outcome = CanonicalJson.read(entry.outcome());
        JsonNode batch = outcome.get(PostingAudit.BATCH_ID);
        JsonNode digest = outcome.get(PostingAudit.TRANSFERS_SHA256);
        if (batch != null && digest != null) {
            try {
                audited.put(UUID.fromString(batch.asText()), new Audited(entry.seq(), digest.asText()));
            } catch (IllegalArgumentException e) {
                // A malformed batch id in an entry: the chain's hash check names a changed entry.
            }
        }
    }

    /** Caps findings of one code at {@link #NAMED}. */
    private static void add(List<Finding> findings, Finding finding) {
        long same =
                findings.stream().filter(f -> f.code().equals(finding.code())).count();
        if (same < NAMED) {
            findings.add(finding);
        }
    }

    /** Groups the streamed rows by batch and compares each batch with its audit entry. */
    private static final class Batches implements Consumer<IntegrityStore.Stored> {
        private final Map<UUID, Audited> audited;
        private final List<Finding> findings;
        private Optional<UUID> current = Optional.empty();
        private final List<TransferRow> rows = new ArrayList<>();
        private long count;
        private long transfers;
        private long legacy;

        Batches(Map<UUID, Audited> audited, List<Finding> findings) {
            this.audited = audited;
            this.findings = findings;
        }

        @Override
        public void accept(IntegrityStore.Stored stored) {
            transfers++;
            if (stored.batch().isEmpty()) {
                legacy++;
                return;
            }
            if (!stored.batch().equals(current)) {
                finish();
                current = stored.batch();
            }
            rows.add(stored.row());
        }

        void finish() {
            if (current.isEmpty() || rows.isEmpty()) {
                return;
            }
            UUID batch = current.get();
            count++;
            Audited entry = audited.remove(batch);
            if (entry == null) {
                add(
                        findings,
                        new Finding(
                                "TRANSFER_NOT_AUDITED",
                                "transfer " + rows.get(0).id() + " (batch " + batch + ", " + rows.size()
                                        + " transfers) is in no audit entry"));
            } else if (!entry.digest().equals(TransferDigest.of(rows))) {
                add(
                        findings,
                        new Finding(
                                "TRANSFER_DIGEST_MISMATCH",
                                "the " + rows.size() + " transfers of batch " + batch + " (audit entry " + entry.seq()
                                        + ", first transfer " + rows.get(0).id()
                                        + ") no longer match the digest the entry holds: changed, added or removed"));
            }
            rows.clear();
        }
    }
}
