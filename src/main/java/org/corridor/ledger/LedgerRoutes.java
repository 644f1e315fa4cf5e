package org.corridor.ledger;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.corridor.DomainException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.http.Api;
import org.corridor.http.ProblemDetail;
import org.corridor.http.Problems;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The ledger over HTTP. Amounts are decimal strings in the currency's units ({@code "4704000.00"}
 * EUR). A batch of transfers is answered transfer by transfer: 200 when all succeeded, else 422
 * problem details that carry every transfer's result, malformed ones included.
 *
 * @param accountIds an account's id from what a path names it by: its UUID or, for a restricted
 *     account, its name (the settlement feature above the ledger knows the names)
 */
public record LedgerRoutes(Ledger ledger, ZoneId zone, Function<String, UUID> accountIds) implements Routes {

    /** An account to open. {@code flags}: any of DEBITS_MUST_NOT_EXCEED_CREDITS, CREDITS_MUST_NOT_EXCEED_DEBITS, BLOCKED, RESTRICTED. */
    public record NewAccountRequest(
            String id, String currency, String code, String holder, Optional<List<String>> flags) {}

    // The views below are hand-written on purpose: the ledger's JSON writes amounts as decimal strings
    // in the currency of the account (or transfer) beside one currency code, and flags as sorted
    // names, not the {amount, currency} shape the mapper gives Money; clients, tests and the demo
    // read this shape. Each is derived from its domain record by one factory.

    /** Balances as decimal strings of the account's currency, with the two balances derived from them. */
    public record BalancesView(
            String debitsPending,
            String debitsPosted,
            String creditsPending,
            String creditsPosted,
            String postedCreditBalance,
            String availableCreditBalance) {
        static BalancesView of(Balances balances, Currency currency) {
            return new BalancesView(
                    decimal(balances.debitsPending(), currency),
                    decimal(balances.debitsPosted(), currency),
                    decimal(balances.creditsPending(), currency),
                    decimal(balances.creditsPosted(), currency),
                    decimal(balances.postedCreditBalance(), currency),
                    decimal(balances.availableCreditBalance(), currency));
        }
    }

    public record AccountView(
            UUID id,
            String currency,
            String code,
            String holder,
            List<String> flags,
            BalancesView balances,
            Instant createdAt) {
        static AccountView of(Account account) {
            return new AccountView(
                    account.id(),
                    account.currency().code(),
                    account.code().name(),
                    account.holder(),
                    account.flags().stream().map(Enum::name).sorted().toList(),
                    BalancesView.of(account.balances(), account.currency()),
                    account.createdAt());
        }
    }

    /** An account's balances at an instant. */
    public record BalanceView(UUID accountId, String currency, Instant at, BalancesView balances) {
        static BalanceView of(Account account, Instant at, Balances balances) {
            return new BalanceView(
                    account.id(), account.currency().code(), at, BalancesView.of(balances, account.currency()));
        }
    }

    /**
     * One transfer of a batch. {@code kind} defaults to POSTED; posts and voids name {@code pending_id}
     * and may leave out the accounts, the code and (for "all of it") the amount.
     */
    public record TransferRequest(
            String id,
            Optional<String> kind,
            Optional<String> debitAccountId,
            Optional<String> creditAccountId,
            Optional<String> amount,
            String currency,
            Optional<String> code,
            Optional<String> pendingId,
            Optional<String> expiresAt,
            Optional<Boolean> linked,
            Optional<Map<String, String>> references,
            Optional<Map<String, Object>> metadata) {}

    /** A batch of up to 8,000 transfers. */
    public record TransferBatch(List<TransferRequest> transfers) {}

    /** One transfer's result; {@code id} as sent (it may not be a UUID), {@code index} its place in the batch. */
    public record TransferResultView(int index, String id, String result, Optional<Instant> timestamp) {
        static TransferResultView of(int index, TransferRequest request, TransferOutcome outcome) {
            String id = request.id() == null ? "" : request.id();
            return new TransferResultView(index, id, outcome.result().name(), outcome.timestamp());
        }
    }

    public record TransferResults(int accepted, int failed, List<TransferResultView> results) {}

