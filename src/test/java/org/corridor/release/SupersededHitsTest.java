package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.ANALYST;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.report.Alert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hit whose party an amendment replaced is SUPERSEDED: it has its own place in the queue, RPT-4
 * and the unfiltered queue count it, and no alert asks anyone to act on it.
 */
class SupersededHitsTest {

    private static ReleaseScenario scenario;
    private static Releases releases;
    private static Release a;

    @BeforeAll
    static void replaceTheForwarderAndTheVessel() {
        scenario = new ReleaseScenario().setUp();
        releases = scenario.releases;
        scenario.at("2024-07-05T09:00");
        a = releases.submit(AGENT, ReleaseScenario.dr0412()).parts().get(0);
        scenario.at("2024-07-08T09:00");
        ScreeningHit forwarder = releases.get(a.id()).hits().stream()
                .filter(hit -> hit.partyRole().equals("FORWARDER"))
                .findFirst()
                .orElseThrow();
        releases.dispose(ANALYST, forwarder.id(), new Releases.Disposition("TRUE_MATCH", "blocked by ownership"));
        // The vessel's hit is left undecided; the amendment replaces both the forwarder and the vessel.
        releases.amend(
                AGENT,
                a.id(),
                Releases.Amendment.ofParties(
                        Optional.of(ReleaseScenario.party("Rhine Freight Forwarding AG", "CH")),
                        Optional.of(ReleaseScenario.containerService()),
                        "new forwarder; new B/L data"));
    }

    @AfterAll
    static void close() {
        scenario.close();
    }

    private static List<String> roles(List<ScreeningHit> hits) {
        return hits.stream().map(ScreeningHit::partyRole).sorted().toList();
    }

    @Test
    void superseded_hits_have_their_own_state_in_the_queue() {
        List<ScreeningHit> superseded = releases.hits(Optional.of(HitState.SUPERSEDED), 100);
        assertThat(roles(superseded)).containsExactly("FORWARDER", "VESSEL");
        assertThat(superseded).allSatisfy(hit -> assertThat(hit.superseded()).isTrue());
        assertThat(superseded)
                .filteredOn(hit -> hit.partyRole().equals("FORWARDER"))
                .singleElement()
                .satisfies(
                        hit -> assertThat(hit.state()).as("its last decision").isEqualTo("TRUE_MATCH"));
        assertThat(releases.hits(Optional.of(HitState.TRUE_MATCH), 100)).isEmpty();
        assertThat(roles(releases.hits(Optional.of(HitState.OPEN), 100))).containsExactly("PURCHASER");
        // Unfiltered, the queue holds every hit raised, as RPT-4 counts them.
        List<ScreeningHit> all = releases.hits(Optional.empty(), 100);
        assertThat(roles(all)).containsExactly("FORWARDER", "PURCHASER", "VESSEL");
        assertThat(releases.reportRecords().hits(LocalDate.parse("2024-07-01"), LocalDate.parse("2024-09-30")))
                .hasSameSizeAs(all);
    }

    @Test
    void no_alert_asks_anyone_to_act_on_a_superseded_hit() {
        List<Alert> newHits =
                scenario.corridor.reports().alerts(LocalDate.parse("2024-07-08"), new Actor("aida", "AUDITOR")).stream()
                        .filter(alert -> alert.kind().equals("NEW_HIT_ON_OPEN_ITEM"))
                        .toList();
        assertThat(newHits)
                .singleElement()
                .satisfies(alert -> assertThat(alert.message()).startsWith("Tehran Medical Supply Co."));
    }

    @Test
    void superseded_is_no_disposition_and_a_superseded_hit_takes_none() {
        ScreeningHit vessel = releases.hits(Optional.of(HitState.SUPERSEDED), 100).stream()
                .filter(hit -> hit.partyRole().equals("VESSEL"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(
                        () -> releases.dispose(ANALYST, vessel.id(), new Releases.Disposition("SUPERSEDED", "tidy up")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> releases.dispose(ANALYST, vessel.id(), new Releases.Disposition("ESCALATED", "x")))
                .hasMessageContaining("replaced");
    }
}
