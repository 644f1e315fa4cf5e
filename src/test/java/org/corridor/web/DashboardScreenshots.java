package org.corridor.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.http.HttpServer;
import org.corridor.testing.Browser;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Refreshes the screenshots of the dashboard's main views under docs/screenshots. Runs only when
 * asked: {@code mvn -B test -Dtest=DashboardScreenshots -Dcorridor.screenshots=docs/screenshots}.
 */
class DashboardScreenshots {

    @Test
    void capture_the_main_views() throws java.io.IOException {
        String target = System.getProperty("corridor.screenshots", "");
        assumeTrue(!target.isBlank(), "set -Dcorridor.screenshots=DIR to refresh the screenshots");
        assumeTrue(Browser.available(), "chromium and chromium-driver are needed");
        Path dir = Path.of(target);
        // The dashboard as the demo leaves it: the worked scenario of docs/domain.md played through the API, releases
        // included.
        Path demo = java.nio.file.Files.createTempDirectory("corridor-demo-screenshots");
        org.assertj.core.api.Assertions.assertThat(
                        org.corridor.cli.Main.run("demo", "--no-serve", "--yes", "--data-dir", demo.toString()))
                .isZero();
        try (Corridor corridor = Corridor.open(Config.fromEnvironment().withDataDir(demo));
                HttpServer server = HttpServer.start(corridor, "127.0.0.1", 0);
                Browser laptop = new Browser(server.port(), 1366, 860);
                Browser phone = new Browser(server.port(), 390, 844)) {
            String auditor = TestUsers.reissue(corridor, "aida.auditor");
            laptop.signIn(auditor);
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
            // The queue as the demo leaves it: the open hits, or the cleared ones when none is open.
            String hitState = corridor.releases()
                            .hits(java.util.Optional.of(org.corridor.release.HitState.OPEN), 1)
                            .isEmpty()
                    ? "FALSE_POSITIVE"
                    : "OPEN";
            laptop.open("/#/hits?state=" + hitState);
            laptop.waitFor(By.cssSelector("#view-hits .toolbar"));
            laptop.screenshot(dir.resolve("hits.png"));
            String executed =
                    corridor
                            .releases()
                            .list(java.util.Optional.of(org.corridor.release.RequestState.EXECUTED), 1)
                            .stream()
                            .findFirst()
                            .map(org.corridor.release.Release::reference)
                            .orElse("");
            laptop.open("/#/releases?open=" + executed);
            laptop.waitFor(By.id(executed.isEmpty() ? "view-releases" : "release-detail"));
            laptop.screenshot(dir.resolve("releases.png"));
            laptop.open("/#/alerts?as_of=2024-09-30");
            laptop.waitFor(By.cssSelector("#view-alerts table"));
            laptop.screenshot(dir.resolve("alerts.png"));
            laptop.go("reports");
            laptop.waitFor(By.id("download-rpt-1-pdf"));
            laptop.screenshot(dir.resolve("reports.png"));
            phone.signIn(auditor);
            phone.go("audit");
            phone.screenshot(dir.resolve("audit-phone.png"));
            phone.open("/#/idle-funds?as_of=2024-09-30");
            phone.waitFor(By.id("idle-total"));
            phone.screenshot(dir.resolve("idle-funds-phone.png"));
            phone.open("/#/releases?open=" + executed);
            phone.waitFor(By.id(executed.isEmpty() ? "view-releases" : "release-detail"));
            phone.screenshot(dir.resolve("releases-phone.png"));
        }
    }
}
