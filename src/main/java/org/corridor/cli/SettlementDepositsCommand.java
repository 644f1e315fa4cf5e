package org.corridor.cli;

import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.money.Money;
import org.corridor.settlement.Allocation;
import org.corridor.settlement.Deposit;
import org.corridor.settlement.NewDeposit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "deposits",
        description = "The payer's deposits into restricted accounts, covered on their value dates.",
        subcommands = {SettlementDepositsCommand.Add.class, SettlementDepositsCommand.ListDeposits.class})
final class SettlementDepositsCommand extends CommandGroup {

    static String line(Deposit deposit) {
        StringBuilder line = new StringBuilder("deposit " + deposit.id() + " " + deposit.contractReference() + " "
                + deposit.amount() + " on " + deposit.valueDate() + " = " + deposit.equivalent() + " "
                + deposit.match() + " under " + deposit.authorisationReference());
        for (Allocation allocation : deposit.allocations()) {
            line.append(" | ").append(allocation.invoiceNumber()).append(" ").append(allocation.amount());
        }
        if (deposit.unapplied().isPositive()) {
            line.append(" | unapplied ").append(deposit.unapplied());
        }
        return line.toString();
    }

    @Command(
            name = "add",
            description = "Record a deposit; refused (exit 1, nothing posted) without an authorisation on its date.")
    static final class Add extends SignedInCommand {
        @Mixin
        SettlementCommand.IdempotencyKey key;

        @Option(names = "--contract", required = true, paramLabel = "CONTRACT", description = "Reference or id.")
        String contract;

        @Option(
                names = "--amount",
                required = true,
                paramLabel = "AMOUNT",
                description = "Such as \"IQD 332,547,930,000\".")
        String amount;

        @Option(names = "--value-date", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String valueDate;

        @Option(
                names = "--rate",
                required = true,
                paramLabel = "RATE",
                description = "Deposit currency per price unit: 1404.")
        String rate;

        @Option(
                names = "--rate-source",
                required = true,
                paramLabel = "TEXT",
                description = "Where the rate comes from.")
        String rateSource;

        @Option(names = "--rate-date", paramLabel = "DATE", description = "YYYY-MM-DD (default: the value date).")
        String rateDate;

        @Option(names = "--invoice", paramLabel = "NUMBER", description = "The invoice it pays (default: oldest open).")
        String invoice;

        @Option(names = "--reference", paramLabel = "TEXT", description = "The payer's own reference.")
        String reference;

        @Override
        void run(Corridor corridor) {
            Deposit deposit = SettlementCommand.done(corridor.settlement()
                    .deposits()
                    .record(
                            actor(corridor, Permission.DEPOSIT_RECORD),
                            new NewDeposit(
                                    key.value(),
                                    contract,
                                    Money.parse(amount),
                                    SettlementCommand.date("--value-date", valueDate),
                                    SettlementCommand.decimal("--rate", rate),
                                    rateSource,
                                    SettlementCommand.date("--rate-date", rateDate == null ? valueDate : rateDate),
                                    Optional.ofNullable(invoice),
                                    Optional.ofNullable(reference))));
            System.out.println(line(deposit));
        }
    }

    @Command(name = "list", description = "Deposits by value date.")
    static final class ListDeposits extends CorridorCommand {
        @Option(names = "--contract", paramLabel = "CONTRACT", description = "Reference or id (default: all).")
        String contract;

        @Override
        void run(Corridor corridor) {
            corridor.settlement()
                    .deposits()
                    .list(Optional.ofNullable(contract))
                    .forEach(deposit -> System.out.println(line(deposit)));
        }
    }
}
