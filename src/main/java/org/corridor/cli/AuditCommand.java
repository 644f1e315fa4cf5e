package org.corridor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.audit.Checkpoint;
import org.corridor.audit.Finding;
import org.corridor.audit.TrailVerification;
import org.corridor.settlement.BooksCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Work with the hash-chained audit trail and its signed checkpoints.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.CheckpointCommand.class})
final class AuditCommand extends CommandGroup {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Recompute the audit chain and check it against the signed checkpoints (the checkpoint"
                    + " file, or --checkpoint FILE), recompute every ledger batch's digest from its transfers and"
                    + " every balance from the transfers, and add up every restricted account's lots; print each"
                    + " finding by name and exit 1 if there is any.")
    static final class Verify extends CorridorCommand {
        @Option(
                names = "--checkpoint",
                paramLabel = "FILE",
                description = "Check against the checkpoints in FILE (a checkpoint file, a JSON array of checkpoints"
                        + " or one checkpoint, as RPT-9 shows it) instead of the configured checkpoint file.")
        Path checkpoint;

        @Override
        void run(Corridor corridor) {
            TrailVerification trail = corridor.audit().checkpoints().verify(Optional.ofNullable(checkpoint));
            BooksCheck books = corridor.settlement().checkBooks();
            printChain(trail);
            printBooks(books);
            List<Finding> findings = new ArrayList<>(trail.findings());
            findings.addAll(books.findings());
            exitCode = LedgerCommand.report(findings, "audit verification");
        }

        private static void printChain(TrailVerification trail) {
            if (trail.chain() instanceof ChainVerification.Broken broken) {
                System.out.println("audit chain broken at entry " + broken.seq() + ": " + broken.reason() + " ("
                        + broken.detail() + ")");
            } else {
                System.out.println("audit chain intact: " + trail.chain().entriesChecked() + " entries");
            }
            trail.latest()
                    .ifPresent(latest -> System.out.println("checkpoints: " + trail.checkpointsChecked()
                            + " with valid signatures; the latest signs entry " + latest.seq() + " (signed "
                            + latest.signedAt() + ", key " + latest.keyId() + ")"));
            trail.notes().forEach(note -> System.out.println("note: " + note));
        }
    }

    static void printBooks(BooksCheck books) {
        System.out.println("ledger: " + books.ledger().batches() + " batches' digests recomputed from their "
                + books.ledger().transfers() + " transfers" + legacy(books) + "; the balances of "
                + books.ledger().accounts() + " accounts recomputed from their transfers; the lots of "
                + books.restrictedAccounts() + " restricted accounts added up");
    }

    private static String legacy(BooksCheck books) {
        long legacy = books.ledger().legacyTransfers();
        return legacy == 0 ? "" : " (" + legacy + " recorded before batch digests carry none)";
    }

    @Command(
            name = "checkpoint",
            mixinStandardHelpOptions = true,
            description =
                    "Sign the head of the audit chain with the audit key (created in the data folder on first use,"
                            + " or CORRIDOR_AUDIT_KEY) and append it to the checkpoint file outside the database (or"
                            + " CORRIDOR_AUDIT_CHECKPOINTS); prints the checkpoint.")
    static final class CheckpointCommand extends CorridorCommand {
        @Override
        void run(Corridor corridor) {
            Optional<Checkpoint> checkpoint = corridor.audit().checkpoints().checkpoint();
            if (checkpoint.isEmpty()) {
                System.out.println("the audit chain is empty: nothing to sign");
                return;
            }
            Checkpoint signed = checkpoint.get();
            System.out.println("checkpoint: entry " + signed.seq() + " hash " + signed.hash() + " signed "
                    + signed.signedAt() + " with key " + signed.keyId());
            corridor.audit()
                    .checkpoints()
                    .place()
                    .ifPresent(place ->
                            System.out.println("in " + place.checkpointFile().toAbsolutePath()));
            System.out.println(signed.toJson());
        }
    }
}
