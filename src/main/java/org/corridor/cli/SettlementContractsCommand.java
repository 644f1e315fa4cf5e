package org.corridor.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "contracts",
        description = "Energy contracts and what the buyer owes on them.",
        subcommands = {
            SettlementContractsCommand.Add.class,
            SettlementContractsCommand.ListContracts.class,
            SettlementContractsCommand.ArrearsCommand.class
        })
final class SettlementContractsCommand extends CommandGroup {

    @Command(name = "add", description = "Record a contract.")
    static final class Add extends SignedInCommand {
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

        private String[] parts;
        private final Map<QuantityUnit, BigDecimal> conversion = new LinkedHashMap<>();

        @Override
        void check() {
            parts = price.trim().split("[\\s/]+");
            if (parts.length != 3) {
                throw new InvalidInputException("PARAMETER_INVALID", "--price is CURRENCY AMOUNT/UNIT: " + price);
            }
            factors.forEach((unit, factor) ->
                    conversion.put(QuantityUnit.parse(unit), SettlementCommand.decimal("--factor", factor)));
        }

        @Override
        void run(Corridor corridor) {
            Contract contract = corridor.settlement()
                    .contracts()
                    .record(
                            actor(corridor, Permission.CONTRACT_MANAGE),
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
    }

    @Command(name = "list", description = "Every contract.")
    static final class ListContracts extends CorridorCommand {
        @Override
        void run(Corridor corridor) {
            for (Contract contract : corridor.settlement().contracts().list()) {
                System.out.println(contract.reference() + " " + contract.seller() + " -> " + contract.buyer() + " "
                        + contract.commodity() + " " + contract.priceCurrency() + " "
                        + contract.price().toPlainString() + "/" + contract.priceUnit());
            }
        }
    }

    @Command(name = "arrears", description = "What the buyer owes as of a date.")
    static final class ArrearsCommand extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "CONTRACT", description = "Reference or id.")
        String contract;

        @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        String asOf;

        @Override
        void run(Corridor corridor) {
            LocalDate date = asOf == null ? corridor.settlement().today() : SettlementCommand.date("--as-of", asOf);
            Arrears arrears = corridor.settlement().contracts().arrears(contract, date);
            for (Arrears.InvoiceBalance invoice : arrears.invoices()) {
                System.out.println(invoice.invoiceNumber() + " net " + invoice.net() + " paid " + invoice.paid()
                        + " outstanding " + invoice.outstanding());
            }
            System.out.println("arrears of " + arrears.contractReference() + " as of " + date + ": " + arrears.arrears()
                    + " (unapplied credit " + arrears.unappliedCredit() + ")");
        }
    }
}
