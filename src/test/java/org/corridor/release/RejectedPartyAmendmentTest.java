package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.ANALYST;
import static org.corridor.release.ReleaseScenario.CHECKER;
import static org.corridor.release.ReleaseScenario.MAKER;
import static org.corridor.release.ReleaseScenario.OPERATIONS;
import static org.corridor.release.ReleaseScenario.SENIOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.screening.Screener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request whose vendor is found listed after its whole chain was taken is REJECTED for the blocked
 * party; its agent replaces the party by an amendment, and the same request, its history kept, goes
 * through screening and the whole chain again, without a new submission.
 */
class RejectedPartyAmendmentTest {

    private static ReleaseScenario scenario;
    private static Releases releases;

    @BeforeAll
    static void setUp() {
        scenario = new ReleaseScenario().setUp();
        releases = scenario.releases;
        scenario.at("2024-07-05T09:00");
    }

    @AfterAll
    static void close() {
        scenario.close();
    }

    private static Releases.Amendment vendor(String name) {
        return new Releases.Amendment(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(ReleaseScenario.party(name, "CH")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "vendor replaced after its listing");
    }

    private static void approveAll(Release release, String authority) {
        releases.approve(MAKER, release.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        releases.approve(
                CHECKER, release.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        releases.approve(
                SENIOR,
                release.id(),
                new Releases.ApprovalInput("AUTHORITY", Optional.of(authority), Optional.empty()));
    }

    @Test
    void a_vendor_blocked_after_the_whole_chain_is_replaced_and_the_request_goes_through_again() {
        Release approved = scenario.approvedWithoutHits("DR-C-1", "AUTH-C-1");
        assertThat(approved.state()).isEqualTo("APPROVED");
        scenario.lists.set(Screener.of(List.of(
                ReleaseScenario.TEHRAN_MEDICO,
                ReleaseScenario.UNRELATED,
                ReleaseScenario.listed("DEMO-2001", "Alpenmed Pharma AG", "SDGT"))));
        Release held = releases.execute(OPERATIONS, approved.id(), LocalDate.parse("2024-07-05"));
        assertThat(held.reason()).contains("SCREENING_HIT_OPEN");
        ScreeningHit vendorHit = held.hits().stream()
                .filter(hit -> hit.partyRole().equals("VENDOR"))
                .findFirst()
                .orElseThrow();
        releases.dispose(ANALYST, vendorHit.id(), new Releases.Disposition("TRUE_MATCH", "the listed vendor"));
        Release rejected = releases.get(approved.id());
        assertThat(rejected.state()).isEqualTo("REJECTED");
        assertThat(rejected.reason()).contains("PARTY_BLOCKED");

        // Keeping the blocked vendor, or one screening still matches to the same listing, reopens nothing.
        assertThat(ReleaseScenario.code(() -> releases.amend(AGENT, approved.id(), vendor("Alpenmed Pharma AG"))))
                .isEqualTo("BLOCKED_PARTY_KEPT");
        assertThat(releases.get(approved.id()).state()).isEqualTo("REJECTED");

        releases.amend(AGENT, approved.id(), vendor("Helvetia Medical AG"));
        Release amended = releases.get(approved.id());
        assertThat(amended.state()).isEqualTo("IN_REVIEW");
        assertThat(amended.id()).isEqualTo(approved.id());
        assertThat(amended.approvals()).as("the whole chain again").isEmpty();
        assertThat(amended.rejections()).as("the RPT-5 event stays").hasSize(1);
        assertThat(amended.transitions())
                .extracting(Transition::to)
                .containsSubsequence("APPROVED", "HELD", "REJECTED", "IN_REVIEW");
        assertThat(amended.hits())
                .filteredOn(hit -> hit.id().equals(vendorHit.id()))
                .singleElement()
                .satisfies(hit -> assertThat(hit.superseded()).isTrue());

        approveAll(amended, "AUTH-C-1b");
        Release executed = releases.execute(OPERATIONS, approved.id(), LocalDate.parse("2024-07-05"));
        assertThat(executed.state()).isEqualTo("EXECUTED");
        assertThat(executed.request().vendor().name()).isEqualTo("Helvetia Medical AG");
    }

    @Test
    void a_new_vendor_that_screening_matches_waits_for_compliance_before_any_step() {
        Release approved = scenario.approvedWithoutHits("DR-C-2", "AUTH-C-2");
        scenario.lists.set(Screener.of(List.of(
                ReleaseScenario.TEHRAN_MEDICO,
                ReleaseScenario.UNRELATED,
                ReleaseScenario.listed("DEMO-2002", "Alpenmed Pharma AG", "SDGT"),
                ReleaseScenario.listed("DEMO-2003", "Basilisk Medtech AG", "SDGT"))));
        Release held = releases.execute(OPERATIONS, approved.id(), LocalDate.parse("2024-07-05"));
        ScreeningHit vendorHit = held.hits().stream()
                .filter(hit -> hit.partyRole().equals("VENDOR") && hit.state().equals("OPEN"))
                .findFirst()
                .orElseThrow();
        releases.dispose(ANALYST, vendorHit.id(), new Releases.Disposition("TRUE_MATCH", "the listed vendor"));

        releases.amend(AGENT, approved.id(), vendor("Basilisk Medtech AG"));
        Release amended = releases.get(approved.id());
        assertThat(amended.hits())
                .filteredOn(hit -> !hit.superseded() && hit.partyRole().equals("VENDOR"))
                .extracting(ScreeningHit::state)
                .containsExactly("OPEN");
        assertThat(ReleaseScenario.code(() -> releases.approve(
                        MAKER, approved.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()))))
                .isEqualTo("HITS_UNRESOLVED");
    }

    @Test
    void a_request_an_approver_rejected_is_not_reopened_by_an_amendment() {
        Release approved = scenario.approvedWithoutHits("DR-C-3", "AUTH-C-3");
        releases.reject(SENIOR, approved.id(), new Releases.RejectionInput("not this quarter"));
        assertThat(ReleaseScenario.code(() -> releases.amend(AGENT, approved.id(), vendor("Helvetia Medical AG"))))
                .isEqualTo("RELEASE_NOT_AMENDABLE");
    }
}
