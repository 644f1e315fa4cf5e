package org.corridor.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.corridor.identity.Role;
import org.corridor.report.ReportScenario;
import org.corridor.testing.Browser;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Refreshes the screenshots of the dashboard's main views under docs/screenshots. Runs only when
 * asked: {@code mvn -B test -Dtest=DashboardScreenshots -Dcorridor.screenshots=docs/screenshots}.
 */
class DashboardScreenshots {

    @Test
    void capture_the_main_views() {
        String target = System.getProperty("corridor.screenshots", "");
        assumeTrue(!target.isBlank(), "set -Dcorridor.screenshots=DIR to refresh the screenshots");
        assumeTrue(Browser.available(), "chromium and chromium-driver are needed");
        Path dir = Path.of(target);
        try (TestServer server = TestServer.start();
                Browser laptop = new Browser(server.port(), 1366, 860);
                Browser phone = new Browser(server.port(), 390, 844)) {
            // The worked scenario of domain.md 6(b), so that the report views show its figures.
            new ReportScenario(server.corridor()).all();
            laptop.signIn(server.token(Role.AUDITOR));
            laptop.go("overview");
            laptop.screenshot(dir.resolve("overview.png"));
            laptop.go("audit");
            laptop.screenshot(dir.resolve("audit.png"));
            laptop.open("/#/idle-funds?as_of=2024-09-30");
            laptop.waitFor(By.id("idle-total"));
            laptop.screenshot(dir.resolve("idle-funds.png"));
            laptop.go("authorisations");
            laptop.waitFor(By.id("authorisation-timeline"));
            laptop.screenshot(dir.resolve("authorisations.png"));
            laptop.open("/#/alerts?as_of=2024-09-30");
            laptop.waitFor(By.cssSelector("#view-alerts table"));
            laptop.screenshot(dir.resolve("alerts.png"));
            laptop.go("reports");
            laptop.waitFor(By.id("download-rpt-1-pdf"));
            laptop.screenshot(dir.resolve("reports.png"));
            phone.signIn(server.token(Role.AUDITOR));
            phone.go("audit");
            phone.screenshot(dir.resolve("audit-phone.png"));
            phone.open("/#/idle-funds?as_of=2024-09-30");
            phone.waitFor(By.id("idle-total"));
            phone.screenshot(dir.resolve("idle-funds-phone.png"));
        }
    }
}
