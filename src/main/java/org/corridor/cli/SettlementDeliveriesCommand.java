package org.corridor.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.settlement.Invoice;
import org.corridor.settlement.NewNote;
import org.corridor.settlement.Note;
import org.corridor.settlement.NoteKind;
import org.corridor.settlement.StatementOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "deliveries",
        description = "Delivery statements from metering files, and the invoices and notes they produce.",
        subcommands = {
            SettlementDeliveriesCommand.Import.class,
            SettlementDeliveriesCommand.Invoices.class,
            SettlementDeliveriesCommand.NoteCommand.class
        })
final class SettlementDeliveriesCommand extends CommandGroup {

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import a metering file; refused whole, naming the line, if any line is bad. Importing it again"
                        + " changes nothing.",
                "Header: contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason"
                        + "[,issued_on]"
            })
    static final class Import implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Override
        public Integer call() throws IOException {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    Corridor corridor = database.open()) {
                List<StatementOutcome> outcomes = corridor.settlement()
                        .contracts()
                        .importStatements(
                                signIn.actor(corridor, Permission.DELIVERY_RECORD, "settlement deliveries import"),
                                file.getFileName().toString(),
                                reader);
                for (StatementOutcome outcome : outcomes) {
                    System.out.println((outcome.created() ? "recorded " : "unchanged ") + line(outcome.invoice()));
                }
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("FILE_NOT_FOUND", "no file " + file);
            }
            return 0;
        }
    }

    static String line(Invoice invoice) {
        StringBuilder line = new StringBuilder(invoice.number() + " "
                + invoice.quantity().toPlainString() + " " + invoice.priceUnit() + " " + invoice.amount());
        for (Note note : invoice.notes()) {
            line.append(" ").append(note.number()).append(" ").append(note.signedAmount());
        }
        return line.append(" net ")
                .append(invoice.net())
                .append(" outstanding ")
                .append(invoice.outstanding())
                .toString();
    }

    @Command(name = "invoices", description = "Invoices with notes and what is paid.")
    static final class Invoices extends CorridorCommand {
        @Option(names = "--contract", paramLabel = "CONTRACT", description = "Reference or id (default: all).")
        String contract;

        @Override
        void run(Corridor corridor) {
            for (Invoice invoice : corridor.settlement().contracts().invoices(Optional.ofNullable(contract))) {
                System.out.println(line(invoice));
            }
        }
    }

    @Command(name = "note", description = "Add a credit or debit note to an invoice, priced like it.")
    static final class NoteCommand extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "INVOICE", description = "The invoice's number or id.")
        String invoice;

        @Option(names = "--kind", required = true, paramLabel = "CREDIT|DEBIT", description = "The kind of note.")
        NoteKind kind;

        @Option(names = "--quantity", required = true, paramLabel = "QTY", description = "In the statement's unit.")
        String quantity;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Option(names = "--issued-on", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String issuedOn;

        @Mixin
        SettlementCommand.IdempotencyKey key;

        @Override
        void run(Corridor corridor) {
            Note note = corridor.settlement()
                    .contracts()
                    .addNote(
                            actor(corridor, Permission.DELIVERY_RECORD),
                            invoice,
                            new NewNote(
                                    key.value(),
                                    kind,
                                    SettlementCommand.decimal("--quantity", quantity),
                                    Optional.empty(),
                                    reason,
                                    SettlementCommand.date("--issued-on", issuedOn)))
                    .value();
            System.out.println(note.number() + " " + note.signedAmount() + " on " + invoice);
        }
    }
}
