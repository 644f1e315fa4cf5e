package org.corridor.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.money.Currency;
import org.corridor.settlement.Arrears;
import org.corridor.settlement.Commodity;
import org.corridor.settlement.Contract;
import org.corridor.settlement.NewContract;
import org.corridor.settlement.QuantityUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "contracts",
        mixinStandardHelpOptions = true,
        description = "Energy contracts and what the buyer owes on them.",
        subcommands = {
            SettlementContractsCommand.Add.class,
            SettlementContractsCommand.ListContracts.class,
            SettlementContractsCommand.ArrearsCommand.class
        })
final class SettlementContractsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record a contract.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Option(names = "--reference", required = true, paramLabel = "REF", description = "Such as NIGC-GAS-2024.")
        String reference;

        @Option(names = "--seller", required = true, paramLabel = "HOLDER", description = "Such as NIGC.")
        String seller;

        @Option(names = "--buyer", required = true, paramLabel = "PAYER", description = "Such as MoE.")
        String buyer;

        @Option(names = "--commodity", required = true, paramLabel = "GAS|ELECTRICITY", description = "What it sells.")
        String commodity;

        @Option(names = "--price", required = true, paramLabel = "PRICE", description = "Such as \"EUR 7.25/MMBTU\".")
        String price;

        @Option(
                names = "--factor",
                paramLabel = "UNIT=FACTOR",
                description = "Price units per metered unit, repeatable: --factor M3=0.0363.")
        Map<String, String> factors = new LinkedHashMap<>();

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "Receives the deposits.")
        String account;

        @Override
        public Integer call() {
            String[] parts = price.trim().split("[\\s/]+");
            if (parts.length != 3) {
                throw new InvalidInputException("PARAMETER_INVALID", "--price is CURRENCY AMOUNT/UNIT: " + price);
            }
            Map<QuantityUnit, BigDecimal> conversion = new LinkedHashMap<>();
            factors.forEach((unit, factor) ->
                    conversion.put(QuantityUnit.parse(unit), SettlementCommand.decimal("--factor", factor)));
            try (Corridor corridor = database.open()) {
                Contract contract = corridor.settlement()
                        .contracts()
                        .record(
                                signIn.actor(corridor, Permission.CONTRACT_MANAGE, "settlement contracts add"),
                                new NewContract(
                                        Optional.empty(),
                                        reference,
                                        seller,
                                        buyer,
                                        Commodity.parse(commodity),
                                        QuantityUnit.parse(parts[2]),
                                        SettlementCommand.decimal("--price", parts[1]),
                                        Currency.of(parts[0]),
                                        conversion,
                                        account));
                System.out.println("contract " + contract.reference() + " " + contract.id());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every contract.")
    static final class ListContracts implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                for (Contract contract : corridor.settlement().contracts().list()) {
                    System.out.println(contract.reference() + " " + contract.seller() + " -> " + contract.buyer() + " "
                            + contract.commodity() + " " + contract.priceCurrency() + " "
                            + contract.price().toPlainString() + "/" + contract.priceUnit());
                }
            }
            return 0;
        }
    }

    @Command(name = "arrears", mixinStandardHelpOptions = true, description = "What the buyer owes as of a date.")
    static final class ArrearsCommand implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "CONTRACT", description = "Reference or id.")
        String contract;

        @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        String asOf;

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                LocalDate date = asOf == null ? corridor.settlement().today() : SettlementCommand.date("--as-of", asOf);
                Arrears arrears = corridor.settlement().contracts().arrears(contract, date);
                for (Arrears.InvoiceBalance invoice : arrears.invoices()) {
                    System.out.println(invoice.invoiceNumber() + " net " + invoice.net() + " paid " + invoice.paid()
                            + " outstanding " + invoice.outstanding());
                }
                System.out.println("arrears of " + arrears.contractReference() + " as of " + date + ": "
                        + arrears.arrears() + " (unapplied credit " + arrears.unappliedCredit() + ")");
            }
            return 0;
        }
    }
}
