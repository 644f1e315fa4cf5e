package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.ANALYST;
import static org.corridor.release.ReleaseScenario.MAKER;
import static org.corridor.release.ReleaseScenario.REVIEWER;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.report.Alert;
import org.corridor.report.ReleaseRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * RPT-5's "report due" alert of a rejected party: it says "overdue since" once late, and compliance
 * clears it by recording that the report was filed (who, when, the reference); nobody else can.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RejectionReportFilingTest {

    private static final Actor READER = new Actor("aida", "AUDITOR");

    private static ReleaseScenario scenario;
    private static Releases releases;
    private static String event;

    @BeforeAll
    static void rejectTheForwarder() {
        scenario = new ReleaseScenario().setUp();
        releases = scenario.releases;
        scenario.at("2024-07-05T09:00");
        Release a = releases.submit(AGENT, ReleaseScenario.dr0412()).parts().get(0);
        scenario.at("2024-07-08T09:00");
        ScreeningHit forwarder = releases.get(a.id()).hits().stream()
                .filter(hit -> hit.partyRole().equals("FORWARDER"))
                .findFirst()
                .orElseThrow();
        releases.dispose(ANALYST, forwarder.id(), new Releases.Disposition("TRUE_MATCH", "blocked by ownership"));
        event = releases.reportRecords().rejections(date("2024-07-01"), date("2024-07-31")).stream()
                .filter(e -> e.party().equals("Gulf Star Logistics FZE"))
                .map(ReleaseRecords.RejectedEvent::eventId)
                .findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void close() {
        scenario.close();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static List<Alert> reportDue(String asOf) {
        return scenario.corridor.reports().alerts(date(asOf), READER).stream()
                .filter(alert -> alert.kind().equals("REJECTION_REPORT_DUE"))
                .filter(alert -> alert.message().contains(event + " "))
                .toList();
    }

    @Test
    @Order(1)
    void the_alert_says_due_on_before_the_deadline_and_overdue_since_after_it() {
        assertThat(reportDue("2024-07-20")).singleElement().satisfies(alert -> {
            assertThat(alert.message()).contains("is due on 2024-07-22").doesNotContain("overdue");
            assertThat(alert.severity()).isEqualTo("warn");
        });
        assertThat(reportDue("2024-09-30")).singleElement().satisfies(alert -> {
            assertThat(alert.message())
                    .contains("was due on 2024-07-22, overdue since 2024-07-23 (70 days)")
                    .doesNotContain("is due on");
            assertThat(alert.severity()).isEqualTo("bad");
        });
    }

    @Test
    @Order(2)
    void only_compliance_files_a_report_once_and_the_filing_clears_the_alert() {
        Releases.ReportFilingInput input =
                new Releases.ReportFilingInput("OFAC-RPT-2024-118", Optional.of(date("2024-07-23")));
        scenario.at("2024-07-25T10:00");
        // Attacks: operations, the agent and an approver cannot clear a compliance alert by "filing".
        for (Actor outsider : List.of(MAKER, AGENT, new Actor("carla", "APPROVER"), new Actor("root", "ADMIN"))) {
            assertThatThrownBy(() -> releases.fileReport(outsider, event, input))
                    .as(outsider.role())
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("COMPLIANCE_ANALYST or a COMPLIANCE_REVIEWER");
        }
        assertThatThrownBy(() -> releases.fileReport(ANALYST, "REJ-999999", input))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> releases.fileReport(
                        ANALYST, event, new Releases.ReportFilingInput("X", Optional.of(date("2024-07-26")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("after 2024-07-25");
        assertThatThrownBy(() -> releases.fileReport(
                        ANALYST, event, new Releases.ReportFilingInput("X", Optional.of(date("2024-07-01")))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(reportDue("2024-07-25")).hasSize(1);

        ReportFiling filing = releases.fileReport(REVIEWER, event, input);

        assertThat(filing.filedBy()).isEqualTo("rita");
        assertThat(filing.filedRole()).isEqualTo("COMPLIANCE_REVIEWER");
        assertThat(filing.filedOn()).isEqualTo(date("2024-07-23"));
        assertThat(filing.reference()).isEqualTo("OFAC-RPT-2024-118");
        assertThat(reportDue("2024-07-25")).as("cleared once filed").isEmpty();
        assertThat(reportDue("2024-09-30")).isEmpty();
        assertThat(reportDue("2024-07-22"))
                .as("as of a day before the filing it was still due")
                .hasSize(1);
        assertThat(releases.reportRecords().rejections(date("2024-07-01"), date("2024-07-31")).stream()
                        .filter(e -> e.eventId().equals(event)))
                .singleElement()
                .satisfies(e -> assertThat(e.reportedOn()).contains(date("2024-07-23")));
        assertThat(releases.reportFilings()).containsExactly(filing);
        assertThatThrownBy(() -> releases.fileReport(ANALYST, event, input))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("filed on 2024-07-23 under OFAC-RPT-2024-118 by rita");
    }
}
