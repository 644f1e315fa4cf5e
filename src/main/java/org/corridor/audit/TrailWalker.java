package org.corridor.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One pass over the chain that checks it against signed checkpoints as well as against itself:
 * an entry a checkpoint signed must still have the hash it signed (else the chain was rewritten and
 * rehashed), a signed hash found at another place means the entries were reordered, as does an
 * entry recorded before the one ahead of it (appends never go back in time), and a checkpoint
 * beyond the chain's last entry means the chain was cut short.
 */
final class TrailWalker implements Consumer<AuditEntry> {

    private final AuditLog.ChainWalker chain = new AuditLog.ChainWalker();
    private final Map<Long, Checkpoint> bySeq = new HashMap<>();
    private final Map<String, Long> signedHashes = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private long lastSeq;
    private Optional<Instant> lastRecordedAt = Optional.empty();
    private long rewritten;
    private long firstRewritten;
    private long backInTime;
    private long firstBackInTime;

    TrailWalker(List<Checkpoint> checkpoints) {
        for (Checkpoint checkpoint : checkpoints) {
            bySeq.put(checkpoint.seq(), checkpoint);
            signedHashes.put(checkpoint.hash(), checkpoint.seq());
        }
    }

    @Override
    public void accept(AuditEntry entry) {
        chain.accept(entry);
        lastSeq = Math.max(lastSeq, entry.seq());
        if (lastRecordedAt.isPresent() && entry.recordedAt().isBefore(lastRecordedAt.get())) {
            if (backInTime++ == 0) {
                firstBackInTime = entry.seq();
            }
        }
        lastRecordedAt = Optional.of(entry.recordedAt());
        Long signedAt = signedHashes.get(entry.hash());
        if (signedAt != null && signedAt != entry.seq()) {
            findings.add(new Finding(
                    "CHAIN_REORDERED",
                    "the hash a checkpoint signed for entry " + signedAt + " is now entry " + entry.seq()));
        }
        Checkpoint signed = bySeq.get(entry.seq());
        if (signed != null && !signed.hash().equals(entry.hash()) && !signedHashes.containsKey(entry.hash())) {
            if (rewritten++ == 0) {
                firstRewritten = entry.seq();
            }
        }
    }

    /** Everything found, once every entry was seen. */
    List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        if (chain.result() instanceof ChainVerification.Broken broken) {
            all.add(new Finding(broken.reason(), "entry " + broken.seq() + ": " + broken.detail()));
        }
        all.addAll(findings);
        if (backInTime > 0) {
            all.add(new Finding(
                    "CHAIN_REORDERED",
                    "entry " + firstBackInTime + " was recorded before the entry ahead of it (" + backInTime
                            + " such entries): entries never go back in time"));
        }
        if (rewritten > 0) {
            all.add(new Finding(
                    "CHAIN_REWRITTEN",
                    "entry " + firstRewritten + " no longer has the hash a checkpoint signed (" + rewritten
                            + " signed entries differ): the chain was rewritten and rehashed"));
        }
        bySeq.keySet().stream()
                .filter(seq -> seq > lastSeq)
                .max(Long::compare)
                .ifPresent(seq -> all.add(new Finding(
                        "CHAIN_TRUNCATED",
                        "the chain ends at entry " + lastSeq + " but a checkpoint signed entry " + seq + " (signed "
                                + bySeq.get(seq).signedAt() + "): entries were removed from its end")));
        return all;
    }

    ChainVerification chain() {
        return chain.result();
    }
}
