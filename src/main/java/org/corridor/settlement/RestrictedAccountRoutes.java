package org.corridor.settlement;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Locale;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;
import org.corridor.money.Currency;
import org.corridor.settlement.SettlementViews.AgeingView;
import org.corridor.settlement.SettlementViews.ConversionRuleRequest;
import org.corridor.settlement.SettlementViews.LotView;
import org.corridor.settlement.SettlementViews.OpeningBalanceRequest;
import org.corridor.settlement.SettlementViews.RestrictedAccountRequest;
import org.corridor.settlement.SettlementViews.RestrictedAccountView;

/** Restricted accounts over HTTP: open, read with balances, ageing and lots, opening balances, conversion rules. */
public record RestrictedAccountRoutes(Settlement settlement) implements Routes {

    @Override
    public void register(Api api) {
        api.post("/api/v1/restricted-accounts")
                .requires(Permission.RESTRICTED_ACCOUNT_MANAGE)
                .tag("settlement")
                .summary("Open a restricted account of a beneficial holder (201; 200 if it exists as asked)")
                .request(RestrictedAccountRequest.class)
                .response(RestrictedAccountView.class)
                .status(201)
                .handle(this::open);
        api.get("/api/v1/restricted-accounts")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Every restricted account with its status and posted balance")
                .responseList(RestrictedAccountView.class)
                .handle(ctx -> ctx.json(
                        settlement.accounts().list().stream().map(this::view).toList()));
        api.get("/api/v1/restricted-accounts/{id}")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("A restricted account (by id or name) with its status and posted balance")
                .response(RestrictedAccountView.class)
                .handle(ctx -> ctx.json(view(account(ctx))));
        registerLots(api);
        registerBalancesAndRules(api);
    }

    /** The accounts' lots: ageing, the lots themselves, flows. */
    private void registerLots(Api api) {
        api.get("/api/v1/restricted-accounts/{id}/ageing")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary(
                        "The balance as of a date, aged by the value dates of its lots (0-30, 31-90, 91-365, >365 days)")
                .query("as_of", "YYYY-MM-DD (default: today in the channel zone)")
                .response(AgeingView.class)
                .handle(this::ageing);
        api.get("/api/v1/ageing")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("The ageing of every restricted account as of a date")
                .query("as_of", "YYYY-MM-DD (default: today in the channel zone)")
                .responseList(AgeingView.class)
                .handle(this::ageingOfAll);
        api.get("/api/v1/restricted-accounts/{id}/lots")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("The account's first-in-first-out lots as they stand now, oldest first")
                .responseList(LotView.class)
                .handle(ctx -> ctx.json(
                        Views.ofEach(settlement.lots().lots(account(ctx).id()), LotView.class)));
        api.get("/api/v1/restricted-accounts/{id}/flows")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Money in and out of the account by value date in [from, to]")
                .requiredQuery("from", "YYYY-MM-DD")
                .requiredQuery("to", "YYYY-MM-DD, inclusive")
                .response(Flows.class)
                .handle(this::flows);
    }

    /** Opening balances and conversion rules. */
    private void registerBalancesAndRules(Api api) {
        api.post("/api/v1/restricted-accounts/{id}/opening-balance")
                .requires(Permission.RESTRICTED_ACCOUNT_MANAGE)
                .tag("settlement")
                .summary("Record a legacy balance with its original value date (201; 200 when retried)")
                .request(OpeningBalanceRequest.class)
                .response(OpeningBalance.class)
                .status(201)
                .handle(this::openingBalance);
        api.get("/api/v1/restricted-accounts/{id}/opening-balances")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("The account's recorded opening balances")
                .responseList(OpeningBalance.class)
                .handle(ctx -> ctx.json(
                        settlement.accounts().openingBalances(account(ctx).id())));
        api.put("/api/v1/restricted-accounts/{id}/conversion-rule")
                .requires(Permission.RESTRICTED_ACCOUNT_MANAGE)
                .tag("settlement")
                .summary("Set the account's conversion limits (weekly cap, largest tranche) as a new version")
                .request(ConversionRuleRequest.class)
                .response(ConversionRule.class)
                .handle(this::setRule);
        api.get("/api/v1/restricted-accounts/{id}/conversion-rule")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("The account's conversion limits in force")
                .response(ConversionRule.class)
                .handle(ctx -> ctx.json(settlement
                        .accounts()
                        .conversionRule(account(ctx).id())
                        .orElseThrow(() -> new NotFoundException(
                                "CONVERSION_RULE_NOT_FOUND", "the account has no conversion rule"))));
    }

