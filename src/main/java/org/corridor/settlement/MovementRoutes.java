package org.corridor.settlement;

import io.javalin.http.Context;
import java.util.UUID;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;
import org.corridor.settlement.SettlementViews.ConversionRequest;
import org.corridor.settlement.SettlementViews.ConversionView;
import org.corridor.settlement.SettlementViews.DepositRequest;
import org.corridor.settlement.SettlementViews.DepositView;
import org.corridor.settlement.SettlementViews.ExecutionRequest;
import org.corridor.settlement.SettlementViews.ExecutionView;
import org.corridor.settlement.SettlementViews.RestrictedTransferRequest;
import org.corridor.settlement.SettlementViews.RestrictedTransferView;

/**
 * Money moving over HTTP: deposits, conversions (request, executions) and transfers between
 * restricted accounts. Each takes its idempotency key as {@code id}: a retry with the same content
 * answers 200 with the original result, other content 409. A refusal is a 422 whose code names the
 * reason (NO_AUTHORISATION, AUTHORISATION_EXPIRED, ...) and nothing is posted.
 */
public record MovementRoutes(Settlement settlement) implements Routes {

    @Override
    public void register(Api api) {
        api.post("/api/v1/deposits")
                .requires(Permission.DEPOSIT_RECORD)
                .tag("settlement")
                .summary("Record the payer's deposit into the contract's restricted account, covered on its value date")
                .request(DepositRequest.class)
                .response(DepositView.class)
                .status(201)
                .handle(this::deposit);
        api.get("/api/v1/deposits")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Deposits by value date, with their matching to invoices")
                .query("contract", "a contract's id or reference")
                .responseList(DepositView.class)
                .handle(ctx -> ctx.json(
                        Views.ofEach(settlement.deposits().list(Requests.query(ctx, "contract")), DepositView.class)));
        api.get("/api/v1/deposits/{id}")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("A deposit")
                .response(DepositView.class)
                .handle(ctx ->
                        ctx.json(Views.of(settlement.deposits().get(Requests.uuidPath(ctx, "id")), DepositView.class)));
        registerConversions(api);
        registerTransfers(api);
    }

    /** Conversions and their executions. */
    private void registerConversions(Api api) {
        api.post("/api/v1/conversions")
                .requires(Permission.CONVERSION_EXECUTE)
                .tag("settlement")
                .summary("Request a conversion (APPROVED or HELD with the reason); with execute_on, execute it at once")
                .request(ConversionRequest.class)
                .response(ConversionView.class)
                .status(201)
                .handle(this::requestConversion);
        api.get("/api/v1/conversions")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Every conversion with its executions")
                .responseList(ConversionView.class)
                .handle(ctx -> ctx.json(Views.ofEach(settlement.conversions().list(), ConversionView.class)));
        api.get("/api/v1/conversions/{id}")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("A conversion with its executions")
                .response(ConversionView.class)
                .handle(ctx -> ctx.json(
                        Views.of(settlement.conversions().get(Requests.uuidPath(ctx, "id")), ConversionView.class)));
        api.post("/api/v1/conversions/{id}/executions")
                .requires(Permission.CONVERSION_EXECUTE)
                .tag("settlement")
                .summary("Execute a conversion (or a tranche of it) on its value date: one linked ledger batch")
                .request(ExecutionRequest.class)
                .response(ExecutionView.class)
                .status(201)
                .handle(this::execute);
    }

    /** Transfers between restricted accounts. */
    private void registerTransfers(Api api) {
        api.post("/api/v1/restricted-transfers")
                .requires(Permission.CONVERSION_EXECUTE)
                .tag("settlement")
                .summary(
                        "Move money between restricted accounts of one holder and currency (in-country to third-country)")
                .request(RestrictedTransferRequest.class)
                .response(RestrictedTransferView.class)
                .status(201)
                .handle(this::transfer);
        api.get("/api/v1/restricted-transfers")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Every transfer between restricted accounts")
                .responseList(RestrictedTransferView.class)
                .handle(ctx -> ctx.json(Views.ofEach(settlement.transfers().list(), RestrictedTransferView.class)));
        api.get("/api/v1/restricted-transfers/{id}")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("A transfer between restricted accounts")
                .response(RestrictedTransferView.class)
                .handle(ctx -> ctx.json(Views.of(
                        settlement.transfers().get(Requests.uuidPath(ctx, "id")), RestrictedTransferView.class)));
    }

