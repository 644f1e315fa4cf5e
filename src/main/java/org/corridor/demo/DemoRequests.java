package org.corridor.demo;

import static org.corridor.demo.DemoClient.body;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The bodies of 6(b)'s requests: DR-2024-0412, its amended shipment, and the waivers. */
final class DemoRequests {

    private DemoRequests() {}

    /** DR-2024-0412 as the beneficiary's agent submits it (6(b) step 4, pro-forma PI-7781). */
    static Map<String, Object> dr0412() {
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

    static Map<String, Object> containerService() {
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
}
