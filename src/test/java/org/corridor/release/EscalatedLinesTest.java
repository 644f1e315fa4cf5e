package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.ANALYST;
import static org.corridor.release.ReleaseScenario.CHECKER;
import static org.corridor.release.ReleaseScenario.MAKER;
import static org.corridor.release.ReleaseScenario.OPERATIONS;
import static org.corridor.release.ReleaseScenario.REVIEWER;
import static org.corridor.release.ReleaseScenario.SECOND_REVIEWER;
import static org.corridor.release.ReleaseScenario.SENIOR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.ForbiddenException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A goods line escalated by eligibility (end-use quantities that do not add up) is no dead end: the
 * compliance roles resolve it with a rationale (four eyes to let it go ahead, one person to deny it),
 * or split it off into a request of its own, and the rest of the request goes on.
 */
class EscalatedLinesTest {

    private static final Actor SECOND_ANALYST = new Actor("anna", "COMPLIANCE_ANALYST");

    private static ReleaseScenario scenario;
    private static Releases releases;
    private static Instant started;

    @BeforeAll
    static void setUp() {
        scenario = new ReleaseScenario().setUp();
        releases = scenario.releases;
        scenario.at("2024-07-05T09:00");
        started = scenario.clock.instant();
    }

    @AfterAll
    static void close() {
        scenario.close();
    }

    /** 1,000 insulin pens at EUR 6.80 of which the end users receive only 900: escalated, END_USE_QUANTITY_MISMATCH. */
    static NewRequest.LineInput mismatchedInsulin(String number) {
        return ReleaseScenario.line(
                number,
                "Insulin glargine pre-filled pens",
                "3004.31",
                "1000",
                "pen",
                "6.80",
                "MEDICINE",
                List.of(ReleaseScenario.use("Ministry of Health hospitals", "HOSPITAL", "900")));
    }

    /** The worked scenario's CT scanner, its line 4: it needs a specific licence. */
    static NewRequest.LineInput ctScanner() {
        return ReleaseScenario.dr0412().lines().get(3);
    }

    static NewRequest request(String reference, NewRequest.LineInput... lines) {
        NewRequest base =
                ReleaseScenario.request(reference, ReleaseScenario.party("Alpenmed Pharma AG", "CH"), Optional.empty());
        return new NewRequest(
                reference,
                base.holder(),
                base.payFrom(),
                base.purchaser(),
                base.endUsers(),
                base.vendor(),
                base.vendorAccount(),
                Optional.empty(),
                List.of(lines),
                base.incoterm(),
                ReleaseScenario.containerService(),
                Optional.empty(),
                Optional.empty());
    }

    private static Releases.LineResolutionInput allow(String why) {
        return new Releases.LineResolutionInput("ALLOW", why);
    }

    private static List<AuditEntry> audited(String action, String reference) {
        return scenario
                .corridor
                .audit()
                .list(started.minusSeconds(1), started.plusSeconds(86_400 * 30), 0, 10_000)
                .stream()
                .filter(entry ->
                        entry.action().equals(action) && entry.subject().equals("release:" + reference))
                .toList();
    }

    @Test
    void a_request_held_whole_for_an_escalated_line_is_resolved_with_four_eyes_and_goes_on_to_execution() {
        Release held = releases.submit(AGENT, request("DR-E-1", mismatchedInsulin("1")))
                .request();
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("LINE_ESCALATED");
        assertThat(held.hits()).as("not screened while held").isEmpty();

        // Neither operations nor administration decide goods; nor does whoever submitted the request.
        assertThatThrownBy(() -> releases.resolveLine(MAKER, held.id(), "1", allow("fine")))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("compliance");
        assertThatThrownBy(() -> releases.resolveLine(new Actor("ada", "ADMIN"), held.id(), "1", allow("fine")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> releases.resolveLine(
                        new Actor(AGENT.name(), "COMPLIANCE_REVIEWER"), held.id(), "1", allow("mine")))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("SUBMITTER_RESOLVES_NO_LINE");
        assertThatThrownBy(() -> releases.resolveLine(ANALYST, held.id(), "1", allow(" ")))
                .hasMessageContaining("rationale");

        // The first ALLOW is a proposal; the same person, or an analyst, cannot confirm it.
        Release proposed = releases.resolveLine(ANALYST, held.id(), "1", allow("end-use statement covers 1,000 pens"));
        assertThat(proposed.state()).isEqualTo("HELD");
        assertThatThrownBy(() -> releases.resolveLine(ANALYST, held.id(), "1", allow("again")))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("SAME_PERSON_TWO_DECISIONS");
        assertThatThrownBy(() -> releases.resolveLine(SECOND_ANALYST, held.id(), "1", allow("agree")))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("COMPLIANCE_REVIEWER");

        Release resolved = releases.resolveLine(REVIEWER, held.id(), "1", allow("confirmed with the hospital"));
        assertThat(resolved.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.decision()).isEqualTo("ALLOWED"));
        assertThat(resolved.amount()).isEqualTo(Money.parse("6800.00", ReleaseScenario.EUR));
        assertThat(resolved.state()).isEqualTo("IN_REVIEW");
        assertThat(resolved.hits()).as("screened once it goes on").isNotEmpty();
        assertThat(releases.lineResolutions(held.id()))
                .extracting(LineResolution::decision)
                .containsExactly("ALLOW_PROPOSED", "ALLOWED");
        assertThat(audited("RELEASE_LINE_RESOLVED", "DR-E-1")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(REVIEWER.name());
            assertThat(entry.command()).contains("confirmed with the hospital");
        });

