package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Versions of the eligibility rules in the database, and decisions that record the version they used. */
class EligibilityRulesTest {

    private static final Actor REVIEWER = new Actor("rita", "COMPLIANCE_REVIEWER");
    private static final LocalDate ON = LocalDate.parse("2024-07-05");

    private Corridor corridor;
    private Eligibility eligibility;

    @BeforeEach
    void open() {
        corridor = TestCorridor.create(MutableClock.at("2024-07-05T06:00:00Z"));
        eligibility = corridor.eligibility();
    }

    @AfterEach
    void close() {
        corridor.close();
    }

    private static GoodsLine fertiliser() {
        return GoodsLine.fromText("1", "Urea", "3102.10", "100", "t", "400", "EUR", "AGRI", "DISTRIBUTOR");
    }

    @Test
    void the_shipped_rules_become_version_one_on_first_use() {
        RuleSetInfo active = eligibility.activeRules();
        assertThat(active.version()).isEqualTo(1);
        assertThat(active.name()).isEqualTo("Corridor default eligibility rules");
        assertThat(active.importedBy()).isEqualTo("system");
        assertThat(eligibility.rulesContent(1)).isEqualTo(Eligibility.defaultRulesContent());
        assertThat(eligibility.ruleVersions()).hasSize(1);
    }

    @Test
    void an_import_activates_the_next_version_and_decisions_record_the_version_they_used() {
        EligibilityResult before = eligibility.check(REVIEWER, "request:DR-1", List.of(fertiliser()), ON);
        assertThat(before.rules().version()).isEqualTo(1);
        assertThat(before.lines().get(0).decision().verdict()).isEqualTo(Verdict.ESCALATE);

        String allowFertiliser = Eligibility.defaultRulesContent()
                .replace(
                        "{\"prefix\": \"31\", \"status\": \"ESCALATE\"", "{\"prefix\": \"31\", \"status\": \"ALLOWED\"")
                .replace("\"name\": \"Corridor default eligibility rules\"", "\"name\": \"Fertilisers allowed\"");
        ImportOutcome imported = eligibility.importRules(REVIEWER, "fertilisers.json", allowFertiliser);
        assertThat(imported.created()).isTrue();
        assertThat(imported.active().version()).isEqualTo(2);
        assertThat(eligibility.activeRules().name()).isEqualTo("Fertilisers allowed");

        EligibilityResult after = eligibility.check(REVIEWER, "request:DR-2", List.of(fertiliser()), ON);
        assertThat(after.rules().version()).isEqualTo(2);
        assertThat(after.lines().get(0).decision().verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(after.versions()).containsEntry("eligibility_rules", "2");

        ImportOutcome again = eligibility.importRules(REVIEWER, "fertilisers-again.json", allowFertiliser);
        assertThat(again.created()).isFalse();
        assertThat(again.active().version()).isEqualTo(2);

        List<AuditEntry> entries = corridor.audit().list(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 100);
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly("RULES_IMPORTED", "ELIGIBILITY_CHECKED", "RULES_IMPORTED", "ELIGIBILITY_CHECKED");
        assertThat(entries.get(1).versions()).isEqualTo("{\"eligibility_rules\":\"1\"}");
        assertThat(entries.get(3).versions()).isEqualTo("{\"eligibility_rules\":\"2\"}");
        assertThat(entries.get(3).outcome()).contains("\"decision\":\"ALLOWED\"");
    }

    @Test
    void a_malformed_file_changes_nothing() {
        eligibility.activeRules();
        assertThatThrownBy(() -> eligibility.importRules(REVIEWER, "bad.json", "{\"format\": 1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.json is invalid")
                .hasMessageContaining("line 1");
        assertThat(eligibility.activeRules().version()).isEqualTo(1);
        assertThat(eligibility.ruleVersions()).hasSize(1);
    }

    @Test
    void a_byte_order_mark_is_ignored_on_import() {
        ImportOutcome outcome =
                eligibility.importRules(REVIEWER, "bom.json", "\uFEFF" + Eligibility.defaultRulesContent());
        assertThat(outcome.created()).isFalse();
        assertThat(outcome.active().version()).isEqualTo(1);
    }
}
