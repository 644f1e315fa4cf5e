package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.settlement.Scenario.date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeMap;
import org.corridor.app.Corridor;
import org.corridor.settlement.Scenario;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RPT-9 verified the way an examiner would, from the JSON file alone: recompute each entry's hash
 * from its fields and follow the links from the anchor. The verifier below is written from the
 * recipe in docs/reports.md, not from the audit package.
 */
class AuditExtractTest {

    /** A reader who may read every report: an auditor. */
    private static final org.corridor.audit.Actor READER = new org.corridor.audit.Actor("test", "AUDITOR");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corridor corridor;

    @BeforeEach
    void start() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        new Scenario(corridor).waivers().accounts().openingBalances();
    }

    @AfterEach
    void stop() {
        corridor.close();
    }

    private JsonNode extract() throws Exception {
        ReportDocument report =
                corridor.reports().report(ReportName.RPT_9, date("2026-01-15"), date("2026-01-15"), READER);
        return JSON.readTree(ReportRenderer.render(report, ReportFormat.JSON));
    }

    private static JsonNode section(JsonNode extract, String title) {
        for (JsonNode section : extract.get("sections")) {
            if (section.get("title").asText().equals(title)) {
                return section;
            }
        }
        throw new AssertionError("no section " + title);
    }

    /** The first entry whose hash or link does not hold, or empty when the extract verifies. */
    static Optional<Long> firstBroken(JsonNode extract) throws Exception {
        String previous = section(extract, "Extract")
                .get("figures")
                .get("anchor_previous_hash")
                .asText();
        for (JsonNode row : section(extract, "Audit entries").get("rows")) {
            TreeMap<String, Object> hashed = new TreeMap<>();
            Iterator<String> names = row.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals("hash")) {
                    hashed.put(name, row.get(name).asText());
                }
            }
            long seq = Long.parseLong(row.get("seq").asText());
            hashed.put("seq", seq);
            byte[] canonical = JSON.writeValueAsString(hashed).getBytes(StandardCharsets.UTF_8);
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            if (!row.get("previous_hash").asText().equals(previous)
                    || !hash.equals(row.get("hash").asText())) {
                return Optional.of(seq);
            }
            previous = hash;
        }
        return Optional.empty();
    }

    @Test
    void an_extract_verifies_offline_from_its_anchor() throws Exception {
        JsonNode extract = extract();
        JsonNode rows = section(extract, "Audit entries").get("rows");
        assertThat(rows.size()).isGreaterThanOrEqualTo(5);
        assertThat(rows.get(0).get("seq").asText()).isEqualTo("1");
        assertThat(section(extract, "Extract")
                        .get("figures")
                        .get("anchor_previous_hash")
                        .asText())
                .isEqualTo("0".repeat(64));
        assertThat(section(extract, "Extract")
                        .get("figures")
                        .get("whole_chain_at_generation")
                        .asText())
                .startsWith("INTACT");
        assertThat(firstBroken(extract)).isEmpty();
    }

    @Test
    void a_changed_field_in_the_file_is_detected_at_its_entry() throws Exception {
        JsonNode extract = extract();
        ObjectNode third =
                (ObjectNode) section(extract, "Audit entries").get("rows").get(2);
        third.put("actor", "mallory");
        assertThat(firstBroken(extract)).contains(3L);
    }

    @Test
    void a_removed_entry_breaks_the_link_of_the_next_one() throws Exception {
        JsonNode extract = extract();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        section(extract, "Audit entries").get("rows"))
                .remove(1);
        assertThat(firstBroken(extract)).contains(3L);
    }

    @Test
    void a_rewritten_database_row_shows_in_the_extract() throws Exception {
        String url = corridor.database().pool().getJdbcUrl();
        try (Connection connection = TestDatabase.superuser(url);
                Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_entry disable trigger user");
            statement.execute("update audit_entry set outcome = '{\"status\":\"FORGED\"}' where seq = 2");
            statement.execute("alter table audit_entry enable trigger user");
        }
        JsonNode extract = extract();
        assertThat(section(extract, "Extract")
                        .get("figures")
                        .get("whole_chain_at_generation")
                        .asText())
                .startsWith("BROKEN at entry 2");
        assertThat(firstBroken(extract)).contains(2L);
    }

    @Test
    void the_extract_carries_a_signed_checkpoint_that_later_finds_the_chain_cut_short() throws Exception {
        JsonNode figures = section(extract(), "Signed checkpoints").get("figures");
        assertThat(figures.get("public_key_ed25519").asText()).isNotBlank();
        assertThat(figures.get("inside_extract").asText()).isNotBlank();
        String latest = figures.get("latest").asText();
        long signed = JSON.readTree(latest).get("seq").asLong();
        assertThat(signed).isGreaterThanOrEqualTo(5);

        // The examiner keeps the checkpoint; the checkpoint file goes, and the chain's end with it.
        java.nio.file.Path kept = java.nio.file.Files.createTempFile("rpt9-checkpoint", ".json");
        java.nio.file.Files.writeString(kept, latest);
        java.nio.file.Files.delete(corridor.config()
                .safeguards()
                .auditCheckpointsIn(corridor.config().dataDir()));
        try (Connection connection =
                        TestDatabase.superuser(corridor.database().pool().getJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("delete from audit_entry where seq > " + (signed - 2));
        }
        assertThat(corridor.audit().checkpoints().verify(Optional.of(kept)).findings())
                .extracting(org.corridor.audit.Finding::code)
                .containsExactly("CHAIN_TRUNCATED");
    }
}
