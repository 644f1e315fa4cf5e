package org.corridor.cli;

import static org.corridor.cli.DemoClient.body;
import static org.corridor.cli.DemoClient.money;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.app.ScenarioClock;

/**
 * Domain.md 6(b), steps 1 to 10, played through Corridor's own HTTP API by one user per role, on a
 * clock set to each step's moment. Every figure the demo reports comes back from Corridor's answers;
 * the scenario only supplies the inputs (quantities, prices, rates, dates) that 6(b) gives.
 */
final class DemoScenario {

    static final Instant START = Instant.parse("2024-07-01T06:00:00Z");
    private static final String RATE_SOURCE = "CBI 1,300 IQD/USD x 1.08 USD/EUR";
    private static final LocalDate Q3_START = LocalDate.parse("2024-07-01");
    private static final LocalDate Q3_END = LocalDate.parse("2024-09-30");

    private final DemoClient api;
    private final ScenarioClock clock;
    private final ZoneId zone;
    private final DemoNarrator narrator;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, byte[]> payments = new LinkedHashMap<>();
    private String w19Id = "";

    DemoScenario(DemoClient api, ScenarioClock clock, ZoneId zone, DemoNarrator narrator) {
        this.api = api;
        this.clock = clock;
        this.zone = zone;
        this.narrator = narrator;
    }

    /** Plays every step and returns the key figures as Corridor computed them. */
    Map<String, Object> play() {
        setUp();
        june();
        deposits("2024-07-03", "June 2024", "332547930000", "73920600000");
        conversion();
        String release = request();
        review(release);
        approvals(release);
        heldByTheGap(release);
        renewal();
        execution(release);
        laterMonths();
        figures();
        return figures;
    }

