package org.corridor.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.audit.Hashing;
import org.corridor.ledger.Balances;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.Statement;
import org.corridor.ledger.StatementLine;
import org.corridor.ledger.Transfer;
import org.corridor.ledger.TransferKind;
import org.corridor.money.Money;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;

/**
 * The end-of-day bank statements (camt.053) of a restricted account: one statement per business day
 * of a range in the channel's zone, whose opening and closing booked balances are the ledger's
 * posted balance at the day's start and end, with one entry per booked movement (deposits,
 * conversions, transfers, releases and the money of returns), each carrying the references back to
 * what moved it. Holds are not booked movements: they show only in the closing available balance.
 * Reads only; thread-safe.
 */
public final class Statements {

    /** The longest range one statement file covers. */
    public static final int MAX_DAYS = 366;

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int PAGE = Ledger.MAX_STATEMENT_PAGE;

    private final Ledger ledger;
    private final Settlement settlement;
    private final Clock clock;
    private final ZoneId zone;

    public Statements(Ledger ledger, Settlement settlement, Clock clock, ZoneId zone) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The camt.053 XML of {@code account} (name or id) for the business days {@code [from, to]}.
     *
     * @throws InvalidInputException STATEMENT_RANGE_INVALID, STATEMENT_RANGE_TOO_LONG, STATEMENT_IN_FUTURE
     * @throws org.corridor.NotFoundException RESTRICTED_ACCOUNT_NOT_FOUND
     */
    public String camt053(String account, LocalDate from, LocalDate to) {
        return Camt053.write(statement(account, from, to));
    }

