package org.corridor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.Browser;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The dashboard in headless Chromium against the real server. */
class DashboardBrowserTest {

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        server = TestServer.start();
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

    @Test
    void a_bad_token_is_refused_at_sign_in() {
        browser.open("/");
        browser.driver().executeScript("sessionStorage.clear()");
        browser.open("/");
        browser.waitFor(By.id("token")).sendKeys("cor_" + "x".repeat(43));
        browser.driver().findElement(By.id("signin-button")).click();
        assertThat(browser.waitForText(By.id("signin-error"), "not accepted").getText())
                .contains("not accepted");
    }

    @Test
    void the_menu_shows_only_what_the_role_may_use() {
        browser.signIn(server.token(Role.AUDITOR));
        assertThat(menu()).contains("Overview", "Audit trail").doesNotContain("Users");
        browser.driver().findElement(By.id("signout")).click();
        browser.signIn(server.token(Role.ADMIN));
        assertThat(menu()).contains("Overview", "Users").doesNotContain("Audit trail");
        browser.driver().findElement(By.id("signout")).click();
    }

    @Test
    void an_auditor_sees_the_audit_chain_verified() {
        browser.signIn(server.token(Role.AUDITOR));
        browser.go("audit");
        WebElement verification = browser.waitFor(By.id("audit-verification"));
        ApiClient.Response api = server.as(Role.AUDITOR).get("/api/v1/audit/verify");
        assertThat(verification.getText())
                .isEqualTo("Hash chain intact: "
                        + api.json().get("entries_checked").asLong() + " entries");
        browser.driver().findElement(By.id("signout")).click();
    }

    @Test
    void a_stale_sanctions_list_is_named_in_a_banner_on_every_page() {
        org.corridor.screening.ListedEntity listed = new org.corridor.screening.ListedEntity(
                org.corridor.screening.SanctionsList.UN,
                "B1",
                org.corridor.screening.EntityType.PERSON,
                java.util.List.of(new org.corridor.screening.ListedName(
                        "Banner Testperson", org.corridor.screening.NameKind.PRIMARY)),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of("TEST"),
                java.util.List.of());
        server.corridor()
                .screening()
                .importSnapshot(
                        new org.corridor.audit.Actor("admin", "ADMIN"),
                        new org.corridor.screening.ListSnapshot(
                                org.corridor.screening.SanctionsList.UN,
                                "2020-01-01",
                                "b".repeat(64),
                                java.util.List.of(listed)),
                        "an old file");

        browser.signIn(server.token(Role.AUDITOR));

        assertThat(browser.waitForText(By.id("list-warnings"), "LIST_STALE UN").getText())
                .contains("Sanctions lists need attention")
                .contains("2020-01-01");
        browser.driver().findElement(By.id("signout")).click();
    }

    @Test
    void the_page_loads_nothing_from_elsewhere() {
        browser.open("/");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>)
                browser.driver().executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:" + server.port() + "/"));
    }

    private static List<String> menu() {
        return browser.driver().findElements(By.cssSelector("#nav a")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
