package org.corridor.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.AccountStatus;
import org.corridor.settlement.Ageing;
import org.corridor.settlement.ConversionRule;
import org.corridor.settlement.NewOpeningBalance;
import org.corridor.settlement.NewRestrictedAccount;
import org.corridor.settlement.OpeningBalance;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "accounts",
        description = "Restricted accounts: open, list with balances, opening balances, ageing, conversion rules.",
        subcommands = {
            SettlementAccountsCommand.Open.class,
            SettlementAccountsCommand.ListAccounts.class,
            SettlementAccountsCommand.OpeningBalanceCommand.class,
            SettlementAccountsCommand.AgeingCommand.class,
            SettlementAccountsCommand.Rule.class
        })
final class SettlementAccountsCommand extends CommandGroup {

    @Command(name = "open", description = "Open a restricted account.")
    static final class Open extends SignedInCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Such as NIGC-IQD-R.")
        String name;

        @Option(names = "--holder", required = true, paramLabel = "HOLDER", description = "The beneficial holder.")
        String holder;

        @Option(names = "--currency", required = true, paramLabel = "CODE", description = "ISO 4217, such as IQD.")
        String currency;

        @Option(names = "--bank", required = true, paramLabel = "BANK", description = "Where it is held, such as TBI.")
        String bank;

        @Option(names = "--country", required = true, paramLabel = "CC", description = "ISO 3166 alpha-2: IQ, OM.")
        String country;

        @Option(names = "--blocked", description = "Open it frozen (BLOCKED).")
        boolean blocked;

        @Override
        void run(Corridor corridor) {
            RestrictedAccount account = corridor.settlement()
                    .accounts()
                    .open(
                            actor(corridor, Permission.RESTRICTED_ACCOUNT_MANAGE),
                            new NewRestrictedAccount(
                                    Optional.empty(),
                                    name,
                                    holder,
                                    Currency.of(currency),
                                    bank,
                                    country,
                                    blocked ? AccountStatus.BLOCKED : AccountStatus.RESTRICTED));
            System.out.println(line(account, corridor.settlement().accounts().balance(account.id())));
        }
    }

    static String line(RestrictedAccount account, Money balance) {
        return account.name() + " " + account.id() + " " + account.holder() + " " + account.bank() + " ("
                + account.country() + ") " + account.status() + " " + balance;
    }

    @Command(name = "list", description = "Every restricted account and its balance.")
    static final class ListAccounts extends CorridorCommand {
        @Override
        void run(Corridor corridor) {
            for (RestrictedAccount account : corridor.settlement().accounts().list()) {
                System.out.println(
                        line(account, corridor.settlement().accounts().balance(account.id())));
            }
        }
    }

    @Command(
            name = "opening-balance",
            description = "Record a legacy balance with the value date it originally arrived on.")
    static final class OpeningBalanceCommand extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The account's name or id.")
        String account;

        @Option(
                names = "--amount",
                required = true,
                paramLabel = "AMOUNT",
                description = "Such as \"IQD 9,828,000,000,000\".")
        String amount;

        @Option(names = "--value-date", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String valueDate;

        @Option(names = "--note", paramLabel = "TEXT", description = "Where the figure comes from.")
        String note = "";

        @Mixin
        SettlementCommand.IdempotencyKey key;

        @Override
        void run(Corridor corridor) {
            OpeningBalance recorded = SettlementCommand.done(corridor.settlement()
                    .accounts()
                    .recordOpeningBalance(
                            actor(corridor, Permission.RESTRICTED_ACCOUNT_MANAGE),
                            account,
                            new NewOpeningBalance(
                                    key.value(),
                                    Money.parse(amount),
                                    SettlementCommand.date("--value-date", valueDate),
                                    note)));
            System.out.println("opening balance " + recorded.id() + " " + recorded.amount() + " dated "
                    + recorded.valueDate() + " (ledger transfer " + recorded.ledgerTransferId() + ")");
        }
    }

    @Command(
            name = "ageing",
            description = "Balances as of a date by age of their lots: 0-30, 31-90, 91-365, >365 days.")
    static final class AgeingCommand extends CorridorCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ACCOUNT", description = "Name or id (default: all).")
        String account;

        @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        String asOf;

        @Override
        void run(Corridor corridor) {
            Settlement settlement = corridor.settlement();
            LocalDate date = asOf == null ? settlement.today() : SettlementCommand.date("--as-of", asOf);
            List<RestrictedAccount> accounts = account == null
                    ? settlement.accounts().list()
                    : List.of(settlement.accounts().find(account));
            for (RestrictedAccount restricted : accounts) {
                Ageing ageing = settlement.lots().ageing(restricted.id(), date);
                System.out.println(restricted.name() + " as of " + date + ": " + ageing.balance() + " | 0-30 "
                        + ageing.days0To30().toDecimalString() + " | 31-90 "
                        + ageing.days31To90().toDecimalString() + " | 91-365 "
                        + ageing.days91To365().toDecimalString() + " | >365 "
                        + ageing.over365Days().toDecimalString());
            }
        }
    }

    @Command(
            name = "rule",
            description = "Set an account's conversion limits (a weekly cap and a largest tranche) as a new version.")
    static final class Rule extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The account's name or id.")
        String account;

        @Option(names = "--weekly-cap", paramLabel = "AMOUNT", description = "Cap over any 7 value dates.")
        String weeklyCap;

        @Option(names = "--tranche-max", paramLabel = "AMOUNT", description = "Largest single execution.")
        String trancheMax;

        @Option(names = "--source", required = true, paramLabel = "TEXT", description = "On whose authority.")
        String source;

        @Override
        void run(Corridor corridor) {
            ConversionRule rule = corridor.settlement()
                    .accounts()
                    .setConversionRule(
                            actor(corridor, Permission.RESTRICTED_ACCOUNT_MANAGE),
                            account,
                            Optional.ofNullable(weeklyCap).map(Money::parse),
                            Optional.ofNullable(trancheMax).map(Money::parse),
                            source);
            System.out.println("conversion rule v" + rule.version() + ": weekly cap "
                    + rule.weeklyCap().map(Money::toString).orElse("none") + ", largest tranche "
                    + rule.trancheMax().map(Money::toString).orElse("none"));
        }
    }
}
