package org.corridor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.corridor.app.Corridor;
import org.corridor.payments.BankStatement;
import org.corridor.payments.Camt053;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code corridor statements}: bank statements of the restricted accounts. */
@Command(
        name = "statements",
        description = "Bank statements of the restricted accounts.",
        subcommands = {StatementsCommand.Camt053Statement.class})
final class StatementsCommand extends CommandGroup {

    @Command(
            name = "camt053",
            mixinStandardHelpOptions = true,
            description = {
                "Write an account's ISO 20022 camt.053.001.08 end-of-day statements for a range of business days:"
                        + " one statement per day, its opening and closing booked balances the ledger's, one entry per"
                        + " movement (docs/payments.md).",
                "Without --output the XML goes to standard output."
            })
    static final class Camt053Statement extends CorridorCommand {
        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "Name or id: NIGC-EUR-R.")
        String account;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First business day, YYYY-MM-DD.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last business day, YYYY-MM-DD.")
        String to;

        @Option(names = "--output", paramLabel = "FILE", description = "Where to write the XML.")
        Path output;

        private LocalDate first;
        private LocalDate last;

        @Override
        void check() {
            first = ReleasesCommand.date("--from", from);
            last = ReleasesCommand.date("--to", to);
        }

        @Override
        void run(Corridor corridor) throws IOException {
            BankStatement statement = corridor.statements().statement(account, first, last);
            String xml = Camt053.write(statement);
            Path parent = output == null ? null : output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Output.text(output, xml, () -> written(statement));
        }

        private String written(BankStatement statement) {
            BankStatement.Day firstDay = statement.days().get(0);
            BankStatement.Day lastDay = statement.days().get(statement.days().size() - 1);
            int entries = statement.days().stream()
                    .mapToInt(day -> day.entries().size())
                    .sum();
            return "wrote " + output + ": " + statement.account().identification() + " "
                    + statement.days().size()
                    + " days, " + entries + " entries, opening " + firstDay.opening() + " on " + firstDay.date()
                    + ", closing " + lastDay.closing() + " on " + lastDay.date();
        }
    }
}
