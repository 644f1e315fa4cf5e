package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.release.ReleaseScenario.AGENT;
import static org.corridor.release.ReleaseScenario.REVIEWER;

import java.time.Instant;
import java.time.LocalDate;
import org.corridor.audit.AuditEntry;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.money.Currency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The "-B" part held for a specific licence goes on by itself once such a licence covers it: at
 * once when it is registered in force, or on the timed work's next pass when it comes into force
 * later; another kind of authorisation moves nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicensedPartsTest {

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

    private static NewAuthorisation.Builder licence(String reference, AuthorisationType type, LocalDate from) {
        return NewAuthorisation.builder(reference, type)
                .issuer("OFAC")
                .legalBasis("licence for one 128-slice CT scanner for the Ministry of Health")
                .valid(from, LocalDate.parse("2024-12-31"))
                .purposes(Category.DEVICE)
                .movements(MovementKind.DISBURSEMENT)
                .currencies(Currency.EUR)
                .locations("OM")
                .conditions("one CT scanner");
    }

    @Test
    @Order(1)
    void the_part_held_for_a_licence_goes_on_when_a_specific_licence_covers_it() {
        Instant started = scenario.clock.instant();
        releases.submit(AGENT, ReleaseScenario.dr0412());
        Release b = releases.byReference("DR-2024-0412-B");
        assertThat(b.reason()).contains("SPECIFIC_LICENCE_REQUIRED");

        // A general licence is no specific licence; one not yet in force covers nothing today.
        scenario.corridor
                .authorisations()
                .register(
                        REVIEWER,
                        licence("GL-DEV-1", AuthorisationType.GENERAL_LICENCE, LocalDate.parse("2024-07-01"))
                                .build());
        scenario.corridor
                .authorisations()
                .register(
                        REVIEWER,
                        licence("SL-CT-1", AuthorisationType.SPECIFIC_LICENCE, LocalDate.parse("2024-07-06"))
                                .build());
        assertThat(releases.get(b.id()).state()).isEqualTo("HELD");
        releases.scheduledExecutions().runDue();
        assertThat(releases.get(b.id()).state()).isEqualTo("HELD");

        scenario.at("2024-07-06T09:00");
        releases.scheduledExecutions().runDue();
        Release resumed = releases.get(b.id());
        assertThat(resumed.state()).isEqualTo("IN_REVIEW");
        assertThat(resumed.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.decision()).isEqualTo("ALLOWED"));
        // Its chain is the policy's for its amount under the licence that now covers it.
        assertThat(resumed.requiredSteps()).contains("MAKER", "COMPLIANCE");
        assertThat(resumed.hits()).as("screened once it goes on").isNotEmpty();
        assertThat(releases.lineResolutions(b.id())).singleElement().satisfies(resolution -> {
            assertThat(resolution.actor()).isEqualTo("system");
            assertThat(resolution.rationale()).contains("SL-CT-1");
        });
        assertThat(scenario.corridor.audit().list(started.minusSeconds(1), started.plusSeconds(7 * 86_400), 0, 10_000))
                .filteredOn(entry -> entry.action().equals("RELEASE_LICENCE_RESUMED"))
                .singleElement()
                .extracting(AuditEntry::command)
                .asString()
                .contains("SL-CT-1");
    }

    @Test
    @Order(2)
    void a_specific_licence_registered_in_force_resumes_the_part_at_once() {
        NewRequest request = EscalatedLinesTest.request("DR-L-2", EscalatedLinesTest.ctScanner());
        Release held = releases.submit(AGENT, request).request();
        assertThat(held.reason()).contains("SPECIFIC_LICENCE_REQUIRED");
        scenario.corridor
                .authorisations()
                .register(
                        REVIEWER,
                        licence(
                                        "SL-CT-2",
                                        AuthorisationType.SPECIFIC_LICENCE,
                                        scenario.corridor.authorisations().today())
                                .build());
        assertThat(releases.get(held.id()).state()).isNotEqualTo("HELD");
    }
}