        for (ScreeningHit hit : resolved.hits()) {
            releases.dispose(ANALYST, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "different entity"));
            releases.dispose(SECOND_REVIEWER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "confirmed"));
        }
        releases.approve(MAKER, held.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        releases.approve(
                CHECKER, held.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        releases.approve(
                SENIOR, held.id(), new Releases.ApprovalInput("AUTHORITY", Optional.of("AUTH-E-1"), Optional.empty()));
        Release executed = releases.execute(OPERATIONS, held.id(), LocalDate.parse("2024-07-05"));
        assertThat(executed.state()).isEqualTo("EXECUTED");
    }

    @Test
    void a_denied_line_is_removed_at_once_and_the_rest_of_the_request_goes_on() {
        Release held = releases.submit(AGENT, request("DR-E-2", mismatchedInsulin("1"), mismatchedInsulin("2")))
                .request();
        assertThat(held.state()).isEqualTo("HELD");
        Release one = releases.resolveLine(
                ANALYST, held.id(), "1", new Releases.LineResolutionInput("DENY", "no end-use statement"));
        assertThat(one.state()).isEqualTo("HELD");
        assertThat(one.removed()).extracting(RemovedPart::reason).contains("DENIED_BY_COMPLIANCE");
        assertThat(one.lines()).extracting(ReleaseLine::line).containsExactly("2");
        releases.resolveLine(ANALYST, held.id(), "2", allow("statement received"));
        Release going = releases.resolveLine(REVIEWER, held.id(), "2", allow("checked"));
        assertThat(going.state()).isEqualTo("IN_REVIEW");
        assertThat(going.amount()).isEqualTo(Money.parse("6800.00", ReleaseScenario.EUR));
        assertThat(ReleaseScenario.code(() -> releases.resolveLine(REVIEWER, held.id(), "2", allow("twice"))))
                .isEqualTo("LINE_NOT_ESCALATED");
    }

    @Test
    void a_line_held_for_a_licence_is_split_off_and_the_resolved_rest_goes_on() {
        Release held = releases.submit(AGENT, request("DR-E-3", mismatchedInsulin("1"), ctScanner()))
                .request();
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).contains("SPECIFIC_LICENCE_REQUIRED");
        Money original = held.amount();
        // Compliance does not license goods: a licence line is never allowed by a person.
        assertThat(ReleaseScenario.code(() -> releases.resolveLine(ANALYST, held.id(), "4", allow("urgent"))))
                .isEqualTo("LICENCE_REQUIRED");
        releases.resolveLine(ANALYST, held.id(), "1", allow("statement received"));
        assertThat(releases.resolveLine(REVIEWER, held.id(), "1", allow("checked"))
                        .state())
                .as("still waits for the licence line")
                .isEqualTo("HELD");

        assertThatThrownBy(() -> releases.splitLine(MAKER, held.id(), "4", new Releases.LineSplitInput("split")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(ReleaseScenario.code(
                        () -> releases.splitLine(ANALYST, held.id(), "1", new Releases.LineSplitInput("split"))))
                .as("only an escalated line is split off")
                .isEqualTo("LINE_NOT_ESCALATED");
        Release rest = releases.splitLine(ANALYST, held.id(), "4", new Releases.LineSplitInput("licence applied for"));
        assertThat(rest.state()).isEqualTo("IN_REVIEW");
        assertThat(rest.amount()).isEqualTo(Money.parse("6800.00", ReleaseScenario.EUR));
        Release split = releases.byReference("DR-E-3-L4");
        assertThat(split.state()).isEqualTo("HELD");
        assertThat(split.reason()).contains("SPECIFIC_LICENCE_REQUIRED");
        assertThat(split.parentReference()).contains("DR-E-3");
        assertThat(split.submittedBy()).as("the submitter stays who it was").isEqualTo(AGENT.name());
        assertThat(split.requiredSteps()).containsAll(held.requiredSteps());
        assertThat(split.amount().plus(rest.amount()))
                .as("a split never raises the total")
                .isEqualTo(original);
        assertThat(audited("RELEASE_LINE_SPLIT", "DR-E-3"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.command()).contains("licence applied for"));
        // The only line of a request is not split off: there would be nothing left.
        assertThat(ReleaseScenario.code(
                        () -> releases.splitLine(ANALYST, split.id(), "4", new Releases.LineSplitInput("again"))))
                .isEqualTo("LINE_SPLIT_NOTHING_LEFT");
    }

    @Test
    void the_approvable_lines_of_a_request_with_an_escalated_line_go_on_while_the_line_waits() {
        Release parent = releases.submit(
                        AGENT,
                        request(
                                "DR-E-4",
                                ReleaseScenario.line(
                                        "1",
                                        "Imatinib 400 mg tablets (oncology)",
                                        "3004.90",
                                        "100",
                                        "pack",
                                        "25.00",
                                        "MEDICINE",
                                        List.of(ReleaseScenario.use(
                                                "Ministry of Health hospitals", "HOSPITAL", "100"))),
                                mismatchedInsulin("2")))
                .request();
        Release a = releases.byReference("DR-E-4-A");
        Release b = releases.byReference("DR-E-4-B");
        assertThat(parent.state()).isEqualTo("SPLIT");
        assertThat(a.state()).isEqualTo("IN_REVIEW");
        assertThat(b.reason()).contains("LINE_ESCALATED");
        Release denied = releases.resolveLine(ANALYST, b.id(), "2", new Releases.LineResolutionInput("DENY", "no"));
        assertThat(denied.state()).isEqualTo("REJECTED");
        assertThat(denied.reason()).contains("NOTHING_ELIGIBLE");
    }
}
