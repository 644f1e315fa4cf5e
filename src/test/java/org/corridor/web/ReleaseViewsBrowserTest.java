package org.corridor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.authorisation.Category;
import org.corridor.identity.Role;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.ReleaseFixtures;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListReader;
import org.corridor.testing.ApiClient;
import org.corridor.testing.Browser;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hit review queue and the request pipeline in headless Chromium: four eyes on a false positive,
 * an approval step by the role that takes it, and a rejection.
 */
class ReleaseViewsBrowserTest {

    private static final String ACCOUNT = "WEB-EUR-R";
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        browser = new Browser(server.port());
        LocalDate today = LocalDate.parse("2024-07-17");
        Path list = Path.of(ReleaseViewsBrowserTest.class
                .getResource("/screening/un-small.xml")
                .toURI());
        corridor.screening().importSnapshots(Actor.SYSTEM, ListReader.read(ListFormat.UN_XML, list), "test fixture");
        ReleaseFixtures.registerGeneralLicence(
                corridor, "GL-WEB", "WEB", "browser test", today, Category.MEDICINE, Category.FOOD);
        ReleaseFixtures.openFundedAccount(
                corridor, ACCOUNT, "web", Money.parse("1000000.00", Currency.EUR), today.minusDays(10), "browser test");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_analyst_proposes_a_false_positive_and_a_second_reviewer_confirms_it() {
        JsonNode submitted = submit("DR-WEB-HIT", "Allied Democratic Forces");
        JsonNode hit = submitted.get("hits").get(0);
        assertThat(hit).as(submitted.toString()).isNotNull();
        String id = hit.get("id").asText();
        By row = By.cssSelector("tr[data-id='" + id + "']");

        signIn(Role.COMPLIANCE_ANALYST);
        browser.go("hits");
        assertThat(browser.waitFor(row).getText()).contains("Allied Democratic Forces", "FORWARDER", "NAME");
        decide(id, "false-positive", "a freight forwarder in Dubai, not the listed group");
        assertThat(browser.waitForText(row, "FALSE_POSITIVE proposed").getText())
                .contains("awaits a second reviewer")
                .contains("compliance-analyst");
        // The same person is not offered the second decision.
        assertThat(browser.driver().findElements(By.id("rationale-" + id))).isEmpty();
        assertThat(browser.waitFor(By.id("no-decision-" + id)).getText()).contains("second COMPLIANCE_REVIEWER");

        signIn(Role.COMPLIANCE_REVIEWER);
        browser.go("hits");
        assertThat(browser.waitFor(By.id("false-positive-" + id)).getText()).isEqualTo("Confirm FALSE_POSITIVE");
        decide(id, "false-positive", "checked the DMCC register: different entity");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.numberOfElementsToBe(row, 0));
        assertThat(server.as(Role.COMPLIANCE_REVIEWER)
                        .get("/api/v1/hits/" + id)
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("FALSE_POSITIVE");
        browser.open("/#/hits?state=FALSE_POSITIVE");
        assertThat(browser.waitForText(row, "FALSE_POSITIVE").getText()).contains("compliance-reviewer");
    }

