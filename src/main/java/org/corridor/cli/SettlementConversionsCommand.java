package org.corridor.cli;

import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.Conversion;
import org.corridor.settlement.ConversionExecution;
import org.corridor.settlement.ExchangeRate;
import org.corridor.settlement.NewConversion;
import org.corridor.settlement.NewExecution;
import org.corridor.settlement.NewRestrictedTransfer;
import org.corridor.settlement.RestrictedTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "conversions",
        description = "Conversions between a holder's restricted accounts, and transfers between them.",
        subcommands = {
            SettlementConversionsCommand.Request.class,
            SettlementConversionsCommand.Execute.class,
            SettlementConversionsCommand.ListConversions.class,
            SettlementConversionsCommand.Transfer.class
        })
final class SettlementConversionsCommand extends CommandGroup {

    static String line(Conversion conversion) {
        return "conversion " + conversion.id() + " " + conversion.amount() + " " + conversion.status()
                + conversion.heldReason().map(reason -> " (" + reason + ")").orElse("") + " executed "
                + conversion.executed()
                + conversion.authorisationReference().map(a -> " under " + a).orElse("");
    }

    static String line(ConversionExecution execution) {
        return "executed " + execution.id() + " on " + execution.valueDate() + ": "
                + execution.quote().amount()
                + " -> " + execution.quote().target() + " (fx "
                + execution.quote().fx() + ", spread "
                + execution.quote().spread() + ", fee " + execution.quote().fee() + ") under "
                + execution.authorisationReference();
    }

    /** "1 EUR = 1404 IQD" or "EUR/IQD 1404". */
    static ExchangeRate rate(String text, String source, String date) {
        String[] parts = text.trim().replace("=", " ").split("[\\s/]+");
        try {
            if (parts.length == 4 && parts[0].equals("1")) {
                return new ExchangeRate(
                        Currency.of(parts[1]),
                        Currency.of(parts[3]),
                        SettlementCommand.decimal("--rate", parts[2]),
                        source,
                        SettlementCommand.date("--rate-date", date));
            }
            if (parts.length == 3) {
                return new ExchangeRate(
                        Currency.of(parts[0]),
                        Currency.of(parts[1]),
                        SettlementCommand.decimal("--rate", parts[2]),
                        source,
                        SettlementCommand.date("--rate-date", date));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // falls through to the refusal below
        }
        throw new InvalidInputException("PARAMETER_INVALID", "--rate is \"1 EUR = 1404 IQD\": " + text);
    }

    @Command(
            name = "request",
            description = "Request a conversion (APPROVED or HELD); with --execute-on, execute it at once.")
    static final class Request extends SignedInCommand {
        @Mixin
        SettlementCommand.IdempotencyKey key;

        @Option(names = "--from", required = true, paramLabel = "ACCOUNT", description = "Such as NIGC-IQD-R.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "ACCOUNT", description = "Such as NIGC-EUR-R.")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "In the source currency.")
        String amount;

        @Option(names = "--requested-on", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String requestedOn;

        @Option(names = "--approval", paramLabel = "REF", description = "The Authority's approval: AUTH-CNV-0711.")
        String approval;

        @Option(names = "--rate", required = true, paramLabel = "RATE", description = "\"1 EUR = 1404 IQD\".")
        String rate;

        @Option(names = "--rate-source", required = true, paramLabel = "TEXT", description = "Such as CBI fixing.")
        String rateSource;

        @Option(names = "--rate-date", paramLabel = "DATE", description = "YYYY-MM-DD (default: the request date).")
        String rateDate;

        @Option(names = "--spread", required = true, paramLabel = "PERCENT", description = "Such as 0.15.")
        String spread;

        @Option(names = "--fee", paramLabel = "AMOUNT", description = "Per execution, in the source currency.")
        String fee;

        @Option(names = "--execute-on", paramLabel = "DATE", description = "Execute at once on this value date.")
        String executeOn;

        private UUID conversionId;

        @Override
        void check() {
            conversionId = key.value();
        }

        @Override
        void run(Corridor corridor) {
            Conversion conversion = SettlementCommand.done(corridor.settlement()
                    .conversions()
                    .request(
                            actor(corridor, Permission.CONVERSION_EXECUTE),
                            new NewConversion(
                                    conversionId,
                                    from,
                                    to,
                                    Money.parse(amount),
                                    SettlementCommand.date("--requested-on", requestedOn),
                                    Optional.ofNullable(approval),
                                    rate(rate, rateSource, rateDate == null ? requestedOn : rateDate),
                                    SettlementCommand.decimal("--spread", spread),
                                    Optional.ofNullable(fee).map(Money::parse))));
            System.out.println(line(conversion));
            if (executeOn != null) {
                ConversionExecution execution = SettlementCommand.done(corridor.settlement()
                        .conversions()
                        .execute(
                                actor(corridor, Permission.CONVERSION_EXECUTE),
                                conversionId,
                                NewExecution.oneStep(conversionId, SettlementCommand.date("--execute-on", executeOn))));
                System.out.println(line(execution));
            }
        }
    }

    @Command(name = "execute", description = "Execute a conversion, or a tranche of it, on a value date.")
    static final class Execute extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "CONVERSION", description = "The conversion's id.")
        String conversion;

        @Mixin
        SettlementCommand.IdempotencyKey key;

        @Option(names = "--value-date", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String valueDate;

        @Option(names = "--amount", paramLabel = "AMOUNT", description = "The tranche (default: all that remains).")
        String amount;

        @Override
        void run(Corridor corridor) {
            ConversionExecution execution = SettlementCommand.done(corridor.settlement()
                    .conversions()
                    .execute(
                            actor(corridor, Permission.CONVERSION_EXECUTE),
                            SettlementCommand.id("CONVERSION", conversion),
                            new NewExecution(
                                    key.value(),
                                    SettlementCommand.date("--value-date", valueDate),
                                    Optional.ofNullable(amount).map(Money::parse),
                                    Optional.empty())));
            System.out.println(line(execution));
        }
    }

    @Command(name = "list", description = "Every conversion.")
    static final class ListConversions extends CorridorCommand {
        @Override
        void run(Corridor corridor) {
            for (Conversion conversion : corridor.settlement().conversions().list()) {
                System.out.println(line(conversion));
                conversion.executions().forEach(execution -> System.out.println("  " + line(execution)));
            }
        }
    }

    @Command(name = "transfer", description = "Move money between restricted accounts of one holder and currency.")
    static final class Transfer extends SignedInCommand {
        @Mixin
        SettlementCommand.IdempotencyKey key;

        @Option(names = "--from", required = true, paramLabel = "ACCOUNT", description = "Source account.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "ACCOUNT", description = "Destination account.")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "Such as \"IQD 1,000\".")
        String amount;

        @Option(names = "--value-date", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String valueDate;

        @Option(names = "--approval", paramLabel = "REF", description = "The Authority's approval, if needed.")
        String approval;

        @Override
        void run(Corridor corridor) {
            RestrictedTransfer transfer = SettlementCommand.done(corridor.settlement()
                    .transfers()
                    .execute(
                            actor(corridor, Permission.CONVERSION_EXECUTE),
                            new NewRestrictedTransfer(
                                    key.value(),
                                    from,
                                    to,
                                    Money.parse(amount),
                                    SettlementCommand.date("--value-date", valueDate),
                                    Optional.ofNullable(approval))));
            System.out.println("transfer " + transfer.id() + " " + transfer.amount() + " on " + transfer.valueDate()
                    + " under " + transfer.authorisationReference());
        }
    }
}