    private void deposit(Context ctx) {
        DepositRequest request = Requests.body(ctx, DepositRequest.class);
        NewDeposit deposit = new NewDeposit(
                SettlementViews.id("id", request.id()),
                request.contract(),
                SettlementViews.required(request.amount(), "amount").toMoney("amount"),
                request.valueDate(),
                SettlementViews.positive("rate", request.rate()),
                request.rateSource(),
                request.rateDate(),
                SettlementViews.optional(request.invoice()),
                SettlementViews.optional(request.reference()));
        SettlementOutcome<Deposit> outcome = settlement.deposits().record(Api.actor(ctx), deposit);
        SettlementOutcome.Done<Deposit> done = SettlementRoutesSupport.done(outcome);
        ctx.status(SettlementRoutesSupport.status(done)).json(Views.of(done.value(), DepositView.class));
    }

    private void requestConversion(Context ctx) {
        ConversionRequest request = Requests.body(ctx, ConversionRequest.class);
        UUID id = SettlementViews.id("id", request.id());
        NewConversion conversion = new NewConversion(
                id,
                request.source(),
                request.destination(),
                SettlementViews.required(request.amount(), "amount").toMoney("amount"),
                request.requestedOn(),
                SettlementViews.optional(request.approvalReference()),
                SettlementViews.required(request.rate(), "rate").toRate(),
                Amounts.decimal("spread_percent", request.spreadPercent()),
                SettlementViews.optional(request.fee()).map(fee -> fee.toMoney("fee")));
        SettlementOutcome.Done<Conversion> requested = settlement.conversions().request(Api.actor(ctx), conversion);
        if (SettlementViews.optional(request.executeOn()).isPresent()) {
            if (requested.value().status() == ConversionStatus.HELD
                    && requested.value().executions().isEmpty()) {
                throw SettlementRoutesSupport.refusal(SettlementOutcome.Refused.of(
                        requested.value().heldReason().orElse(Refusal.NO_AUTHORISATION),
                        "conversion " + id + " is held and was not executed"));
            }
            NewExecution execution =
                    NewExecution.oneStep(id, request.executeOn().get());
            SettlementOutcome<ConversionExecution> executed =
                    settlement.conversions().execute(Api.actor(ctx), id, execution);
            ctx.status(SettlementRoutesSupport.status(SettlementRoutesSupport.done(executed)))
                    .json(Views.of(settlement.conversions().get(id), ConversionView.class));
            return;
        }
        ctx.status(SettlementRoutesSupport.status(requested)).json(Views.of(requested.value(), ConversionView.class));
    }

    private void execute(Context ctx) {
        UUID conversionId = Requests.uuidPath(ctx, "id");
        settlement.conversions().get(conversionId);
        ExecutionRequest request = Requests.body(ctx, ExecutionRequest.class);
        NewExecution execution = new NewExecution(
                SettlementViews.id("id", request.id()),
                request.valueDate(),
                SettlementViews.optional(request.amount()).map(amount -> amount.toMoney("amount")),
                SettlementViews.optional(request.rate()).map(SettlementViews.RateValue::toRate));
        SettlementOutcome<ConversionExecution> outcome =
                settlement.conversions().execute(Api.actor(ctx), conversionId, execution);
        SettlementOutcome.Done<ConversionExecution> done = SettlementRoutesSupport.done(outcome);
        ctx.status(SettlementRoutesSupport.status(done)).json(Views.of(done.value(), ExecutionView.class));
    }

    private void transfer(Context ctx) {
        RestrictedTransferRequest request = Requests.body(ctx, RestrictedTransferRequest.class);
        NewRestrictedTransfer transfer = new NewRestrictedTransfer(
                SettlementViews.id("id", request.id()),
                request.source(),
                request.destination(),
                SettlementViews.required(request.amount(), "amount").toMoney("amount"),
                request.valueDate(),
                SettlementViews.optional(request.approvalReference()));
        SettlementOutcome<RestrictedTransfer> outcome = settlement.transfers().execute(Api.actor(ctx), transfer);
        SettlementOutcome.Done<RestrictedTransfer> done = SettlementRoutesSupport.done(outcome);
        ctx.status(SettlementRoutesSupport.status(done)).json(Views.of(done.value(), RestrictedTransferView.class));
    }
}