    private RestrictedAccount account(Context ctx) {
        return settlement.accounts().find(ctx.pathParam("id"));
    }

    private RestrictedAccountView view(RestrictedAccount account) {
        return RestrictedAccountView.of(account, settlement.accounts().balance(account.id()));
    }

    private void open(Context ctx) {
        RestrictedAccountRequest request = Requests.body(ctx, RestrictedAccountRequest.class);
        AccountStatus status;
        try {
            status = AccountStatus.valueOf(SettlementViews.optional(request.status())
                    .orElse("RESTRICTED")
                    .trim()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("STATUS_UNKNOWN", "status is RESTRICTED or BLOCKED");
        }
        NewRestrictedAccount account = new NewRestrictedAccount(
                SettlementViews.optional(request.id()).map(id -> SettlementViews.id("id", id)),
                request.name(),
                request.holder(),
                Currency.of(SettlementViews.required(request.currency(), "currency")),
                request.bank(),
                request.country(),
                status);
        boolean existed = settlement.accounts().byName(account.name()).isPresent();
        RestrictedAccount opened = settlement.accounts().open(Api.actor(ctx), account);
        ctx.status(existed ? 200 : 201).json(view(opened));
    }

    private LocalDate asOf(Context ctx) {
        return Requests.dateQuery(ctx, "as_of").orElseGet(settlement::today);
    }

    private void ageing(Context ctx) {
        RestrictedAccount account = account(ctx);
        ctx.json(AgeingView.of(account, settlement.lots().ageing(account.id(), asOf(ctx))));
    }

    private void ageingOfAll(Context ctx) {
        LocalDate asOf = asOf(ctx);
        ctx.json(settlement.accounts().list().stream()
                .map(account -> AgeingView.of(account, settlement.lots().ageing(account.id(), asOf)))
                .toList());
    }

    private void flows(Context ctx) {
        RestrictedAccount account = account(ctx);
        LocalDate from = SettlementRoutesSupport.required(Requests.dateQuery(ctx, "from"), "from");
        LocalDate to = SettlementRoutesSupport.required(Requests.dateQuery(ctx, "to"), "to");
        ctx.json(settlement.lots().flows(account.id(), from, to));
    }

    private void openingBalance(Context ctx) {
        RestrictedAccount account = account(ctx);
        OpeningBalanceRequest request = Requests.body(ctx, OpeningBalanceRequest.class);
        NewOpeningBalance balance = new NewOpeningBalance(
                SettlementViews.id("id", request.id()),
                SettlementViews.required(request.amount(), "amount").toMoney("amount"),
                SettlementViews.required(request.valueDate(), "value_date"),
                SettlementViews.optional(request.note()).orElse(""));
        SettlementOutcome<OpeningBalance> outcome = settlement
                .accounts()
                .recordOpeningBalance(Api.actor(ctx), account.id().toString(), balance);
        SettlementOutcome.Done<OpeningBalance> done = SettlementRoutesSupport.done(outcome);
        ctx.status(SettlementRoutesSupport.status(done)).json(done.value());
    }

    private void setRule(Context ctx) {
        RestrictedAccount account = account(ctx);
        ConversionRuleRequest request = Requests.body(ctx, ConversionRuleRequest.class);
        ConversionRule rule = settlement
                .accounts()
                .setConversionRule(
                        Api.actor(ctx),
                        account.id().toString(),
                        SettlementViews.optional(request.weeklyCap()).map(cap -> cap.toMoney("weekly_cap")),
                        SettlementViews.optional(request.trancheMax()).map(max -> max.toMoney("tranche_max")),
                        request.source());
        ctx.json(rule);
    }
}
