package org.corridor.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.http.Requests;
import org.corridor.settlement.SettlementOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "settlement",
        description = "Energy settlement: restricted accounts, contracts, deliveries, invoices, deposits, "
                + "conversions, transfers and the reconciliation (RPT-6).",
        subcommands = {
            SettlementAccountsCommand.class,
            SettlementContractsCommand.class,
            SettlementDeliveriesCommand.class,
            SettlementDepositsCommand.class,
            SettlementConversionsCommand.class,
            SettlementReconciliationCommand.class
        })
final class SettlementCommand extends CommandGroup {

    /** The outcome's value, or the refusal as a failure naming its reason (exit 1). */
    static <T> T done(SettlementOutcome<T> outcome) {
        if (outcome instanceof SettlementOutcome.Done<T> done) {
            if (done.repeated()) {
                System.out.println("(recorded before with the same content; nothing changed)");
            }
            return done.value();
        }
        SettlementOutcome.Refused<?> refused = (SettlementOutcome.Refused<?>) outcome;
        throw new InvalidInputException(
                refused.reason().name(), "refused " + refused.reason() + ": " + refused.detail() + "; nothing posted");
    }

    /** The idempotency key of a command that records something: the same key and content again change nothing. */
    static final class IdempotencyKey {
        @Option(names = "--id", paramLabel = "UUID", description = "Idempotency key (default: a new one).")
        String id;

        /** The key given, or a new one. */
        UUID value() {
            return SettlementCommand.id("--id", id);
        }
    }

    static UUID id(String name, String value) {
        return value == null ? UUID.randomUUID() : Requests.uuid(name, value);
    }

    static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("PARAMETER_INVALID", name + " must be a YYYY-MM-DD date: " + value);
        }
    }

    static BigDecimal decimal(String name, String value) {
        try {
            return new BigDecimal(value.replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("PARAMETER_INVALID", name + " must be a decimal number: " + value);
        }
    }
}