    /** The statement of {@code account} for the business days {@code [from, to]}, as values. */
    public BankStatement statement(String account, LocalDate from, LocalDate to) {
        requireRange(from, to);
        RestrictedAccount restricted = settlement.accounts().find(account);
        Instant start = startOf(from);
        Balances opening = ledger.balanceAt(restricted.id(), start.minus(1, ChronoUnit.MICROS));
        List<StatementLine> lines = lines(restricted, start, startOf(to.plusDays(1)));
        List<BankStatement.Day> days = new ArrayList<>();
        int next = 0;
        long sequence =
                ChronoUnit.DAYS.between(restricted.createdAt().atZone(zone).toLocalDate(), from) + 1;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Instant end = startOf(day.plusDays(1));
            List<BankStatement.Entry> entries = new ArrayList<>();
            Balances closing = opening;
            while (next < lines.size() && lines.get(next).transfer().timestamp().isBefore(end)) {
                StatementLine line = lines.get(next++);
                closing = line.balancesAfter();
                if (booked(line.transfer())) {
                    entries.add(entry(line, entries.size() + 1));
                }
            }
            days.add(new BankStatement.Day(
                    id(restricted.name() + "-" + DAY.format(day)),
                    Math.max(1, sequence++),
                    day,
                    startOf(day),
                    end,
                    money(opening.postedCreditBalance(), restricted),
                    money(closing.postedCreditBalance(), restricted),
                    money(closing.availableCreditBalance(), restricted),
                    entries));
            opening = closing;
        }
        return new BankStatement(
                id("STMT-" + restricted.name() + "-" + DAY.format(from) + "-" + DAY.format(to)),
                clock.instant(),
                new BankStatement.Account(
                        restricted.name(),
                        Optional.empty(),
                        restricted.currency(),
                        restricted.name(),
                        restricted.holder(),
                        restricted.bank()),
                days);
    }

    private void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException(
                    "STATEMENT_RANGE_INVALID", "a statement runs from a day to the same or a later day");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException(
                    "STATEMENT_RANGE_TOO_LONG", "a statement covers at most " + MAX_DAYS + " days; ask for parts");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (to.isAfter(today)) {
            throw new InvalidInputException(
                    "STATEMENT_IN_FUTURE", "statements cover days up to today (" + today + "), not " + to);
        }
    }

    /** Every transfer of the account stamped in {@code [from, to)}, in ledger order, page by page. */
    private List<StatementLine> lines(RestrictedAccount account, Instant from, Instant to) {
        List<StatementLine> lines = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Statement page = ledger.statement(account.id(), from, to, cursor, PAGE);
            lines.addAll(page.lines());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return lines;
    }

    /** Posted movements are booked; holds and their voids or expiries move no booked balance. */
    private static boolean booked(Transfer transfer) {
        return transfer.kind() == TransferKind.POSTED || transfer.kind() == TransferKind.POST_PENDING;
    }

    private BankStatement.Entry entry(StatementLine line, int number) {
        Transfer transfer = line.transfer();
        Map<String, String> references = transfer.references();
        LocalDate booked = transfer.timestamp().atZone(zone).toLocalDate();
        LocalDate valueDate = Optional.ofNullable(transfer.metadata().get("value_date"))
                .map(Object::toString)
                .map(LocalDate::parse)
                .orElse(booked);
        List<String> remittance = new ArrayList<>();
        references.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(reference -> remittance.add(label(reference.getKey()) + " " + reference.getValue()));
        return new BankStatement.Entry(
                Integer.toString(number),
                transfer.amount(),
                line.side() == StatementLine.Side.CREDIT,
                false,
                transfer.timestamp(),
                valueDate,
                transfer.id().toString().replace("-", ""),
                code(transfer.code(), line.side()),
                Optional.ofNullable(references.get("release")),
                Optional.empty(),
                remittance,
                information(transfer, line.side()));
    }

    /** The ISO bank transaction code where one fits, and the channel's own code always. */
    static BankStatement.TransactionCode code(String code, StatementLine.Side side) {
        boolean credit = side == StatementLine.Side.CREDIT;
        return switch (code) {
            case "DEPOSIT" -> BankStatement.TransactionCode.of("PMNT", "RCDT", "DMCT", code);
            case "RELEASE" ->
                credit
                        ? BankStatement.TransactionCode.proprietary(code)
                        : BankStatement.TransactionCode.of("PMNT", "ICDT", "XBCT", code);
            case "RELEASE_RETURN" -> BankStatement.TransactionCode.of("PMNT", "ICDT", "RRTN", code);
            default -> BankStatement.TransactionCode.proprietary(code.isEmpty() ? "MOVEMENT" : code);
        };
    }

    /** One line that says what moved the money and under what. */
    private static String information(Transfer transfer, StatementLine.Side side) {
        Map<String, String> references = transfer.references();
        String what = switch (transfer.code()) {
            case "DEPOSIT" ->
                "deposit " + references.getOrDefault("deposit", "")
                        + " on " + references.getOrDefault("contract", "")
                        + Optional.ofNullable(references.get("invoice"))
                                .map(i -> " for " + i)
                                .orElse("");
            case "CONVERSION" -> "conversion " + references.getOrDefault("conversion", "");
            case "RESTRICTED_TRANSFER" -> "restricted transfer " + references.getOrDefault("transfer", "");
            case "RELEASE" -> "release " + references.getOrDefault("release", "");
            case "RELEASE_RETURN" ->
                "money back of release " + references.getOrDefault("release", "") + " by "
                        + references.getOrDefault("message", "");
            case "OPENING_BALANCE" -> "opening balance " + references.getOrDefault("opening_balance", "");
            default -> transfer.code().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
        String under = Optional.ofNullable(references.get("authorisation"))
                .map(a -> " under " + a)
                .orElse("");
        return (side == StatementLine.Side.CREDIT ? "in: " : "out: ") + what.strip() + under;
    }

    private static String label(String key) {
        return key.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + key.substring(1).replace('_', ' ');
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Money money(long minor, RestrictedAccount account) {
        return Money.ofMinor(minor, account.currency());
    }

    /** An id of at most 35 characters: the text itself, or its start and a digest when longer. */
    static String id(String text) {
        if (text.length() <= 35) {
            return text;
        }
        return text.substring(0, 22) + "-" + Hashing.sha256Hex(text).substring(0, 12);
    }
}
