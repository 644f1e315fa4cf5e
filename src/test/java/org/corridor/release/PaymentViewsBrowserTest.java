package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.payments.IsoMessages;
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

/**
 * The dashboard after the pacs.008, in headless Chromium: a release's page shows its payment
 * messages and the state each left it in, and a restricted account's page downloads its camt.053.
 */
class PaymentViewsBrowserTest {

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20WithASmallList(corridor, "payment-views");
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

    private static void signIn(Role role) {
        browser.open("/");
        browser.driver().executeScript("sessionStorage.clear()");
        browser.signIn(server.token(role));
    }

    @Test
    void a_release_page_shows_its_payment_messages_and_their_states() {
        PaidReleases releases = new PaidReleases(server);
        JsonNode paid = releases.pay("DR-WEB-PAID", "100");
        ApiClient backOffice = releases.person("back-office", Role.OPERATOR);
        String settled = IsoMessages.pacs002("STS-WEB-1", PaidReleases.original(paid), "ACSC", Optional.empty());
        ApiClient.Response imported = PaidReleases.importMessage(backOffice, settled);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        signIn(Role.AUDITOR);
        browser.open("/#/releases?open=DR-WEB-PAID");
        WebElement payment = browser.waitForText(By.id("release-payment"), "STS-WEB-1");

        assertThat(payment.getText()).contains("SETTLED").contains("ACSC").contains("pacs.002");
        assertThat(browser.waitFor(By.cssSelector("#release-detail h2")).getText())
                .contains("SETTLED");
    }

    @Test
    void a_restricted_account_page_downloads_its_camt053_for_a_range() {
        signIn(Role.AUDITOR);
        browser.open("/#/accounts?open=NIGC-EUR-R&from=2024-07-01&to=2024-07-16");
        WebElement detail = browser.waitForText(By.id("account-detail"), "camt.053");
        assertThat(detail.getText()).contains("NIGC-EUR-R");

        browser.driver().findElement(By.id("download-camt053")).click();

        assertThat(browser.waitForText(By.id("statement-status"), "Downloaded").getText())
                .contains("NIGC-EUR-R-2024-07-01-2024-07-16.camt053.xml");
    }
}
