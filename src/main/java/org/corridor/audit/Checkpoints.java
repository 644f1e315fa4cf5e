package org.corridor.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed checkpoints of the audit chain, kept outside the database (issue 16): the head of the chain
 * (sequence, hash, time) signed with an Ed25519 key from a file, appended to a checkpoint file at
 * an interval while a server runs and on demand ({@code corridor audit checkpoint}). Verification
 * checks the chain against every checkpoint of that file (or of a file given) and names what it
 * finds: a chain cut short, rewritten and rehashed, or reordered. Between two checkpoints the chain
 * proves only itself: entries appended since the last checkpoint can vanish unnoticed, which is
 * why the interval is short. Thread-safe.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    /** Where the key and the checkpoint file are. */
    public record Place(Path keyFile, Path checkpointFile) {}

    private final AuditLog log;
    private final Optional<Place> place;
    private final Clock clock;

    Checkpoints(AuditLog log, Optional<Place> place, Clock clock) {
        this.log = log;
        this.place = place;
        this.clock = clock;
    }

    /** True when a key file and a checkpoint file are configured. */
    public boolean configured() {
        return place.isPresent();
    }

    /** Where the key and the checkpoints are, if configured. */
    public Optional<Place> place() {
        return place;
    }

    /**
     * Signs the head of the chain and appends it to the checkpoint file, unless the last checkpoint
     * already signs that head; creates the key on first use, under the file's lock, just before the
     * first checkpoint is written.
     *
     * @return the latest checkpoint, new or not; empty while the chain is empty
     * @throws ConflictException CHECKPOINTS_NOT_CONFIGURED when no place is configured
     */
    public Optional<Checkpoint> checkpoint() {
        Place where = requirePlace();
        log.chainPending();
        Optional<AuditEntry> head = log.head();
        if (head.isEmpty()) {
            // No key before there is something to sign: a key without checkpoints means they were removed.
            return Optional.empty();
        }
        return new CheckpointFile(where.checkpointFile()).append(last -> {
            if (last.isPresent()
                    && last.get().seq() == head.get().seq()
                    && last.get().hash().equals(head.get().hash())) {
                return Optional.empty();
            }
            SigningKey key = SigningKey.loadOrCreate(where.keyFile());
            String previous = last.map(Checkpoint::lineDigest).orElse(Checkpoint.FIRST);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return Optional.of(Checkpoint.sign(head.get(), now, key, previous));
        });
    }

    /** Every checkpoint of the file, oldest first (for RPT-9). */
    public List<Checkpoint> all() {
        return place.map(where ->
                        new CheckpointFile(where.checkpointFile()).read().checkpoints())
                .orElse(List.of());
    }

    /** The public key that verifies the checkpoints, in base64, once the key exists. */
    public Optional<String> publicKey() {
        return place.map(Place::keyFile)
                .filter(Files::exists)
                .map(file -> SigningKey.load(file).publicKeyBase64());
    }

    /** Checks the chain against itself and the configured checkpoint file. */
    public TrailVerification verify() {
        return verify(Optional.empty());
    }

    /**
     * Checks the chain against itself and against the checkpoints of {@code given}, or of the
     * configured file when empty: each checkpoint's signature with the configured key, the file's
     * own links, then the chain (one pass).
     */
    public TrailVerification verify(Optional<Path> given) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        CheckpointFile.Contents contents = given.map(CheckpointFile::given)
                .orElseGet(() -> place.map(where -> new CheckpointFile(where.checkpointFile()).read())
                        .orElse(new CheckpointFile.Contents(List.of(), List.of())));
        findings.addAll(contents.findings());
        Optional<SigningKey> key =
                place.map(Place::keyFile).filter(Files::exists).map(SigningKey::load);
        List<Checkpoint> trusted = trusted(contents.checkpoints(), key, findings, notes);
        if (contents.checkpoints().isEmpty() && given.isEmpty()) {
            if (key.isPresent()) {
                findings.add(new Finding(
                        "CHECKPOINTS_MISSING",
                        "a signing key exists but " + place.get().checkpointFile()
                                + " holds no checkpoint: the file was removed or emptied"));
            } else {
                notes.add("no checkpoint yet: the chain proves itself only (corridor audit checkpoint signs one)");
            }
        }
        TrailWalker walker = new TrailWalker(trusted);
        log.export(1, Long.MAX_VALUE, walker);
        findings.addAll(walker.findings());
        Optional<Checkpoint> latest = contents.checkpoints().stream().reduce((first, second) -> second);
        return new TrailVerification(walker.chain(), trusted.size(), latest, findings, notes);
    }

    /** The checkpoints whose signatures hold; the others are findings. */
    private static List<Checkpoint> trusted(
            List<Checkpoint> checkpoints, Optional<SigningKey> key, List<Finding> findings, List<String> notes) {
        if (key.isEmpty()) {
            if (!checkpoints.isEmpty()) {
                notes.add("no signing key to check the checkpoints' signatures with; their entries are checked only");
            }
            return checkpoints;
        }
        List<Checkpoint> trusted = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (!checkpoint.keyId().equals(key.get().keyId())) {
                findings.add(new Finding(
                        "CHECKPOINT_KEY_UNKNOWN",
                        "the checkpoint of entry " + checkpoint.seq() + " was signed by key " + checkpoint.keyId()
                                + ", not " + key.get().keyId()));
            } else if (!checkpoint.signedBy(key.get())) {
                findings.add(new Finding(
                        "CHECKPOINT_SIGNATURE_INVALID",
                        "the checkpoint of entry " + checkpoint.seq() + " does not match its signature"));
            } else {
                trusted.add(checkpoint);
            }
        }
        return trusted;
    }

    /**
     * Signs the head now and then every {@code interval} on a daemon thread, until closed (when it
     * signs once more). A failure (the database away) is logged and tried again at the next turn.
     */
    public AutoCloseable schedule(Duration interval) {
        if (place.isEmpty()) {
            return () -> {};
        }
        Thread thread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        signQuietly();
                        try {
                            Thread.sleep(interval.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "corridor-audit-checkpoints");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            thread.interrupt();
            thread.join(10_000);
            signQuietly();
        };
    }

    private void signQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("audit checkpoint not signed this time: {}", e.getMessage());
        }
    }

    private Place requirePlace() {
        return place.orElseThrow(() ->
                new ConflictException("CHECKPOINTS_NOT_CONFIGURED", "no audit key and checkpoint file are configured"));
    }
}
