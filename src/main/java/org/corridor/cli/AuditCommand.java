package org.corridor.cli;

import java.util.concurrent.Callable;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Work with the hash-chained audit trail.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Recompute the audit chain and check the restricted books (ledger check); exit 1 and name"
                    + " the first broken entry, or the accounts that disagree.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                ChainVerification result = corridor.audit().verify();
                if (result instanceof ChainVerification.Broken broken) {
                    System.out.println("audit chain broken at entry " + broken.seq() + ": " + broken.reason() + " ("
                            + broken.detail() + ")");
                    System.err.println("corridor: audit chain broken at entry " + broken.seq());
                    return 1;
                }
                System.out.println("audit chain intact: " + result.entriesChecked() + " entries");
                return LedgerCommand.checkBooks(corridor) ? 0 : 1;
            }
        }
    }
}
