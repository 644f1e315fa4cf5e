package org.corridor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.corridor.identity.Role;
import org.corridor.settlement.Scenario;
import org.corridor.testing.ApiClient;
import org.corridor.testing.Browser;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The idle-funds, authorisation, alert and report views in headless Chromium over the 6(b) scenario. */
class ReportViewsBrowserTest {

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        server = TestServer.start();
        new Scenario(server.corridor()).all();
        browser = new Browser(server.port());
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

    private static void signOut() {
        browser.driver().findElement(By.id("signout")).click();
    }

    @Test
    void an_auditor_reads_the_idle_funds_figures_the_api_gives() {
        browser.signIn(server.token(Role.AUDITOR));
        browser.open("/#/idle-funds?as_of=2024-09-30");
        ApiClient.Response api = server.as(Role.AUDITOR).get("/api/v1/idle-funds?as_of=2024-09-30");
        String total = api.json().get("total_eur").get("amount").asText();
        assertThat(total).isEqualTo("8833354025.00");
        assertThat(browser.waitForText(By.id("idle-total"), "EUR 8,833,354,025.00")
                        .getText())
                .isEqualTo("EUR 8,833,354,025.00");
        assertThat(browser.waitFor(By.id("idle-gap-days")).getText()).isEqualTo("7");
        assertThat(browser.waitFor(By.id("idle-older")).getText()).contains("(89.4%)");
        WebElement nigc = browser.waitFor(By.cssSelector("#view-idle-funds tr[data-id='NIGC-IQD-R']"));
        assertThat(nigc.getText()).contains("IQD 10,627,232,651,100.000").contains("IDLE");
        assertThat(browser.driver().findElements(By.cssSelector("#view-idle-funds svg rect")))
                .isNotEmpty();
        signOut();
    }

    @Test
    void the_authorisation_view_shows_the_gap_and_the_timeline() {
        browser.signIn(server.token(Role.OPERATOR));
        browser.go("authorisations");
        WebElement gap = browser.waitFor(By.cssSelector("#view-authorisations tr[data-id='IRAQ-ENERGY-2024-07-09']"));
        assertThat(gap.getText()).contains("2024-07-15").contains("7").contains("W-20");
        assertThat(browser.waitFor(By.cssSelector("#authorisation-timeline svg"))
                        .isDisplayed())
                .isTrue();
        signOut();
    }

    @Test
    void alerts_list_the_missing_authorisation_during_the_gap() {
        browser.signIn(server.token(Role.COMPLIANCE_ANALYST));
        browser.open("/#/alerts?as_of=2024-07-10");
        WebElement row = browser.waitFor(By.cssSelector("#view-alerts tr[data-id='NO_VALID_AUTHORISATION:register']"));
        assertThat(row.getText()).contains("No authorisation is valid on 2024-07-10");
        signOut();
    }

    @Test
    void an_approver_downloads_the_idle_funds_report_as_pdf() {
        browser.signIn(server.token(Role.APPROVER));
        browser.go("reports");
        browser.waitFor(By.id("download-rpt-2-pdf")).click();
        assertThat(browser.waitForText(By.id("report-status"), "Downloaded").getText())
                .startsWith("Downloaded rpt-2-");
        assertThat(browser.driver().findElements(By.id("download-rpt-4-pdf"))).isEmpty();
        signOut();
    }

    @Test
    void an_administrator_is_offered_no_report_that_holds_hits_or_the_audit_trail() {
        browser.signIn(server.token(Role.ADMIN));
        browser.go("reports");
        browser.waitFor(By.id("download-rpt-2-pdf"));
        for (String report : List.of("rpt-1", "rpt-4", "rpt-5", "rpt-9")) {
            assertThat(browser.driver().findElements(By.id("download-" + report + "-json")))
                    .as(report)
                    .isEmpty();
        }
        signOut();
    }

    @Test
    void a_payer_sees_no_report_views() {
        browser.signIn(server.token(Role.PAYER));
        List<String> menu = browser.driver().findElements(By.cssSelector("#nav a")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(menu).doesNotContain("Idle funds", "Alerts", "Reports").contains("Authorisations");
        signOut();
    }
}