    public record TransferView(
            UUID id,
            Instant timestamp,
            String kind,
            UUID debitAccountId,
            UUID creditAccountId,
            String amount,
            String currency,
            String code,
            Optional<UUID> pendingId,
            Optional<String> pendingAmount,
            Optional<Instant> expiresAt,
            Map<String, String> references,
            Map<String, Object> metadata,
            BalancesView debitAccountBalancesAfter,
            BalancesView creditAccountBalancesAfter) {
        static TransferView of(Transfer transfer) {
            Currency currency = transfer.currency();
            return new TransferView(
                    transfer.id(),
                    transfer.timestamp(),
                    transfer.kind().name(),
                    transfer.debitAccountId(),
                    transfer.creditAccountId(),
                    decimal(transfer.amountMinor(), currency),
                    currency.code(),
                    transfer.code(),
                    transfer.pendingId(),
                    transfer.pendingAmountMinor().isPresent()
                            ? Optional.of(decimal(transfer.pendingAmountMinor().getAsLong(), currency))
                            : Optional.empty(),
                    transfer.expiresAt(),
                    transfer.references(),
                    transfer.metadata(),
                    BalancesView.of(transfer.debitAccountBalances(), currency),
                    BalancesView.of(transfer.creditAccountBalances(), currency));
        }
    }

    /** A transfer as one account of a statement saw it: the other account is its counterparty. */
    public record StatementLineView(
            UUID transferId,
            Instant timestamp,
            String kind,
            String code,
            String side,
            UUID counterpartyAccountId,
            String amount,
            Map<String, String> references,
            BalancesView balancesAfter) {
        static StatementLineView of(StatementLine line, Currency currency) {
            Transfer transfer = line.transfer();
            return new StatementLineView(
                    transfer.id(),
                    transfer.timestamp(),
                    transfer.kind().name(),
                    transfer.code(),
                    line.side().name(),
                    line.side() == StatementLine.Side.DEBIT ? transfer.creditAccountId() : transfer.debitAccountId(),
                    decimal(transfer.amountMinor(), currency),
                    transfer.references(),
                    BalancesView.of(line.balancesAfter(), currency));
        }
    }

    public record StatementView(
            UUID accountId,
            String currency,
            Instant from,
            Instant to,
            BalancesView opening,
            List<StatementLineView> lines,
            Optional<String> nextCursor) {
        static StatementView of(Statement statement) {
            Currency currency = statement.account().currency();
            return new StatementView(
                    statement.account().id(),
                    currency.code(),
                    statement.from(),
                    statement.to(),
                    BalancesView.of(statement.opening(), currency),
                    statement.lines().stream()
                            .map(line -> StatementLineView.of(line, currency))
                            .toList(),
                    statement.nextCursor());
        }
    }

    @Override
    public void register(Api api) {
        registerAccounts(api);
        registerTransfers(api);
    }

