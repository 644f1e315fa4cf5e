package org.corridor.settlement;

import io.javalin.http.Context;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;
import org.corridor.money.Currency;
import org.corridor.settlement.SettlementViews.ArrearsView;
import org.corridor.settlement.SettlementViews.ContractRequest;
import org.corridor.settlement.SettlementViews.ContractView;
import org.corridor.settlement.SettlementViews.ImportView;
import org.corridor.settlement.SettlementViews.InvoiceView;
import org.corridor.settlement.SettlementViews.NoteRequest;
import org.corridor.settlement.SettlementViews.NoteView;
import org.corridor.settlement.SettlementViews.ReconciliationView;
import org.corridor.settlement.SettlementViews.StatementRequest;
import org.corridor.settlement.SettlementViews.StatementResultView;
import org.corridor.settlement.SettlementViews.StatementView;

/** Contracts, delivery statements (JSON or a CSV metering file), invoices and notes, arrears, and RPT-6 over HTTP. */
public record ContractRoutes(Settlement settlement) implements Routes {

    @Override
    public void register(Api api) {
        api.post("/api/v1/contracts")
                .requires(Permission.CONTRACT_MANAGE)
                .tag("settlement")
                .summary("Record an energy contract (201; 200 if recorded before with the same terms)")
                .request(ContractRequest.class)
                .response(ContractView.class)
                .status(201)
                .handle(this::recordContract);
        api.get("/api/v1/contracts")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Every contract")
                .responseList(ContractView.class)
                .handle(ctx -> ctx.json(Views.ofEach(settlement.contracts().list(), ContractView.class)));
        api.get("/api/v1/contracts/{id}")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("A contract by id or reference")
                .response(ContractView.class)
                .handle(ctx ->
                        ctx.json(Views.of(settlement.contracts().find(ctx.pathParam("id")), ContractView.class)));
        api.get("/api/v1/contracts/{id}/arrears")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("What the buyer owes on the contract as of a date, invoice by invoice")
                .query("as_of", "YYYY-MM-DD (default: today in the channel zone)")
                .response(ArrearsView.class)
                .handle(ctx -> ctx.json(Views.of(
                        settlement
                                .contracts()
                                .arrears(
                                        ctx.pathParam("id"),
                                        Requests.dateQuery(ctx, "as_of").orElseGet(settlement::today)),
                        ArrearsView.class)));
        registerStatements(api);
        registerInvoices(api);
    }

    /** Delivery statements, one by one or a metering file, and their listing. */
    private void registerStatements(Api api) {
        api.post("/api/v1/delivery-statements")
                .requires(Permission.DELIVERY_RECORD)
                .tag("settlement")
                .summary(
                        "Record a delivery statement and the invoice it produces (201; 200 if recorded before as it is)")
                .request(StatementRequest.class)
                .response(StatementResultView.class)
                .status(201)
                .handle(this::recordStatement);
        api.post("/api/v1/delivery-statements/import")
                .requires(Permission.DELIVERY_RECORD)
                .tag("settlement")
                .summary("Import a metering file (the body, text/csv: contract,period_start,period_end,"
                        + "metered_quantity,unit,disputed_quantity,dispute_reason[,issued_on]); refused whole,"
                        + " naming the line, if any line is bad")
                .query("name", "the file's name, recorded as each statement's origin")
                .response(ImportView.class)
                .status(201)
                .handle(this::importStatements);
        api.get("/api/v1/delivery-statements")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Delivery statements by period, of one contract or all")
                .query("contract", "a contract's id or reference")
                .responseList(StatementView.class)
                .handle(ctx -> ctx.json(Views.ofEach(
                        settlement.contracts().statements(Requests.query(ctx, "contract")), StatementView.class)));
    }

    /** Invoices and their notes, and RPT-6. */
    private void registerInvoices(Api api) {
        api.get("/api/v1/invoices")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("Invoices with their notes and what deposits paid, of one contract or all")
                .query("contract", "a contract's id or reference")
                .responseList(InvoiceView.class)
                .handle(ctx -> ctx.json(Views.ofEach(
                        settlement.contracts().invoices(Requests.query(ctx, "contract")), InvoiceView.class)));
        api.get("/api/v1/invoices/{id}")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("An invoice by id or number")
                .response(InvoiceView.class)
                .handle(ctx ->
                        ctx.json(Views.of(settlement.contracts().invoice(ctx.pathParam("id")), InvoiceView.class)));
        api.post("/api/v1/invoices/{id}/notes")
                .requires(Permission.DELIVERY_RECORD)
                .tag("settlement")
                .summary("Add a credit or debit note to an invoice (201; 200 when retried)")
                .request(NoteRequest.class)
                .response(NoteView.class)
                .status(201)
                .handle(this::addNote);
        api.get("/api/v1/reconciliation")
                .requires(Permission.SETTLEMENT_READ)
                .tag("settlement")
                .summary("RPT-6: deliveries, invoices and deposits per contract and month, differences flagged")
                .requiredQuery("from", "YYYY-MM-DD: first delivery-period start covered")
                .requiredQuery("to", "YYYY-MM-DD: last delivery-period start covered")
                .query("format", "json (default) or csv")
                .response(ReconciliationView.class)
                .handle(this::reconciliation);
    }

