package org.corridor.demo;

import static org.corridor.demo.DemoClient.body;
import static org.corridor.demo.DemoClient.money;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Before step 1: the waiver W-19, the restricted accounts and their opening balances, the
 * contracts, the paying account, the forwarder's ownership register and the vessel's risk feed.
 */
final class DemoSetUp extends DemoStep {

    /** The forwarder's owners as its register shows them; Entity X and Y are on the demo's SDN list. */
    private static final String FORWARDER_OWNERS =
            "owner_id,owner_name,owner_kind,owner_listing,owned_id,owned_name,share_percent,kind,source,as_of\n"
                    + "entity-x,Entity X,ENTITY,OFAC_SDN:99000002,gulf-star-logistics-fze,Gulf Star Logistics FZE,30,"
                    + "OWNERSHIP,Dubai DMCC register extract 2024-06-30,2024-06-30\n"
                    + "entity-y,Entity Y,ENTITY,OFAC_SDN:99000003,gulf-star-logistics-fze,Gulf Star Logistics FZE,25,"
                    + "OWNERSHIP,Dubai DMCC register extract 2024-06-30,2024-06-30\n"
                    + "harbour-nominees,Harbour Nominees Ltd,,,gulf-star-logistics-fze,Gulf Star Logistics FZE,45,,"
                    + "Dubai DMCC register extract 2024-06-30,2024-06-30\n";

    DemoSetUp(DemoStep shared) {
        super(shared);
    }

    /** Before step 1; returns W-19's id. */
    String setUp() {
        at("2024-07-01T09:00");
        JsonNode w19 = api.post(
                DemoUser.REVIEWER, "/api/v1/authorisations", DemoRequests.waiver("W-19", "2024-03-11", "2024-07-08"));
        String w19Id = w19.get("id").asText();
        narrator.line(
                "W-19 recorded: waiver valid 2024-03-11 to 2024-07-08; no USD; prior Authority approval per disbursement");
        accounts();
        contracts();
        payingAccount();
        registerAndVessel();
        return w19Id;
    }

    /** The three restricted accounts, the IQD ones with their legacy balances of 2023-06-30. */
    private void accounts() {
        account("NIGC-IQD-R", "NIGC", "IQD", "TBI", "IQ");
        account("TAV-IQD-R", "TAVANIR", "IQD", "TBI", "IQ");
        account("NIGC-EUR-R", "NIGC", "EUR", "Muscat Partner Bank", "OM");
        openingBalance("NIGC-IQD-R", "9828000000000.000");
        openingBalance("TAV-IQD-R", "1404000000000.000");
        narrator.line("restricted accounts opened: NIGC-IQD-R with IQD 9,828,000,000,000 and TAV-IQD-R with IQD "
                + "1,404,000,000,000 of legacy balances (2023-06-30), NIGC-EUR-R at Muscat Partner Bank");
    }

    /** The gas and power contracts, priced in EUR. */
    private void contracts() {
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
    }

    /** NIGC-EUR-R in Oman pays the releases. */
    private void payingAccount() {
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
    }

    /** The forwarder's ownership register and the vessel's risk feed, as the analyst records them. */
    private void registerAndVessel() {
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
}
