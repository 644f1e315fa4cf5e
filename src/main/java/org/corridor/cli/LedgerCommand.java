package org.corridor.cli;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Finding;
import org.corridor.http.Requests;
import org.corridor.identity.Permission;
import org.corridor.ledger.Account;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.Balances;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.Statement;
import org.corridor.ledger.StatementLine;
import org.corridor.ledger.TransferIds;
import org.corridor.ledger.TransferKind;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.BooksCheck;
import org.corridor.settlement.RestrictedAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "Open accounts, post transfers, read balances and statements.",
        subcommands = {
            LedgerCommand.Open.class,
            LedgerCommand.Balance.class,
            LedgerCommand.StatementCommand.class,
            LedgerCommand.Transfer.class,
            LedgerCommand.Check.class
        })
final class LedgerCommand extends CommandGroup {

    static UUID id(String name, String value) {
        return Requests.uuid(name, value);
    }

    static String figures(Balances balances, Currency currency) {
        return "posted " + money(balances.postedCreditBalance(), currency) + ", available "
                + money(balances.availableCreditBalance(), currency) + " (debits pending "
                + money(balances.debitsPending(), currency) + ", posted " + money(balances.debitsPosted(), currency)
                + "; credits pending " + money(balances.creditsPending(), currency) + ", posted "
                + money(balances.creditsPosted(), currency) + ")";
    }

    static String money(long amountMinor, Currency currency) {
        return Money.ofMinor(amountMinor, currency).toString();
    }

    @Command(
            name = "open",
            mixinStandardHelpOptions = true,
            description = "Open an account under the given id (repeating it with the same content changes nothing).")
    static final class Open extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The account's UUID.")
        String id;

        @Option(names = "--currency", required = true, paramLabel = "CODE", description = "ISO 4217 code, e.g. IQD.")
        String currency;

        @Option(
                names = "--code",
                required = true,
                paramLabel = "CODE",
                description = "One of: ${COMPLETION-CANDIDATES}.")
        AccountCode code;

        @Option(names = "--holder", required = true, paramLabel = "HOLDER", description = "The holder, e.g. NIGC.")
        String holder;

        @Option(names = "--flag", paramLabel = "FLAG", description = "Repeatable; one of: ${COMPLETION-CANDIDATES}.")
        List<AccountFlag> flags = List.of();

