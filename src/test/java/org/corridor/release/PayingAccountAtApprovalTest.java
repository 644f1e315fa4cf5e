package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No dead end at execution: the last step of the approval chain is refused while the paying
 * account's bank details are unknown, saying what to do; once registered, the step is taken.
 */
class PayingAccountAtApprovalTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20WithASmallList(corridor, "paying");
        ReleaseFixtures.openFundedAccountWithoutBankDetails(
                corridor,
                "NIGC-EUR-2",
                "paying-2",
                Money.parse("1000000.00", Currency.EUR),
                LocalDate.parse("2024-07-05"),
                "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_last_step_is_refused_until_the_paying_accounts_bank_details_are_registered() {
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT)
                .post(
                        "/api/v1/releases",
                        ReleaseHttpTest.REQUEST
                                .replace("DR-2024-0777", "DR-PAY-1")
                                .replace("\"NIGC-EUR-R\"", "\"NIGC-EUR-2\""));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String approvals = "/api/v1/releases/DR-PAY-1/approvals";
        assertThat(server.as(Role.OPERATOR)
                        .post(approvals, "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response checked = server.as(Role.APPROVER).post(approvals, "{\"step\": \"COMPLIANCE\"}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        ApiClient authorityDesk = new PaidReleases(server).person("authority-desk", Role.OPERATOR);
        String authority = "{\"step\": \"AUTHORITY\", \"reference\": \"AUTH-PAY-1\"}";

        ApiClient.Response refused = authorityDesk.post(approvals, authority);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        JsonNode problem = refused.json();
        assertThat(problem.get("code").asText()).isEqualTo("PAYING_ACCOUNT_UNKNOWN");
        assertThat(problem.get("detail").asText())
                .contains("NIGC-EUR-2")
                .contains("PUT /api/v1/release-paying-accounts")
                .contains("OPERATOR");
        JsonNode release =
                server.as(Role.AUDITOR).get("/api/v1/releases/DR-PAY-1").json();
        assertThat(release.get("state").asText()).isNotEqualTo("APPROVED");
        assertThat(release.get("approvals").toString()).doesNotContain("AUTHORITY");

        ApiClient.Response registered = server.as(Role.OPERATOR).send("PUT", "/api/v1/release-paying-accounts", """
                        {"account": "NIGC-EUR-2", "iban": "OM81 0180 0000 0129 9123 456", "bic": "MPBKOMRX",
                         "name": "NIGC second restricted account"}
                        """);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        ApiClient.Response approved = authorityDesk.post(approvals, authority);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
    }
}