    private void registerAccounts(Api api) {
        api.post("/api/v1/accounts")
                .requires(Permission.LEDGER_WRITE)
                .tag("ledger")
                .summary("Open an account under a client-supplied id (201; 200 if it exists as asked)")
                .request(NewAccountRequest.class)
                .response(AccountView.class)
                .status(201)
                .handle(this::createAccount);
        api.get("/api/v1/accounts/{id}")
                .requires(Permission.LEDGER_READ)
                .tag("ledger")
                .summary("An account with its current balances")
                .response(AccountView.class)
                .handle(ctx -> ctx.json(AccountView.of(ledger.requireAccount(account(ctx)))));
        api.get("/api/v1/accounts/{id}/balance")
                .requires(Permission.LEDGER_READ)
                .tag("ledger")
                .summary("An account's balances now or as they stood at an instant")
                .query("at", "ISO-8601 instant or YYYY-MM-DD (start of that day in the channel zone); default: now")
                .response(BalanceView.class)
                .handle(this::balance);
        api.get("/api/v1/accounts/{id}/statement")
                .requires(Permission.LEDGER_READ)
                .tag("ledger")
                .summary("An account's transfers in [from, to) with running balances, a page at a time")
                .requiredQuery("from", "ISO-8601 instant or YYYY-MM-DD (channel zone)")
                .requiredQuery("to", "ISO-8601 instant or YYYY-MM-DD (channel zone), exclusive")
                .query("cursor", "the previous page's next_cursor")
                .query("limit", "page size, 1 to 1000 (default 100)")
                .response(StatementView.class)
                .handle(this::statement);
        api.post("/api/v1/accounts/{id}/block")
                .requires(Permission.LEDGER_WRITE)
                .tag("ledger")
                .summary("Freeze an account: it refuses new transfers")
                .response(AccountView.class)
                .handle(ctx -> ctx.json(AccountView.of(ledger.block(Api.actor(ctx), account(ctx)))));
        api.post("/api/v1/accounts/{id}/unblock")
                .requires(Permission.LEDGER_WRITE)
                .tag("ledger")
                .summary("Lift an account's freeze")
                .response(AccountView.class)
                .handle(ctx -> ctx.json(AccountView.of(ledger.unblock(Api.actor(ctx), account(ctx)))));
        api.post("/api/v1/accounts/{id}/close")
                .requires(Permission.LEDGER_WRITE)
                .tag("ledger")
                .summary("Close an empty account for good")
                .response(AccountView.class)
                .handle(ctx -> ctx.json(AccountView.of(ledger.close(Api.actor(ctx), account(ctx)))));
    }

    private void registerTransfers(Api api) {
        api.post("/api/v1/transfers")
                .requires(Permission.LEDGER_WRITE)
                .tag("ledger")
                .summary("Post a batch of up to 8,000 transfers; 200 if all succeeded, else 422 with every result."
                        + " Never debits nor credits a RESTRICTED account (ACCOUNT_RESTRICTED)")
                .request(TransferBatch.class)
                .response(TransferResults.class)
                .handle(this::post);
        api.get("/api/v1/transfers/{id}")
                .requires(Permission.LEDGER_READ)
                .tag("ledger")
                .summary("An accepted transfer")
                .response(TransferView.class)
                .handle(this::transfer);
        api.get("/api/v1/transfers")
                .requires(Permission.LEDGER_READ)
                .tag("ledger")
                .summary("Accepted transfers carrying a reference, oldest first")
                .requiredQuery("reference_key", "e.g. invoice, request, authorisation")
                .requiredQuery("reference_value", "the referenced id")
                .query("limit", "1 to 1000 (default 100)")
                .responseList(TransferView.class)
                .handle(this::byReference);
    }

    private void createAccount(Context ctx) {
        NewAccountRequest request = Requests.body(ctx, NewAccountRequest.class);
        UUID id = Requests.uuid("id", required(request.id(), "id"));
        Currency currency = Currency.of(required(request.currency(), "currency"));
        AccountCode code = enumValue(AccountCode.class, required(request.code(), "code"), "ACCOUNT_CODE_UNKNOWN");
        Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        for (String flag : request.flags().orElse(List.of())) {
            flags.add(enumValue(AccountFlag.class, flag, "ACCOUNT_FLAG_UNKNOWN"));
        }
        NewAccount account = new NewAccount(id, currency, code, required(request.holder(), "holder"), flags);
        AccountResult result =
                ledger.createAccounts(Api.actor(ctx), List.of(account)).get(0).result();
        switch (result) {
            case OK -> ctx.status(201).json(AccountView.of(ledger.requireAccount(id)));
            case EXISTS -> ctx.status(200).json(AccountView.of(ledger.requireAccount(id)));
            case EXISTS_WITH_DIFFERENT_LEDGER,
                    EXISTS_WITH_DIFFERENT_CODE,
                    EXISTS_WITH_DIFFERENT_HOLDER,
                    EXISTS_WITH_DIFFERENT_FLAGS ->
                throw new org.corridor.ConflictException(result.name(), "account " + id + " exists with other content");
            default -> throw new InvalidInputException(result.name(), "account refused: " + result.name());
        }
    }

    /** The account a path names, by UUID or by a restricted account's name. */
    private UUID account(Context ctx) {
        return accountIds.apply(ctx.pathParam("id"));
    }

