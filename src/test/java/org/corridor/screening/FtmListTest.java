package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSanctions' FollowTheMoney entity files as one more list source. */
class FtmListTest {

    @TempDir
    Path folder;

    static ListSnapshot fixture() {
        return ListReader.read(ListFormat.FTM_JSON, Fixtures.resource("opensanctions-small.ftm.json.gz"))
                .get(0);
    }

    private static ListedEntity entity(ListSnapshot snapshot, String id) {
        return snapshot.entities().stream()
                .filter(entity -> entity.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_merged_person_keeps_its_names_in_every_script_identifiers_birth_dates_and_referents() {
        ListSnapshot snapshot = fixture();

        assertThat(snapshot.list()).isEqualTo(SanctionsList.OPENSANCTIONS);
        assertThat(snapshot.publishedOn()).isEqualTo("2026-03-04");
        ListedEntity person = entity(snapshot, "NK-fixture-person-1");
        assertThat(person.type()).isEqualTo(EntityType.PERSON);
        assertThat(person.schema()).isEqualTo("Person");
        assertThat(person.names())
                .containsExactly(
                        new ListedName("Boris Ivanovich PETROVSKY", NameKind.PRIMARY),
                        new ListedName("Борис Иванович Петровский", NameKind.ORIGINAL_SCRIPT),
                        new ListedName("Boris PETROVSKII", NameKind.STRONG_ALIAS),
                        new ListedName("Borya", NameKind.WEAK_ALIAS));
        assertThat(person.birthDates()).containsExactly(PartialDate.parse("1965-04-12"), PartialDate.ofYear(1966));
        assertThat(person.birthPlaces()).containsExactly("Tula");
        assertThat(person.nationalities()).containsExactly("RU");
        assertThat(person.identifiers())
                .contains(
                        new Identifier(IdentifierType.PASSPORT, "7701234567", ""),
                        new Identifier(IdentifierType.TAX_ID, "771234567890", ""),
                        new Identifier(IdentifierType.PASSPORT, "P1234567", "RU"));
        // The entity's own id is not one of its referents.
        assertThat(person.referents()).containsExactly("us-ofac-90001", "gb-hmt-90002");
        assertThat(person.programmes()).containsExactly("RUSSIA-EO14024");
    }

    @Test
    void describing_entities_add_to_the_listed_ones_and_relationships_and_non_targets_are_not_listed() {
        ListSnapshot snapshot = fixture();

        assertThat(snapshot.entities())
                .extracting(ListedEntity::id)
                .containsExactly("NK-fixture-person-1", "NK-fixture-company-1", "NK-fixture-vessel-1");
        ListedEntity company = entity(snapshot, "NK-fixture-company-1");
        assertThat(company.type()).isEqualTo(EntityType.ORGANISATION);
        assertThat(company.schema()).isEqualTo("Company");
        assertThat(company.names())
                .extracting(ListedName::text)
                .containsExactly("Severnaya Logistika LLC", "ООО \"Северная Логистика\"", "Severtrans LLC");
        assertThat(company.identifiers())
                .containsExactly(new Identifier(IdentifierType.REGISTRATION_NUMBER, "1027700000001", ""));
        assertThat(company.addresses()).containsExactly(new Address("Ulitsa Lenina 1, Tula", "RU"));
        assertThat(company.programmes()).containsExactly("Russia-related designations");
        assertThat(company.remarks()).containsExactly("Logistics for a listed person.");
        ListedEntity vessel = entity(snapshot, "NK-fixture-vessel-1");
        assertThat(vessel.type()).isEqualTo(EntityType.VESSEL);
        assertThat(vessel.identifiers()).containsExactly(new Identifier(IdentifierType.IMO, "IMO 9000001", ""));
        assertThat(vessel.nationalities()).containsExactly("PA");
    }

    @Test
    void a_line_that_is_not_a_json_entity_is_refused_with_its_line_number() throws IOException {
        Path file = folder.resolve("entities.ftm.json");
        Files.writeString(
                file,
                "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A B\"]}}\n"
                        + "{\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"C D\"]\n",
                StandardCharsets.UTF_8);
        Path noSchema = folder.resolve("no-schema.ftm.json");
        Files.writeString(noSchema, "{\"id\": \"a\", \"properties\": {}}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ListReader.read(ListFormat.FTM_JSON, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 2: not a JSON entity");
        assertThatThrownBy(() -> ListReader.read(ListFormat.FTM_JSON, noSchema))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 1: an entity needs an id, a schema and properties");
    }

    @Test
    void a_file_without_any_target_lists_nothing_and_is_refused() throws IOException {
        Path file = folder.resolve("entities.ftm.json.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("{\"id\": \"x\", \"schema\": \"Address\", \"properties\": {\"full\": [\"1 Road\"]}}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());

        assertThatThrownBy(() -> ListReader.read(ListFormat.FTM_JSON, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("no targeted Person");
    }

    @Test
    void stored_entities_keep_referents_and_schema_and_older_stored_versions_read_back_without_them() {
        List<ListedEntity> entities = fixture().entities();

        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(entities))).isEqualTo(entities);
        ListedEntity official = Fixtures.un().entities().get(0);
        assertThat(official.referents()).isEmpty();
        assertThat(official.schema()).isEmpty();
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(List.of(official))))
                .containsExactly(official);
    }

    /** The real OpenSanctions sample of the shared data, when this machine has it (never shipped: CC BY-NC). */
    private static Optional<Path> realSample() {
        String given = System.getProperty("corridor.ftm.sample", "");
        return Stream.of(
                        given,
                        "../shared/data/sanctions/opensanctions_ftm_sample/entities.ftm.json",
                        "../../shared/data/sanctions/opensanctions_ftm_sample/entities.ftm.json")
                .filter(path -> !path.isBlank())
                .map(Path::of)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    @Test
    void the_real_opensanctions_sample_reads_with_its_merged_entities_and_cyrillic_names() {
        Optional<Path> sample = realSample();
        assumeThat(sample).as("the shared OpenSanctions sample").isPresent();

        ListSnapshot snapshot =
                ListReader.read(ListFormat.FTM_JSON, sample.get()).get(0);

        assertThat(snapshot.entities()).hasSize(14);
        assertThat(snapshot.publishedOn()).isEqualTo("2026-04-29");
        ListedEntity zakharov = entity(snapshot, "NK-aU5ybkbRFJucf8YMwsJvDw");
        assertThat(zakharov.primaryName()).isEqualTo("Alexander Vyacheslavovich ZAKHAROV");
        assertThat(zakharov.names())
                .contains(new ListedName("Александр Вячеславович Захаров", NameKind.ORIGINAL_SCRIPT));
        assertThat(zakharov.birthDates()).contains(PartialDate.parse("1965-09-21"));
        assertThat(zakharov.referents()).contains("gb-fcdo-rus2051", "ch-seco-88881");
        ListedEntity cst = entity(snapshot, "NK-abdzbEBkqyT29GyREbiURZ");
        assertThat(cst.referents()).contains("gb-hmt-15734");
        assertThat(cst.programmes()).isNotEmpty();
        Screener screener = Screener.ofSnapshots(List.of(snapshot));
        ScreeningOutcome outcome =
                screener.screen(Party.named("Aleksandr Zakharov").withType(EntityType.PERSON));
        assertThat(outcome.hits()).extracting(Hit::entityId).contains("NK-aU5ybkbRFJucf8YMwsJvDw");
    }
}
