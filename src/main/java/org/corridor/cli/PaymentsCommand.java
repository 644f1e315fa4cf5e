package org.corridor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.payments.MessageKind;
import org.corridor.payments.MessageSchemas;
import org.corridor.release.PaymentMessageImport;
import org.corridor.release.PaymentMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code corridor payments}: bank messages after the pacs.008. */
@Command(
        name = "payments",
        description = "Bank messages after the pacs.008: status reports, returns and credit notifications.",
        subcommands = {PaymentsCommand.Import.class})
final class PaymentsCommand extends CommandGroup {

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import a bank message: a pacs.002.001.11 status report or pacs.004.001.10 return of a paid release,"
                        + " or a camt.054.001.08 credit notification (docs/payments.md).",
                "Prints one line per item: the item, what it concerned, its outcome and why. The same message again"
                        + " is recognised and applies nothing; exit 1 when an item (or the whole message) is refused."
            })
    static final class Import extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The message as XML.")
        Path file;

        private String xml;
        private MessageKind kind;

        @Override
        void check() throws IOException {
            try {
                xml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("FILE_NOT_FOUND", "no file " + file);
            }
            kind = MessageSchemas.kindOf(xml);
        }

        @Override
        void run(Corridor corridor) {
            PaymentMessageImport result =
                    corridor.paymentMessages().importMessage(actor(corridor, PaymentMessages.permissionFor(kind)), xml);
            System.out.println(result.kind() + " " + result.messageId()
                    + (result.repeated() ? ": imported before; nothing applied again" : ""));
            for (PaymentMessageImport.Item item : result.items()) {
                System.out.println(String.join("\t", item.item(), item.subject(), item.outcome(), item.detail()));
                if (item.outcome().equals("REFUSED")) {
                    exitCode = 1;
                    System.err.println("corridor: " + item.item() + ": " + item.code() + ": " + item.detail());
                }
            }
        }
    }
}