    private void balance(Context ctx) {
        UUID id = account(ctx);
        Account account = ledger.requireAccount(id);
        Optional<Instant> at = Requests.instantQuery(ctx, "at", zone);
        Balances balances = at.map(instant -> ledger.balanceAt(id, instant)).orElse(account.balances());
        ctx.json(BalanceView.of(account, at.orElse(ledger.now()), balances));
    }

    private void statement(Context ctx) {
        UUID id = account(ctx);
        Instant from = Requests.instantQuery(ctx, "from", zone)
                .orElseThrow(() -> new InvalidInputException("PARAMETER_INVALID", "from is required"));
        Instant to = Requests.instantQuery(ctx, "to", zone)
                .orElseThrow(() -> new InvalidInputException("PARAMETER_INVALID", "to is required"));
        int limit = Requests.intQuery(ctx, "limit", 100, 1, Ledger.MAX_STATEMENT_PAGE);
        ctx.json(StatementView.of(ledger.statement(id, from, to, Requests.query(ctx, "cursor"), limit)));
    }

    private void transfer(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        Transfer transfer =
                ledger.transfer(id).orElseThrow(() -> new NotFoundException("TRANSFER_NOT_FOUND", "no transfer " + id));
        ctx.json(TransferView.of(transfer));
    }

    private void byReference(Context ctx) {
        String key = Requests.query(ctx, "reference_key")
                .orElseThrow(() -> new InvalidInputException("PARAMETER_INVALID", "reference_key is required"));
        String value = Requests.query(ctx, "reference_value")
                .orElseThrow(() -> new InvalidInputException("PARAMETER_INVALID", "reference_value is required"));
        int limit = Requests.intQuery(ctx, "limit", 100, 1, Ledger.MAX_STATEMENT_PAGE);
        ctx.json(ledger.transfersByReference(key, value, limit).stream()
                .map(TransferView::of)
                .toList());
    }

    private void post(Context ctx) {
        TransferBatch batch = Requests.body(ctx, TransferBatch.class);
        if (batch.transfers() == null || batch.transfers().isEmpty()) {
            throw new InvalidInputException(
                    "BATCH_EMPTY", "transfers must hold 1 to " + Ledger.MAX_BATCH + " transfers");
        }
        if (batch.transfers().size() > Ledger.MAX_BATCH) {
            throw new InvalidInputException(
                    "BATCH_TOO_LARGE",
                    "at most " + Ledger.MAX_BATCH + " transfers per batch, got "
                            + batch.transfers().size());
        }
        int n = batch.transfers().size();
        List<NewTransfer> transfers = new ArrayList<>(n);
        TransferResult[] preset = new TransferResult[n];
        for (int i = 0; i < n; i++) {
            TransferRequest request = batch.transfers().get(i);
            if (request == null) {
                throw new InvalidInputException("TRANSFER_MISSING", "transfers[" + i + "] is null");
            }
            Parsed parsed = parse(request);
            transfers.add(parsed.transfer());
            preset[i] = parsed.failure();
        }
        List<TransferOutcome> outcomes = ledger.post(Api.actor(ctx), transfers, preset);
        List<TransferResultView> results = new ArrayList<>(n);
        int accepted = 0;
        for (int i = 0; i < n; i++) {
            TransferOutcome outcome = outcomes.get(i);
            if (outcome.succeeded()) {
                accepted++;
            }
            results.add(TransferResultView.of(i, batch.transfers().get(i), outcome));
        }
        TransferResults body = new TransferResults(accepted, n - accepted, results);
        if (accepted == n) {
            ctx.json(body);
            return;
        }
        Problems.respond(
                ctx,
                ProblemDetail.of(
                        422,
                        "TRANSFERS_REFUSED",
                        (n - accepted) + " of " + n + " transfers were refused; see results (the others were applied)",
                        ctx.path(),
                        Map.of("accepted", accepted, "failed", n - accepted, "results", results)));
    }

    /** A request turned into a transfer, or into the reason it could not be. */
    private record Parsed(NewTransfer transfer, TransferResult failure) {}