    @Test
    void a_hit_whose_party_was_replaced_is_shown_as_superseded_and_offers_no_decision() {
        JsonNode submitted = submit("DR-WEB-SUPERSEDED", "Allied Democratic Forces");
        String id = submitted.get("hits").get(0).get("id").asText();
        String request = submitted.get("id").asText();
        String path = "/api/v1/hits/" + id + "/dispositions";
        assertThat(server.as(Role.COMPLIANCE_ANALYST)
                        .post(path, "{\"decision\": \"TRUE_MATCH\", \"rationale\": \"the listed group\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response amended = server.as(Role.BENEFICIARY_AGENT)
                .post(
                        "/api/v1/releases/" + request + "/amendments",
                        "{\"forwarder\": {\"name\": \"Rhine Freight Forwarding AG\", \"country\": \"CH\"},"
                                + " \"note\": \"new forwarder\"}");
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        By row = By.cssSelector("tr[data-id='" + id + "']");

        signIn(Role.COMPLIANCE_ANALYST);
        browser.open("/#/hits?state=SUPERSEDED");
        assertThat(browser.waitForText(row, "SUPERSEDED").getText())
                .contains("Allied Democratic Forces")
                .contains("party replaced; was TRUE_MATCH");
        assertThat(browser.driver().findElements(By.id("rationale-" + id))).isEmpty();
        browser.open("/#/hits?state=TRUE_MATCH");
        browser.waitFor(By.id("hits-state"));
        assertThat(server.as(Role.COMPLIANCE_ANALYST)
                        .get("/api/v1/hits?state=TRUE_MATCH")
                        .body())
                .doesNotContain(id);
        assertThat(server.as(Role.COMPLIANCE_ANALYST).get("/api/v1/hits").body())
                .as("unfiltered, the queue holds every hit raised")
                .contains(id);
    }

    @Test
    void a_refusal_of_the_api_is_shown_as_a_readable_message() {
        String id = submit("DR-WEB-STALE", "NALU").get("hits").get(0).get("id").asText();
        signIn(Role.COMPLIANCE_ANALYST);
        browser.go("hits");
        browser.waitFor(By.id("rationale-" + id));
        // Meanwhile the same analyst proposes it elsewhere: the page still offers the first decision.
        assertThat(server.as(Role.COMPLIANCE_ANALYST)
                        .post(
                                "/api/v1/hits/" + id + "/dispositions",
                                "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"other tab\"}")
                        .status())
                .isEqualTo(200);
        decide(id, "false-positive", "again from the stale page");
        assertThat(browser.waitForText(By.cssSelector("tr[data-id='" + id + "'] .hit-message"), "Refused")
                        .getText())
                .contains("SAME_PERSON_TWO_DECISIONS")
                .contains("compliance-analyst gave the first decision on this hit; the second needs another person");
    }

    @Test
    void an_approver_takes_the_compliance_step_an_operator_is_not_offered() {
        submit("DR-WEB-APPROVE", "");
        assertThat(server.as(Role.OPERATOR)
                        .post("/api/v1/releases/DR-WEB-APPROVE/approvals", "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);

        signIn(Role.OPERATOR);
        openRequest("DR-WEB-APPROVE");
        assertThat(browser.driver().findElements(By.id("approve-step"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("reject"))).isEmpty();

        signIn(Role.APPROVER);
        openRequest("DR-WEB-APPROVE");
        assertThat(browser.waitFor(By.id("approve-step")).getText()).isEqualTo("Approve COMPLIANCE");
        browser.driver().findElement(By.id("approve-step")).click();
        browser.waitForText(By.cssSelector("#release-detail h2"), "APPROVED");
        assertThat(browser.driver().findElements(By.id("approve-step"))).isEmpty();
        assertThat(server.as(Role.APPROVER)
                        .get("/api/v1/releases/DR-WEB-APPROVE")
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void an_approver_rejects_a_request_with_a_rationale() {
        submit("DR-WEB-REJECT", "");
        signIn(Role.APPROVER);
        openRequest("DR-WEB-REJECT");
        browser.waitFor(By.id("reject")).click();
        browser.waitForText(By.cssSelector(".release-message"), "rationale is required");
        browser.driver().findElement(By.id("reject-reason")).sendKeys("the end user is not credible");
        browser.driver().findElement(By.id("reject")).click();
        WebElement heading = browser.waitForText(By.cssSelector("#release-detail h2"), "REJECTED");
        assertThat(heading.getText()).contains("REJECTED_BY_APPROVER");
        assertThat(browser.waitFor(By.id("release-detail")).getText()).contains("the end user is not credible");
        assertThat(browser.driver().findElements(By.id("reject"))).isEmpty();
        JsonNode release =
                server.as(Role.AUDITOR).get("/api/v1/releases/DR-WEB-REJECT").json();
        assertThat(release.get("state").asText()).isEqualTo("REJECTED");
        assertThat(release.get("reason").asText()).isEqualTo("REJECTED_BY_APPROVER");
    }

    @Test
    void the_overview_shows_the_active_lists_with_their_age_and_what_waits_with_one_click_to_each() {
        submit("DR-WEB-FIRST", "");
        assertThat(server.as(Role.OPERATOR)
                        .post("/api/v1/releases/DR-WEB-FIRST/approvals", "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);

        signIn(Role.APPROVER);
        WebElement lists = browser.waitForText(By.id("overview-lists"), "days old");
        assertThat(lists.getText()).contains("Active sanctions lists").contains("UN");
        WebElement steps = browser.waitForText(By.id("overview-steps"), "DR-WEB-FIRST");
        assertThat(steps.getText()).contains("COMPLIANCE on DR-WEB-FIRST");
        browser.driver()
                .findElement(By.cssSelector("#overview-steps a[data-step='DR-WEB-FIRST']"))
                .click();
        browser.waitForText(By.id("release-detail"), "DR-WEB-FIRST");
        assertThat(browser.waitFor(By.id("approve-step")).getText()).isEqualTo("Approve COMPLIANCE");

        int open = server.as(Role.COMPLIANCE_ANALYST)
                .get("/api/v1/hits?state=OPEN&limit=500")
                .json()
                .size();
        signIn(Role.COMPLIANCE_ANALYST);
        WebElement hits = browser.waitForText(By.id("overview-hits"), "to review");
        assertThat(hits.getText()).startsWith(open + " screening hit");
        hits.click();
        browser.waitFor(By.id("view-hits"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/hits?state=OPEN");
    }

    private static void signIn(Role role) {
        browser.open("/");
        browser.driver().executeScript("sessionStorage.clear()");
        browser.signIn(server.token(role));
    }

    private static void openRequest(String reference) {
        browser.open("/#/releases?open=" + reference);
        browser.waitForText(By.id("release-detail"), reference);
    }

    private static void decide(String hitId, String decision, String rationale) {
        WebElement text = browser.waitFor(By.id("rationale-" + hitId));
        text.clear();
        text.sendKeys(rationale);
        browser.driver().findElement(By.id(decision + "-" + hitId)).click();
    }

    /** Submits a request as the beneficiary's agent; a forwarder named like a listed group makes a hit. */
    private static JsonNode submit(String reference, String forwarder) {
        String forwarderJson =
                forwarder.isEmpty() ? "" : ", \"forwarder\": {\"name\": \"" + forwarder + "\", \"country\": \"AE\"}";
        String body = """
                {"reference": "%s", "holder": "NIGC", "pay_from": "%s",
                 "purchaser": {"name": "Shiraz University Hospital", "country": "IR"},
                 "end_users": [{"name": "Shiraz University Hospital", "country": "IR"}],
                 "vendor": {"name": "Alpenmed Pharma AG", "country": "CH", "address": "Basel"},
                 "vendor_account": {"iban": "CH93 0076 2011 6238 5295 7", "bic": "UBSWCHZH80A", "bank_name": "Swiss Commercial Bank"},
                 "lines": [{"line": "1", "description": "Imatinib 400 mg tablets (oncology)", "hs_code": "3004.90",
                            "quantity": "1000", "unit": "pack", "unit_price": "25.00", "origin": "CH", "category": "MEDICINE",
                            "end_uses": [{"end_user": "Shiraz University Hospital", "type": "HOSPITAL", "quantity": "1000"}]}],
                 "incoterm": "CIP",
                 "shipment": {"carrier": "Alpine Container Line", "vessel_name": "Alpine Express", "vessel_imo": "9321483",
                              "port_of_loading": "Genoa", "port_of_discharge": "Bandar Abbas"}%s}
                """.formatted(reference, ACCOUNT, forwarderJson);
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT).post("/api/v1/releases", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        // The agent sees no hits (no tipping off); compliance reads the request with them.
        String id = submitted.json().get("request").get("id").asText();
        return server.as(Role.COMPLIANCE_ANALYST).get("/api/v1/releases/" + id).json();
    }
}