        @Override
        void run(Corridor corridor) {
            Set<AccountFlag> set = flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags);
            Account account = corridor.ledger()
                    .createAccount(
                            actor(corridor, Permission.LEDGER_WRITE),
                            new NewAccount(id("id", id), Currency.of(currency), code, holder, set));
            System.out.println("account " + account.id() + " " + account.currency() + " " + account.code() + " "
                    + account.holder() + " " + account.flags());
        }
    }

    @Command(
            name = "balance",
            mixinStandardHelpOptions = true,
            description = "Print an account's balances, now or at an instant.")
    static final class Balance extends OnAccount {
        @Option(
                names = "--at",
                paramLabel = "WHEN",
                description = "ISO-8601 instant or YYYY-MM-DD (start of that day in the channel zone).")
        String at;

        @Override
        void run(Corridor corridor, UUID id) {
            Account found = corridor.ledger().requireAccount(id);
            Balances balances = at == null
                    ? found.balances()
                    : corridor.ledger().balanceAt(id, Requests.parseInstant("--at", at, corridor.zone()));
            System.out.println(id + " " + found.currency() + " " + found.holder() + (at == null ? "" : " at " + at)
                    + ": " + figures(balances, found.currency()));
        }
    }

    @Command(
            name = "statement",
            mixinStandardHelpOptions = true,
            description = "Print an account's transfers in [from, to) with running balances.")
    static final class StatementCommand extends OnAccount {
        @Option(names = "--from", required = true, paramLabel = "WHEN", description = "ISO-8601 instant or YYYY-MM-DD.")
        String from;

        @Option(
                names = "--to",
                required = true,
                paramLabel = "WHEN",
                description = "ISO-8601 instant or YYYY-MM-DD, exclusive.")
        String to;

        @Option(names = "--limit", paramLabel = "N", description = "Lines per page (default: ${DEFAULT-VALUE}).")
        int limit = 100;

        @Option(
                names = "--cursor",
                paramLabel = "CURSOR",
                description = "Start after this cursor (printed at the end of a page).")
        String cursor;

        @Override
        void run(Corridor corridor, UUID id) {
            Instant fromInstant = Requests.parseInstant("--from", from, corridor.zone());
            Instant toInstant = Requests.parseInstant("--to", to, corridor.zone());
            Statement statement =
                    corridor.ledger().statement(id, fromInstant, toInstant, Optional.ofNullable(cursor), limit);
            Currency currency = statement.account().currency();
            System.out.println("statement of " + id + " (" + statement.account().holder() + ", " + currency + ") from "
                    + fromInstant + " to " + toInstant);
            System.out.println("opening: " + money(statement.opening().postedCreditBalance(), currency));
            statement.lines().forEach(line -> print(line, currency));
            statement.nextCursor().ifPresent(next -> System.out.println("more: --cursor " + next));
        }

        private static void print(StatementLine line, Currency currency) {
            long signed = line.side() == StatementLine.Side.CREDIT
                    ? line.transfer().amountMinor()
                    : -line.transfer().amountMinor();
            System.out.printf(
                    "%s %-14s %-10s %-6s %22s  balance %s%n",
                    line.transfer().timestamp(),
                    line.transfer().kind(),
                    line.transfer().code(),
                    line.side(),
                    line.transfer().kind() == TransferKind.POSTED
                                    || line.transfer().kind() == TransferKind.POST_PENDING
                            ? Money.ofMinor(signed, currency).toDecimalString()
                            : "(hold)",
                    money(line.balancesAfter().postedCreditBalance(), currency));
        }
    }

    /** A command on one account, named by its id or, for a restricted account, by its name. */
    abstract static class OnAccount extends CorridorCommand {
        @Parameters(
                index = "0",
                paramLabel = "ACCOUNT",
                description = "The account's UUID, or a restricted account's name (NIGC-EUR-R).")
        String account;

        @Override
        final void run(Corridor corridor) {
            run(corridor, corridor.settlement().accounts().accountId(account));
        }

        abstract void run(Corridor corridor, UUID id);
    }

    @Command(
            name = "transfer",
            mixinStandardHelpOptions = true,
            description =
                    "Post one transfer; prints its result (exit 1 if refused). Never debits nor credits a RESTRICTED account.")
    static final class Transfer extends SignedInCommand {
        @Option(
                names = "--debit",
                paramLabel = "ACCOUNT",
                description = "The debit account's UUID or restricted account name.")
        String debit;

        @Option(
                names = "--credit",
                paramLabel = "ACCOUNT",
                description = "The credit account's UUID or restricted account name.")
        String credit;

        @Option(
                names = "--amount",
                required = true,
                paramLabel = "AMOUNT",
                description = "Currency and amount, e.g. \"EUR 12.50\".")
        String amount;

        @Option(names = "--code", paramLabel = "CODE", description = "What it is for (default: ${DEFAULT-VALUE}).")
        String code = "TRANSFER";

        @Option(
                names = "--kind",
                paramLabel = "KIND",
                description = "POSTED, PENDING, POST_PENDING or VOID_PENDING (default: ${DEFAULT-VALUE}).")
        TransferKind kind = TransferKind.POSTED;

        @Option(names = "--pending-id", paramLabel = "ID", description = "The hold a post or void resolves.")
        String pendingId;

        @Option(names = "--expires-at", paramLabel = "WHEN", description = "A hold's expiry (ISO-8601 instant).")
        String expiresAt;

        @Option(names = "--id", paramLabel = "ID", description = "The transfer's UUID (default: a new one).")
        String id;

        @Option(
                names = "--ref",
                paramLabel = "KEY=VALUE",
                description = "A reference, repeatable: --ref invoice=INV-7.")
        Map<String, String> references = new LinkedHashMap<>();

        private Money money;
        private boolean resolves;

        @Override
        void check() {
            money = Money.parse(amount);
            resolves = kind == TransferKind.POST_PENDING || kind == TransferKind.VOID_PENDING;
            if (!resolves && (debit == null || credit == null)) {
                throw new InvalidInputException("FIELD_MISSING", "--debit and --credit are required for " + kind);
            }
            if (resolves && pendingId == null) {
                throw new InvalidInputException("FIELD_MISSING", "--pending-id is required for " + kind);
            }
        }

        @Override
        void run(Corridor corridor) {
            NewTransfer transfer = transfer(corridor.settlement().accounts());
            TransferOutcome outcome =
                    corridor.ledger().postManually(actor(corridor, Permission.LEDGER_WRITE), transfer);
            if (!outcome.succeeded()) {
                throw new ConflictException(
                        outcome.result().name(), "transfer " + transfer.id() + " refused: " + outcome.result());
            }
            System.out.println(outcome.result() + " " + transfer.id() + " at "
                    + outcome.timestamp().map(Instant::toString).orElse("?"));
        }

        private NewTransfer transfer(RestrictedAccounts accounts) {
            return new NewTransfer(
                    id == null ? TransferIds.next() : id("--id", id),
                    kind,
                    debit == null ? NewTransfer.NONE : accounts.accountId(debit),
                    credit == null ? NewTransfer.NONE : accounts.accountId(credit),
                    money.amountMinor(),
                    money.currency(),
                    resolves && code.equals("TRANSFER") ? "" : code,
                    pendingId == null ? Optional.empty() : Optional.of(id("--pending-id", pendingId)),
                    expiresAt == null
                            ? Optional.empty()
                            : Optional.of(Requests.parseInstant("--expires-at", expiresAt, java.time.ZoneOffset.UTC)),
                    false,
                    references,
                    Map.of());
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Check the books in one snapshot: for every restricted account its open lots add up to its"
                    + " posted balance; every balance equals the sum of its transfers (and each transfer's recorded"
                    + " balances follow from the one before); every batch's digest in the audit trail matches its"
                    + " transfers. Prints each finding by name and exits 1 if there is any.")
    static final class Check extends CorridorCommand {
        @Override
        void run(Corridor corridor) {
            BooksCheck books = corridor.settlement().checkBooks();
            AuditCommand.printBooks(books);
            exitCode = report(books.findings(), "ledger check");
        }
    }

    /** Prints each finding on a line of its own; exits 1 with one line on stderr if there is any. */
    static int report(List<Finding> findings, String what) {
        if (findings.isEmpty()) {
            System.out.println(what + ": nothing found wrong");
            return 0;
        }
        findings.forEach(finding -> System.out.println(finding));
        List<String> codes = findings.stream().map(Finding::code).distinct().toList();
        System.err.println("corridor: " + what + " found " + findings.size() + " problem"
                + (findings.size() == 1 ? "" : "s") + ": " + String.join(", ", codes));
        return 1;
    }
}
