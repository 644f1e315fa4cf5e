package org.corridor.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.corridor.app.ScenarioClock;

/**
 * the worked scenario of docs/domain.md, steps 1 to 10, played through Corridor's own HTTP API by one user per role, on a
 * clock set to each step's moment. Every figure the demo reports comes back from Corridor's answers;
 * the scenario only supplies the inputs (quantities, prices, rates, dates) that 6(b) gives.
 */
final class DemoScenario extends DemoStep {

    static final Instant START = Instant.parse("2024-07-01T06:00:00Z");

    DemoScenario(DemoClient api, ScenarioClock clock, ZoneId zone, DemoNarrator narrator) {
        super(api, clock, zone, narrator);
    }

    /** Plays every step and returns the key figures as Corridor computed them. */
    Map<String, Object> play() {
        DemoSettlement settlement = new DemoSettlement(this);
        DemoReleases releases = new DemoReleases(this);
        String w19 = new DemoSetUp(this).setUp();
        settlement.june();
        settlement.deposits("2024-07-03", "June 2024", "332547930000", "73920600000");
        settlement.conversion();
        String release = releases.request();
        releases.review(release);
        releases.approvals(release);
        releases.heldByTheGap(release);
        releases.renewal(w19);
        releases.execution(release);
        settlement.laterMonths();
        new DemoFigures(this).figures();
        return figures;
    }

    /** The payment instructions the executions produced, by file name. */
    Map<String, byte[]> payments() {
        return payments;
    }

    /** The first and last day of the scenario: the period its statements cover. */
    static final String PERIOD_FROM = "2024-07-01";

    static final String PERIOD_TO = "2024-09-30";

    /**
     * The camt.053 end-of-day statements of every restricted account for the scenario's period, by
     * file name, as the auditor downloads them. Reads only: no figure of the scenario changes.
     */
    Map<String, byte[]> statements() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode account :
                api.get(DemoUser.AUDITOR, "/api/v1/restricted-accounts")) {
            String name = account.get("name").asText();
            files.put(
                    name + "-" + PERIOD_FROM + "-" + PERIOD_TO + ".camt053.xml",
                    api.getBytes(
                            DemoUser.AUDITOR,
                            "/api/v1/restricted-accounts/" + name + "/camt053?from=" + PERIOD_FROM + "&to="
                                    + PERIOD_TO));
        }
        return files;
    }

    /** Step 10: every report as JSON, RPT-1 to RPT-3 also as PDF, written under {@code reports/}. */
    Map<String, byte[]> reports() {
        return new DemoFigures(this).reports();
    }
}