    private static Parsed parse(TransferRequest request) {
        boolean linked = request.linked().orElse(false);
        Optional<UUID> id = uuid(request.id());
        if (id.isEmpty()) {
            return refused(TransferResult.ID_MALFORMED, NewTransfer.NONE, linked);
        }
        TransferKind kind;
        try {
            kind = TransferKind.valueOf(request.kind().orElse("POSTED").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refused(TransferResult.KIND_UNKNOWN, id.get(), linked);
        }
        Optional<UUID> debit = request.debitAccountId().isEmpty()
                ? Optional.of(NewTransfer.NONE)
                : uuid(request.debitAccountId().get());
        if (debit.isEmpty()) {
            return refused(TransferResult.DEBIT_ACCOUNT_ID_MALFORMED, id.get(), linked);
        }
        Optional<UUID> credit = request.creditAccountId().isEmpty()
                ? Optional.of(NewTransfer.NONE)
                : uuid(request.creditAccountId().get());
        if (credit.isEmpty()) {
            return refused(TransferResult.CREDIT_ACCOUNT_ID_MALFORMED, id.get(), linked);
        }
        Optional<UUID> pendingId = Optional.empty();
        if (request.pendingId().isPresent()) {
            pendingId = uuid(request.pendingId().get());
            if (pendingId.isEmpty()) {
                return refused(TransferResult.PENDING_ID_MALFORMED, id.get(), linked);
            }
        }
        return parse(request, id.get(), kind, debit.get(), credit.get(), pendingId);
    }

    /** The rest of a request whose ids and kind were well formed: currency, amount, expiry, references. */
    private static Parsed parse(
            TransferRequest request, UUID id, TransferKind kind, UUID debit, UUID credit, Optional<UUID> pendingId) {
        boolean linked = request.linked().orElse(false);
        Currency currency;
        try {
            currency = Currency.of(request.currency());
        } catch (DomainException e) {
            return refused(TransferResult.CURRENCY_UNKNOWN, id, linked);
        }
        long amount = 0;
        if (request.amount().isPresent()) {
            try {
                amount = Money.parse(request.amount().get().trim(), currency).amountMinor();
            } catch (DomainException e) {
                TransferResult reason = switch (e.code()) {
                    case "AMOUNT_TOO_PRECISE" -> TransferResult.AMOUNT_TOO_PRECISE;
                    case "AMOUNT_OVERFLOW" -> TransferResult.AMOUNT_OVERFLOW;
                    default -> TransferResult.AMOUNT_MALFORMED;
                };
                return refused(reason, id, linked);
            }
        }
        Optional<Instant> expiresAt = Optional.empty();
        if (request.expiresAt().isPresent()) {
            try {
                expiresAt = Optional.of(Instant.parse(request.expiresAt().get().trim()));
            } catch (DateTimeException e) {
                return refused(TransferResult.EXPIRES_AT_MALFORMED, id, linked);
            }
        }
        Map<String, String> references = request.references().orElse(Map.of());
        for (Map.Entry<String, String> reference : references.entrySet()) {
            if (reference.getKey() == null || reference.getValue() == null) {
                return refused(TransferResult.REFERENCES_INVALID, id, linked);
            }
        }
        NewTransfer transfer = new NewTransfer(
                id,
                kind,
                debit,
                credit,
                amount,
                currency,
                request.code().map(String::trim).orElse(""),
                pendingId,
                expiresAt,
                linked,
                references,
                request.metadata().orElse(Map.of()));
        return new Parsed(transfer, null);
    }

    private static Parsed refused(TransferResult reason, UUID id, boolean linked) {
        NewTransfer placeholder = new NewTransfer(
                id,
                TransferKind.POSTED,
                NewTransfer.NONE,
                NewTransfer.NONE,
                0,
                Currency.EUR,
                "",
                Optional.empty(),
                Optional.empty(),
                linked,
                Map.of(),
                Map.of());
        return new Parsed(placeholder, reason);
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Requests.uuid("id", value.trim()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", field + " is required", Map.of("field", field));
        }
        return value.trim();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String code) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(code, "not one of " + EnumSet.allOf(type) + ": " + value);
        }
    }

    static String decimal(long amountMinor, Currency currency) {
        return Money.ofMinor(amountMinor, currency).toDecimalString();
    }
}