    /** The moment of a step, given in the channel's local time. */
    private void at(String localDateTime) {
        clock.advanceTo(LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("corridor-demo:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private void setUp() {
        at("2024-07-01T09:00");
        JsonNode w19 =
                api.post(DemoUser.REVIEWER, "/api/v1/authorisations", waiver("W-19", "2024-03-11", "2024-07-08"));
        w19Id = w19.get("id").asText();
        narrator.line(
                "W-19 recorded: waiver valid 2024-03-11 to 2024-07-08; no USD; prior Authority approval per disbursement");
        account("NIGC-IQD-R", "NIGC", "IQD", "TBI", "IQ");
        account("TAV-IQD-R", "TAVANIR", "IQD", "TBI", "IQ");
        account("NIGC-EUR-R", "NIGC", "EUR", "Muscat Partner Bank", "OM");
        openingBalance("NIGC-IQD-R", "9828000000000.000");
        openingBalance("TAV-IQD-R", "1404000000000.000");
        narrator.line("restricted accounts opened: NIGC-IQD-R with IQD 9,828,000,000,000 and TAV-IQD-R with IQD "
                + "1,404,000,000,000 of legacy balances (2023-06-30), NIGC-EUR-R at Muscat Partner Bank");
        api.post(
                DemoUser.OPERATOR,
                "/api/v1/contracts",
                body(
                        "reference",
                        "NIGC-GAS-2024",
                        "seller",
                        "NIGC",
                        "buyer",
                        "MoE",
                        "commodity",
                        "GAS",
                        "price_unit",
                        "MMBTU",
                        "price",
                        "7.25",
                        "price_currency",
                        "EUR",
                        "conversion_factors",
                        Map.of("M3", "0.0363"),
                        "account",
                        "NIGC-IQD-R"));
        api.post(
                DemoUser.OPERATOR,
                "/api/v1/contracts",
                body(
                        "reference",
                        "TAVANIR-POWER-2024",
                        "seller",
                        "TAVANIR",
                        "buyer",
                        "MoE",
                        "commodity",
                        "ELECTRICITY",
                        "price_unit",
                        "MWH",
                        "price",
                        "75",
                        "price_currency",
                        "EUR",
                        "account",
                        "TAV-IQD-R"));
        narrator.line("contracts: NIGC gas at EUR 7.25/MMBtu (0.0363 MMBtu/m3), TAVANIR power at EUR 75/MWh");
        api.put(
                DemoUser.OPERATOR,
                "/api/v1/release-paying-accounts",
                body(
                        "account",
                        "NIGC-EUR-R",
                        "iban",
                        "OM81 0180 0000 0129 9123 456",
                        "bic",
                        "MPBKOMRX",
                        "name",
                        "NIGC restricted account"));
        api.postText(
                DemoUser.ANALYST,
                "/api/v1/ownership/import?name=gulf-star-register-2024-06-30.csv",
                FORWARDER_OWNERS,
                "text/csv");
        api.post(
                DemoUser.ANALYST,
                "/api/v1/vessels",
                body(
                        "imo",
                        "9000001",
                        "name",
                        "MV Sea Lark",
                        "flag_state",
                        "PA",
                        "source",
                        "Equasis 2024-07-01",
                        "indicators",
                        List.of(body(
                                "kind",
                                "AIS_GAP",
                                "observed_on",
                                "2024-06-18",
                                "duration_hours",
                                "41",
                                "area",
                                "Gulf of Oman, off Khor Fakkan",
                                "source",
                                "AIS risk feed 2024-07-04"))));
        narrator.line(
                "ownership register of Gulf Star Logistics FZE (Entity X 30%, Entity Y 25%, nominees 45%) and the "
                        + "risk feed of MV Sea Lark (IMO 9000001: a 41-hour AIS gap) recorded");
    }

    /** The forwarder's owners as its register shows them; Entity X and Y are on the demo's SDN list. */
    private static final String FORWARDER_OWNERS =
            "owner_id,owner_name,owner_kind,owner_listing,owned_id,owned_name,share_percent,kind,source,as_of\n"
                    + "entity-x,Entity X,ENTITY,OFAC_SDN:99000002,gulf-star-logistics-fze,Gulf Star Logistics FZE,30,"
                    + "OWNERSHIP,Dubai DMCC register extract 2024-06-30,2024-06-30\n"
                    + "entity-y,Entity Y,ENTITY,OFAC_SDN:99000003,gulf-star-logistics-fze,Gulf Star Logistics FZE,25,"
                    + "OWNERSHIP,Dubai DMCC register extract 2024-06-30,2024-06-30\n"
                    + "harbour-nominees,Harbour Nominees Ltd,,,gulf-star-logistics-fze,Gulf Star Logistics FZE,45,,"
                    + "Dubai DMCC register extract 2024-06-30,2024-06-30\n";

    /** Step 4: the beneficiary's agent submits DR-2024-0412; eligibility splits it. Returns part A's id. */
    private String request() {
        at("2024-07-05T11:00");
        JsonNode submitted = api.post(DemoUser.AGENT, "/api/v1/releases", dr0412());
        JsonNode a = part(submitted, "DR-2024-0412-A");
        JsonNode b = part(submitted, "DR-2024-0412-B");
        JsonNode removed = a.get("removed").get(0);
        narrator.step(
                4,
                "DR-2024-0412 (PI-7781) "
                        + submitted.get("request").get("state").asText() + ": A EUR "
                        + group(new BigDecimal(a.get("amount").asText())) + " "
                        + a.get("state").asText() + " (line "
                        + removed.get("line").asText() + ": "
                        + group(new BigDecimal(removed.get("quantity").asText()))
                        + " pens for a " + removed.get("end_user_type").asText() + " end user removed, "
                        + removed.get("reason").asText() + "); B EUR "
                        + group(new BigDecimal(b.get("amount").asText())) + " "
                        + b.get("state").asText() + " " + b.get("reason").asText() + " (CT scanner)");
        return a.get("id").asText();
    }

    private static JsonNode part(JsonNode submission, String reference) {
        for (JsonNode part : submission.get("parts")) {
            if (part.get("reference").asText().equals(reference)) {
                return part;
            }
        }
        throw new IllegalStateException("the submission has no part " + reference + ": " + submission);
    }

    /** Step 5: the hits of DR-2024-0412-A and their dispositions, four eyes where they clear. */
    private void review(String release) {
        at("2024-07-08T09:00");
        for (JsonNode hit :
                api.get(DemoUser.ANALYST, "/api/v1/releases/" + release).get("hits")) {
            String id = hit.get("id").asText();
            String role = hit.get("party_role").asText();
            String source = hit.get("source").asText();
            String party = hit.get("party_name").asText();
            if (source.equals("NAME")) {
                dispose(DemoUser.ANALYST, id, "FALSE_POSITIVE", "address, registration number and directors differ");
                dispose(
                        DemoUser.REVIEWER,
                        id,
                        "FALSE_POSITIVE",
                        "confirmed: a hospital supplier, not the listed trading house");
                narrator.step(
                        5,
                        role.toLowerCase(java.util.Locale.ROOT) + " \"" + party + "\" scored "
                                + hit.get("score").asText()
                                + " against " + hit.get("entity_key").asText() + " \""
                                + hit.get("entity_name").asText() + "\" "
                                + hit.get("programmes") + ": FALSE_POSITIVE by " + DemoUser.ANALYST.userName
                                + ", confirmed by "
                                + DemoUser.REVIEWER.userName);
            } else if (source.equals("OWNERSHIP")) {
                dispose(
                        DemoUser.ANALYST,
                        id,
                        "TRUE_MATCH",
                        "55% held by listed Entity X (30%) and Entity Y (25%): blocked by ownership");
                JsonNode rejection = api.get(DemoUser.AUDITOR, "/api/v1/releases/" + release)
                        .get("rejections")
                        .get(0);
                narrator.step(
                        5,
                        "forwarder \"" + party + "\" BLOCKED_BY_OWNERSHIP (30% + 25% held by listed entities): "
                                + "TRUE_MATCH, the vendor must appoint another; RPT-5 due "
                                + rejection.get("report_due_on").asText());
            } else if (source.equals("VESSEL")) {
                dispose(DemoUser.ANALYST, id, "ESCALATED", "41-hour AIS gap near a known ship-to-ship area");
                narrator.step(5, "vessel " + party + " escalated: " + String.join("; ", texts(hit.get("why"))));
            } else {
                throw new IllegalStateException(
                        "the demo did not expect a " + source + " hit on " + role + " " + party);
            }
        }
        JsonNode amended = api.post(
                DemoUser.AGENT,
                "/api/v1/releases/" + release + "/amendments",
                body(
                        "forwarder", body("name", "Rhine Freight Forwarding AG", "country", "CH"),
                        "shipment", containerService(),
                        "note", "new forwarder; scheduled container service, new B/L data"));
        narrator.step(
                5,
                "amended: forwarder Rhine Freight Forwarding AG, container service Alpine Express (IMO 9321483);"
                        + " re-screened, " + amended.get("state").asText());
    }

    private void dispose(DemoUser who, String hit, String decision, String rationale) {
        api.post(who, "/api/v1/hits/" + hit + "/dispositions", body("decision", decision, "rationale", rationale));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Step 6: the approval chain, and the Authority's no-objection of 2024-07-10. */
    private void approvals(String release) {
        at("2024-07-08T10:12");
        approve(DemoUser.OPERATOR, release, "MAKER", null);
        at("2024-07-08T15:40");
        approve(DemoUser.APPROVER, release, "COMPLIANCE", null);
        at("2024-07-08T17:05");
        JsonNode signed = approve(DemoUser.SENIOR, release, "SENIOR_COMPLIANCE", null);
        narrator.step(
                6,
                "approved by the maker 10:12, the compliance checker 15:40 and senior compliance 17:05 (above "
                        + "EUR 1m); hold of EUR "
                        + group(new BigDecimal(signed.get("amount").asText())) + " on NIGC-EUR-R under "
                        + signed.get("hold_authorisation").asText() + "; prior approval asked of the Authority");
        at("2024-07-10T09:00");
        JsonNode approved = approve(DemoUser.AUTHORITY_DESK, release, "AUTHORITY", "AUTH-DSB-0412");
        narrator.step(
                6,
                "Authority's no-objection AUTH-DSB-0412 received 2024-07-10: "
                        + approved.get("state").asText());
    }

    private JsonNode approve(DemoUser who, String release, String step, String reference) {
        Map<String, Object> approval = body("step", step);
        if (reference != null) {
            approval.put("reference", reference);
        }
        return api.post(who, "/api/v1/releases/" + release + "/approvals", approval);
    }

    /** Step 7: execution on 2024-07-10 finds W-19 ended on 2024-07-08: the payment is held. */
    private void heldByTheGap(String release) {
        at("2024-07-10T09:30");
        api.post(DemoUser.OPERATOR, "/api/v1/releases/" + release + "/schedule", body("value_date", "2024-07-10"));
        JsonNode held = api.post(
                DemoUser.OPERATOR, "/api/v1/releases/" + release + "/execute", body("value_date", "2024-07-10"));
        narrator.step(
                7,
                "execution on 2024-07-10: " + held.get("state").asText() + " / "
                        + held.get("reason").asText() + ", EUR "
                        + group(new BigDecimal(held.get("amount").asText())) + " held; nothing moved");
    }

    /** Step 7, 2024-07-17: executed under W-20, with its pacs.008. */
    private void execution(String release) {
        at("2024-07-17T10:00");
        JsonNode executed = api.post(
                DemoUser.OPERATOR, "/api/v1/releases/" + release + "/execute", body("value_date", "2024-07-17"));
        JsonNode execution = executed.get("execution");
        String reference = executed.get("reference").asText();
        payments.put(
                reference + ".pacs008.xml", api.getBytes(DemoUser.AUDITOR, "/api/v1/releases/" + release + "/pacs008"));
        figures.put("released_eur", executed.get("amount").asText());
        List<String> followUps = new java.util.ArrayList<>();
        executed.get("follow_ups")
                .forEach(f -> followUps.add(f.get("kind")
                                .asText()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ') + " by " + f.get("due_on").asText()));
        narrator.step(
                7,
                "2024-07-17: " + reference + " " + executed.get("state").asText() + ", EUR "
                        + group(new BigDecimal(executed.get("amount").asText()))
                        + " from NIGC-EUR-R to Alpenmed Pharma AG under "
                        + execution.get("authorisation").asText() + " and "
                        + execution.get("prior_approval").asText()
                        + "; pacs.008 " + execution.get("message_id").asText() + "; follow-ups: "
                        + String.join(", ", followUps));
    }

    /** DR-2024-0412 as the beneficiary's agent submits it (6(b) step 4, pro-forma PI-7781). */
    private static Map<String, Object> dr0412() {
        List<Object> lines = List.of(
                line(
                        "1",
                        "Imatinib 400 mg tablets (oncology)",
                        "3004.90",
                        "120000",
                        "pack",
                        "25.00",
                        "MEDICINE",
                        List.of(use("Ministry of Health hospitals", "HOSPITAL", "120000"))),
                line(
                        "2",
                        "Insulin glargine pre-filled pens",
                        "3004.31",
                        "200000",
                        "pen",
                        "6.80",
                        "MEDICINE",
                        List.of(
                                use("Ministry of Health hospitals", "HOSPITAL", "180000"),
                                use("Law-enforcement command hospital", "LAW_ENFORCEMENT", "20000"))),
                line(
                        "3",
                        "Patient monitors",
                        "9018.19",
                        "200",
                        "unit",
                        "2400",
                        "DEVICE",
                        List.of(use("Ministry of Health hospitals", "HOSPITAL", "200"))),
                line(
                        "4",
                        "128-slice CT scanner",
                        "9022.12",
                        "1",
                        "unit",
                        "950000",
                        "DEVICE",
                        List.of(use("Ministry of Health hospitals", "HOSPITAL", "1"))));
        return body(
                "reference", "DR-2024-0412",
                "holder", "NIGC",
                "pay_from", "NIGC-EUR-R",
                "purchaser", body("name", "Tehran Medical Supply Co.", "country", "IR"),
                "end_users", List.of(body("name", "Ministry of Health hospitals", "country", "IR")),
                "vendor", body("name", "Alpenmed Pharma AG", "country", "CH", "address", "Basel"),
                "vendor_account",
                        body(
                                "iban",
                                "CH93 0076 2011 6238 5295 7",
                                "bic",
                                "UBSWCHZH80A",
                                "bank_name",
                                "Swiss Commercial Bank"),
                "lines", lines,
                "incoterm", "CIP",
                "shipment",
                        body(
                                "carrier",
                                "Sea Lark Shipping",
                                "vessel_name",
                                "MV Sea Lark",
                                "vessel_imo",
                                "9000001",
                                "port_of_loading",
                                "Genoa",
                                "port_of_discharge",
                                "Bandar Abbas"),
                "forwarder", body("name", "Gulf Star Logistics FZE", "country", "AE"),
                "documents",
                        List.of(body(
                                "type",
                                "PI",
                                "name",
                                "PI-7781.pdf",
                                "content_base64",
                                java.util.Base64.getEncoder()
                                        .encodeToString("Pro-forma invoice PI-7781, Alpenmed Pharma AG, Basel"
                                                .getBytes(StandardCharsets.UTF_8)))));
    }

    private static Map<String, Object> containerService() {
        return body(
                "carrier",
                "Alpine Container Line",
                "vessel_name",
                "Alpine Express",
                "vessel_imo",
                "9321483",
                "port_of_loading",
                "Genoa",
                "port_of_discharge",
                "Bandar Abbas");
    }

    private static Map<String, Object> line(
            String number,
            String description,
            String hs,
            String quantity,
            String unit,
            String price,
            String category,
            List<Object> uses) {
        return body(
                "line",
                number,
                "description",
                description,
                "hs_code",
                hs,
                "quantity",
                quantity,
                "unit",
                unit,
                "unit_price",
                price,
                "origin",
                "CH",
                "category",
                category,
                "end_uses",
                uses);
    }

    private static Map<String, Object> use(String endUser, String type, String quantity) {
        return body("end_user", endUser, "type", type, "quantity", quantity);
    }

    static Map<String, Object> waiver(String reference, String from, String to) {
        return body(
                "reference",
                reference,
                "type",
                "WAIVER",
                "series",
                "IRAQ-ENERGY",
                "issuer",
                "US Department of State",
                "legal_basis",
                "National security waiver for Iraqi payments for Iranian gas and electricity",
                "valid_from",
                from,
                "valid_to",
                to,
                "permitted_purposes",
                List.of("FOOD", "AGRI", "MEDICINE", "DEVICE"),
                "permitted_movements",
                List.of("DEPOSIT", "CONVERSION", "TRANSFER", "DISBURSEMENT"),
                "permitted_currencies",
                List.of("IQD", "EUR"),
                "prohibited_currencies",
                List.of("USD"),
                "permitted_locations",
                List.of("IQ", "OM"),
                "prior_approval_for",
                List.of("DISBURSEMENT", "CONVERSION"),
                "conditions",
                "no USD; prior Authority approval per disbursement and conversion");
    }

    private void account(String name, String holder, String currency, String bank, String country) {
        api.post(
                DemoUser.OPERATOR,
                "/api/v1/restricted-accounts",
                body("name", name, "holder", holder, "currency", currency, "bank", bank, "country", country));
    }

    private void openingBalance(String account, String amount) {
        api.post(
                DemoUser.OPERATOR,
                "/api/v1/restricted-accounts/" + account + "/opening-balance",
                body(
                        "id",
                        id("opening:" + account),
                        "amount",
                        money(amount, "IQD"),
                        "value_date",
                        "2023-06-30",
                        "note",
                        "legacy balance"));
    }

    /** Step 1: June's deliveries, invoiced on 2024-07-01; MoE disputes 18,000 MWh. */
    private void june() {
        JsonNode gas = statement("NIGC-GAS-2024", "2024-06", "900000000", "m3", "0", "");
        JsonNode power =
                statement("TAVANIR-POWER-2024", "2024-06", "720000", "MWh", "18000", "Iranian curtailment hours");
        BigDecimal invoiced = net(gas).add(net(power));
        figures.put("invoiced_eur", invoiced.toPlainString());
        narrator.step(
                1,
                "June invoices: gas EUR " + amount(gas.get("invoice").get("amount")) + ", power EUR "
                        + amount(power.get("invoice").get("amount")) + " less a credit note of EUR "
                        + amount(power.get("invoice").get("notes").get(0).get("amount")) + "; net invoiced EUR "
                        + group(invoiced));
    }

    private JsonNode statement(
            String contract, String month, String metered, String unit, String disputed, String reason) {
        LocalDate start = LocalDate.parse(month + "-01");
        LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
        String csv =
                "contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason\n" + contract
                        + "," + start + "," + end + "," + metered + "," + unit + "," + disputed + "," + reason + "\n";
        JsonNode imported = api.postText(
                DemoUser.OPERATOR,
                "/api/v1/delivery-statements/import?name=" + contract.toLowerCase(java.util.Locale.ROOT) + "-" + month
                        + ".csv",
                csv,
                "text/csv");
        return imported.get("results").get(0);
    }

    private static BigDecimal net(JsonNode statement) {
        return new BigDecimal(statement.get("invoice").get("net").get("amount").asText());
    }

    /** Step 2 and step 8: the payer's deposits for a month's invoices. */
    private void deposits(String valueDate, String month, String gasIqd, String powerIqd) {
        at(valueDate + "T10:00");
        JsonNode gas = deposit("NIGC-GAS-2024", gasIqd, valueDate);
        JsonNode power = deposit("TAVANIR-POWER-2024", powerIqd, valueDate);
        narrator.step(
                valueDate.equals("2024-07-03") ? 2 : 8,
                "deposits of " + valueDate + " for " + month
                        + ": NIGC-IQD-R IQD " + group(amountOf(gas)) + " ("
                        + gas.get("match").asText() + "), TAV-IQD-R IQD "
                        + group(amountOf(power)) + " (" + power.get("match").asText() + "), under "
                        + gas.get("authorisation").asText());
    }

    private JsonNode deposit(String contract, String amount, String valueDate) {
        return api.post(
                DemoUser.PAYER,
                "/api/v1/deposits",
                body(
                        "id", id("deposit:" + contract + ":" + valueDate),
                        "contract", contract,
                        "amount", money(amount, "IQD"),
                        "value_date", valueDate,
                        "rate", "1404",
                        "rate_source", RATE_SOURCE,
                        "rate_date", valueDate));
    }

    /** Step 3: IQD 140,400,000,000 converted to EUR and moved to NIGC-EUR-R in Oman. */
    private void conversion() {
        at("2024-07-04T11:00");
        String conversionId = id("conversion:2024-07-04");
        api.post(
                DemoUser.OPERATOR,
                "/api/v1/conversions",
                body(
                        "id", conversionId,
                        "source", "NIGC-IQD-R",
                        "destination", "NIGC-EUR-R",
                        "amount", money("140400000000", "IQD"),
                        "requested_on", "2024-07-04",
                        "approval_reference", "AUTH-CNV-0711",
                        "rate",
                                body(
                                        "base",
                                        "EUR",
                                        "quote",
                                        "IQD",
                                        "value",
                                        "1404",
                                        "source",
                                        "CBI fixing",
                                        "date",
                                        "2024-07-05"),
                        "spread_percent", "0.15"));
        at("2024-07-05T10:00");
        JsonNode executed = api.post(
                DemoUser.OPERATOR,
                "/api/v1/conversions/" + conversionId + "/executions",
                body("id", id("conversion-execution:2024-07-05"), "value_date", "2024-07-05"));
        JsonNode execution = executed.has("executions")
                ? executed.get("executions").get(executed.get("executions").size() - 1)
                : executed;
        String converted = execution.get("quote").get("target").get("amount").asText();
        figures.put("converted_eur", converted);
        narrator.step(
                3,
                "conversion of IQD 140,400,000,000 at 1,404 less 0.15% (approval AUTH-CNV-0711): EUR "
                        + group(new BigDecimal(converted)) + " credited to NIGC-EUR-R, taken first in, first out from "
                        + execution
                                .get("lots_consumed")
                                .get(0)
                                .get("lot_value_date")
                                .asText());
    }

    /** Step 7 (in part): W-20 is signed on 2024-07-16; the register computes the gap since W-19. */
    private void renewal() {
        at("2024-07-16T09:30");
        api.post(
                DemoUser.REVIEWER,
                "/api/v1/authorisations/" + w19Id + "/renewals",
                waiver("W-20", "2024-07-16", "2024-11-12"));
        JsonNode gap = api.get(DemoUser.AUDITOR, "/api/v1/authorisation-gaps").get(0);
        // Re-screening follows the lists (FR-21): a version imported since the screening of 07-08 would
        // have re-screened the open request against its delta.
        Instant screened = LocalDateTime.parse("2024-07-08T09:00").atZone(zone).toInstant();
        long newVersions = 0;
        for (JsonNode version :
                api.get(DemoUser.AUDITOR, "/api/v1/screening/lists").path("history")) {
            if (Instant.parse(version.path("imported_at").asText()).isAfter(screened)) {
                newVersions++;
            }
        }
        narrator.step(
                7,
                "2024-07-16: W-20 recorded (2024-07-16 to 2024-11-12); gap "
                        + gap.get("from").asText() + " to "
                        + gap.get("to").asText() + ", " + gap.get("days").asLong()
                        + " days; list versions since 07-08: "
                        + newVersions + ", so no new hits");
    }

    /** Step 8: July and August, invoiced and paid the same way. */
    private void laterMonths() {
        at("2024-08-01T09:00");
        statement("NIGC-GAS-2024", "2024-07", "868000000", "m3", "0", "");
        statement("TAVANIR-POWER-2024", "2024-07", "818400", "MWh", "0", "");
        deposits("2024-08-05", "July 2024", "320724003600", "86177520000");
        at("2024-09-01T09:00");
        statement("NIGC-GAS-2024", "2024-08", "775000000", "m3", "0", "");
        statement("TAVANIR-POWER-2024", "2024-08", "669600", "MWh", "0", "");
        deposits("2024-09-04", "August 2024", "286360717500", "70508880000");
    }

    /** Step 9: the key figures as Corridor reports them on 2024-09-30. */
    private void figures() {
        at("2024-09-30T17:00");
        Map<String, String> accountNames = new LinkedHashMap<>();
        for (JsonNode account : api.get(DemoUser.AUDITOR, "/api/v1/restricted-accounts")) {
            accountNames.put(account.get("id").asText(), account.get("name").asText());
        }
        // Each deposit names the restricted account it was posted to.
        Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode deposit : api.get(DemoUser.AUDITOR, "/api/v1/deposits")) {
            LocalDate valueDate = LocalDate.parse(deposit.get("value_date").asText());
            if (valueDate.isBefore(Q3_START) || valueDate.isAfter(Q3_END)) {
                continue;
            }
            BigDecimal amount = amountOf(deposit);
            byAccount.merge(accountNames.get(deposit.get("account_id").asText()), amount, BigDecimal::add);
            total = total.add(amount);
        }
        Map<String, String> deposited = new LinkedHashMap<>();
        byAccount.forEach((account, amount) -> deposited.put(account, amount.toPlainString()));
        deposited.put("total", total.setScale(3).toPlainString());
        figures.put("deposits_iqd", deposited);

        JsonNode idle = api.get(DemoUser.AUDITOR, "/api/v1/idle-funds?as_of=" + Q3_END);
        BigDecimal held = BigDecimal.ZERO;
        for (JsonNode reason : idle.get("held_by_reason")) {
            held = held.add(
                    new BigDecimal(reason.get("amount_eur").get("amount").asText()));
        }
        figures.putIfAbsent(
                "released_eur", idle.get("disbursed_eur").get("amount").asText());
        figures.put("held_eur", held.setScale(2).toPlainString());
        figures.put("gap_days", idle.get("gap_days").asLong());
        // Corridor states utilisation to two decimals and the old share to one (docs/reports.md).
        String utilisation = decimal(idle, "utilisation_percent", 2);
        String oldShare = decimal(idle, "older_than90_days_percent", 1);
        figures.put("utilisation_q3_percent", utilisation);
        figures.put("idle_over_90_days_percent", oldShare);
        figures.put("channel_funds_eur", idle.get("total_eur").get("amount").asText());
        narrator.step(
                9,
                "idle funds as at " + Q3_END + ": EUR "
                        + group(new BigDecimal(
                                idle.get("total_eur").get("amount").asText()))
                        + " in the channel, "
                        + oldShare + "% older than 90 days; Q3 deposits IQD "
                        + group(total) + ", disbursed EUR "
                        + group(new BigDecimal(
                                idle.get("disbursed_eur").get("amount").asText()))
                        + ": utilisation " + utilisation + "%; held EUR " + group(held)
                        + "; "
                        + idle.get("gap_days").asLong() + " authorisation gap days"
                        + (idle.hasNonNull("note")
                                ? "; note: " + idle.get("note").asText()
                                : ""));
    }

    /** The payment instructions the executions produced, by file name. */
    Map<String, byte[]> payments() {
        return payments;
    }

    /** Step 10: every report as JSON, RPT-1 to RPT-3 also as PDF, written under {@code reports/}. */
    Map<String, byte[]> reports() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int number = 1; number <= 10; number++) {
            String name = "rpt-" + number;
            // RPT-1 is the monthly report of step 10 (July); the others cover the quarter.
            String period = number == 1 ? "from=2024-07-01&to=2024-07-31" : "from=" + Q3_START + "&to=" + Q3_END;
            String stem = number == 1 ? name + "-2024-07" : name + "-2024-Q3";
            files.put(
                    stem + ".json",
                    api.getBytes(DemoUser.AUDITOR, "/api/v1/reports/" + name + "?" + period + "&format=json"));
            if (number <= 3) {
                files.put(
                        stem + ".pdf",
                        api.getBytes(DemoUser.AUDITOR, "/api/v1/reports/" + name + "?" + period + "&format=pdf"));
            }
        }
        narrator.step(
                10,
                "reports: RPT-1 for July 2024 and RPT-2 to RPT-10 for Q3 2024, as JSON, RPT-1 to RPT-3 also as PDF");
        return files;
    }

    private static String decimal(JsonNode node, String field, int scale) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("the idle-funds answer has no " + field);
        }
        return new BigDecimal(value.asText())
                .setScale(scale, java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static BigDecimal amountOf(JsonNode withAmount) {
        return new BigDecimal(withAmount.get("amount").get("amount").asText());
    }

    private static String amount(JsonNode money) {
        return group(new BigDecimal(money.get("amount").asText()));
    }

    static String group(BigDecimal amount) {
        return String.format(
                java.util.Locale.ROOT,
                "%,." + Math.max(0, amount.stripTrailingZeros().scale()) + "f",
                amount);
    }
}