    private void recordContract(Context ctx) {
        ContractRequest request = Requests.body(ctx, ContractRequest.class);
        Map<QuantityUnit, BigDecimal> factors = new LinkedHashMap<>();
        SettlementViews.optional(request.conversionFactors())
                .orElse(Map.of())
                .forEach((unit, factor) ->
                        factors.put(QuantityUnit.parse(unit), SettlementViews.positive("conversion factor", factor)));
        NewContract contract = new NewContract(
                SettlementViews.optional(request.id()).map(id -> SettlementViews.id("id", id)),
                request.reference(),
                request.seller(),
                request.buyer(),
                Commodity.parse(request.commodity()),
                QuantityUnit.parse(request.priceUnit()),
                SettlementViews.positive("price", request.price()),
                Currency.of(SettlementViews.required(request.priceCurrency(), "price_currency")),
                factors,
                request.account());
        boolean existed = settlement.contracts().list().stream()
                .anyMatch(c -> c.reference().equals(contract.reference()));
        Contract recorded = settlement.contracts().record(Api.actor(ctx), contract);
        ctx.status(existed ? 200 : 201).json(Views.of(recorded, ContractView.class));
    }

    private void recordStatement(Context ctx) {
        StatementRequest request = Requests.body(ctx, StatementRequest.class);
        NewDeliveryStatement statement = new NewDeliveryStatement(
                request.contract(),
                request.periodStart(),
                request.periodEnd(),
                Amounts.decimal("metered_quantity", request.meteredQuantity()),
                QuantityUnit.parse(request.unit()),
                SettlementViews.optional(request.disputedQuantity())
                        .map(q -> Amounts.decimal("disputed_quantity", q))
                        .orElse(BigDecimal.ZERO),
                SettlementViews.optional(request.disputeReason()),
                SettlementViews.optional(request.issuedOn()));
        StatementOutcome outcome = settlement.contracts().recordStatement(Api.actor(ctx), statement);
        ctx.status(outcome.created() ? 201 : 200).json(Views.of(outcome, StatementResultView.class));
    }

    private void importStatements(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException("BODY_MISSING", "the CSV metering file is the request body");
        }
        String given = Requests.query(ctx, "name").orElse("upload");
        String name = given.length() > 200 ? given.substring(0, 200) : given;
        List<StatementOutcome> outcomes =
                settlement.contracts().importStatements(Api.actor(ctx), name, new StringReader(body));
        int created = (int) outcomes.stream().filter(StatementOutcome::created).count();
        ctx.status(created > 0 ? 201 : 200)
                .json(new ImportView(
                        name,
                        outcomes.size(),
                        created,
                        outcomes.size() - created,
                        Views.ofEach(outcomes, StatementResultView.class)));
    }

    private void addNote(Context ctx) {
        String invoice = ctx.pathParam("id");
        settlement.contracts().invoice(invoice);
        NoteRequest request = Requests.body(ctx, NoteRequest.class);
        NoteKind kind;
        try {
            kind = NoteKind.valueOf(
                    SettlementViews.required(request.kind(), "kind").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("NOTE_KIND_UNKNOWN", "kind is CREDIT or DEBIT");
        }
        NewNote note = new NewNote(
                SettlementViews.id("id", request.id()),
                kind,
                SettlementViews.positive("quantity", request.quantity()),
                SettlementViews.optional(request.unit()).map(QuantityUnit::parse),
                request.reason(),
                request.issuedOn());
        SettlementOutcome.Done<Note> done = settlement.contracts().addNote(Api.actor(ctx), invoice, note);
        ctx.status(SettlementRoutesSupport.status(done)).json(Views.of(done.value(), NoteView.class));
    }

    private void reconciliation(Context ctx) {
        LocalDate from = SettlementRoutesSupport.required(Requests.dateQuery(ctx, "from"), "from");
        LocalDate to = SettlementRoutesSupport.required(Requests.dateQuery(ctx, "to"), "to");
        String format = Requests.query(ctx, "format").orElse("json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException("REPORT_FORMAT_UNKNOWN", "format is json or csv");
        }
        ReconciliationReport report = settlement.reconciliation().report(from, to);
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"reconciliation-" + from + "-" + to + ".csv\"")
                    .result(report.csv());
            return;
        }
        ctx.json(ReconciliationView.of(report));
    }
}
