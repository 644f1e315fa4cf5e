package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped snapshot parses into the counts its provenance promises, with the details intact. */
class ShippedListsTest {

    private static Map<SanctionsList, ListSnapshot> lists;

    @BeforeAll
    static void load() {
        lists = ShippedLists.load().stream().collect(Collectors.toMap(ListSnapshot::list, Function.identity()));
    }

    private static ListedEntity entity(SanctionsList list, String id) {
        return lists.get(list).entities().stream()
                .filter(entity -> entity.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static long count(SanctionsList list, EntityType type) {
        return lists.get(list).entities().stream().filter(e -> e.type() == type).count();
    }

    @Test
    void ofac_sdn_has_every_entity_of_2024_05_03() {
        ListSnapshot sdn = lists.get(SanctionsList.OFAC_SDN);

        assertThat(sdn.size()).isEqualTo(14_965);
        assertThat(count(SanctionsList.OFAC_SDN, EntityType.PERSON)).isEqualTo(6_854);
        assertThat(count(SanctionsList.OFAC_SDN, EntityType.ORGANISATION)).isEqualTo(6_884);
        assertThat(count(SanctionsList.OFAC_SDN, EntityType.VESSEL)).isEqualTo(851);
        assertThat(count(SanctionsList.OFAC_SDN, EntityType.AIRCRAFT)).isEqualTo(376);
        assertThat(sdn.publishedOn()).isEqualTo("2024-05-03");
        assertThat(sdn.sourceSha256()).isEqualTo("210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb");
    }

    @Test
    void ofac_remarks_give_birth_date_nationality_documents_and_programmes() {
        ListedEntity soleimani = entity(SanctionsList.OFAC_SDN, "10481");

        assertThat(soleimani.primaryName()).isEqualTo("SOLEIMANI, Qasem");
        assertThat(soleimani.type()).isEqualTo(EntityType.PERSON);
        assertThat(soleimani.birthDates()).containsExactly(new PartialDate(1957, 3, 11));
        assertThat(soleimani.birthPlaces()).containsExactly("Qom, Iran");
        assertThat(soleimani.nationalities()).containsExactly("IR");
        assertThat(soleimani.programmes()).containsExactly("SDGT", "SYRIA", "NPWMD", "IRGC", "IFSR");
        assertThat(soleimani.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "008827", "IR"));
    }

    @Test
    void ofac_vessels_carry_imo_numbers_flags_and_former_names() {
        ListedEntity ebano = entity(SanctionsList.OFAC_SDN, "4243");

        assertThat(ebano.type()).isEqualTo(EntityType.VESSEL);
        assertThat(ebano.identifiers()).contains(Identifier.of(IdentifierType.IMO, "7406784"));
        assertThat(ebano.nationalities()).containsExactly("PA");
        assertThat(ebano.names()).extracting(ListedName::text).containsExactly("EBANO", "ANA I", "SAND SWAN");
    }

    @Test
    void ofac_remark_akas_are_weak_aliases() {
        ListedEntity bank = entity(SanctionsList.OFAC_SDN, "306");

        assertThat(bank.names()).contains(new ListedName("BNC", NameKind.WEAK_ALIAS));
    }

    @Test
    void ofac_non_sdn_joins_aliases_and_addresses() {
        ListedEntity haniya = entity(SanctionsList.OFAC_NON_SDN, "9639");

        assertThat(lists.get(SanctionsList.OFAC_NON_SDN).size()).isEqualTo(442);
        assertThat(haniya.names())
                .extracting(ListedName::text)
                .containsExactly("HANIYA, Ismail Abdul Salah", "HANIYA, Ismail", "HANIYYA, Ismaeel");
        assertThat(haniya.birthDates()).containsExactly(PartialDate.ofYear(1962));
    }

    @Test
    void un_list_has_individuals_entities_and_original_script_names() {
        ListSnapshot un = lists.get(SanctionsList.UN);
        ListedEntity saddam = entity(SanctionsList.UN, "6908048");

        assertThat(un.size()).isEqualTo(1_003);
        assertThat(count(SanctionsList.UN, EntityType.PERSON)).isEqualTo(730);
        assertThat(un.publishedOn()).isEqualTo("2026-02-27");
        assertThat(saddam.primaryName()).isEqualTo("SADDAM HUSSEIN AL-TIKRITI");
        assertThat(saddam.names()).contains(new ListedName("صدام حسين التكريتي", NameKind.ORIGINAL_SCRIPT));
        assertThat(saddam.names()).contains(new ListedName("Abu Ali", NameKind.WEAK_ALIAS));
        assertThat(saddam.birthDates()).containsExactly(new PartialDate(1937, 4, 28));
        assertThat(saddam.nationalities()).containsExactly("IQ");
        assertThat(saddam.programmes()).containsExactly("Iraq");
    }

    @Test
    void un_original_script_names_are_mostly_arabic() {
        long originalScript = lists.get(SanctionsList.UN).entities().stream()
                .filter(e -> e.names().stream().anyMatch(n -> n.kind() == NameKind.ORIGINAL_SCRIPT))
                .count();

        assertThat(originalScript).isGreaterThan(330);
    }

    @Test
    void uk_rows_are_joined_by_group_id() {
        ListedEntity group = entity(SanctionsList.UK, "13349");

        assertThat(lists.get(SanctionsList.UK).size()).isEqualTo(2_106);
        assertThat(count(SanctionsList.UK, EntityType.PERSON)).isEqualTo(1_426);
        assertThat(lists.get(SanctionsList.UK).publishedOn()).isEqualTo("2018-04-13");
        assertThat(group.names())
                .extracting(ListedName::text)
                .contains("AL-QAHTANI, Sheikh Farooq", "AL-QATARI, Faruq");
        assertThat(group.birthDates()).containsExactly(PartialDate.ofYear(1980), PartialDate.ofYear(1981));
        assertThat(group.nationalities()).containsExactly("SA", "QA");
    }

    @Test
    void eu_sample_reads_the_old_layout() {
        ListSnapshot eu = lists.get(SanctionsList.EU);
        ListedEntity mugabe = entity(SanctionsList.EU, "1");

        assertThat(eu.size()).isEqualTo(93);
        assertThat(eu.publishedOn()).isEqualTo("2018-07-04");
        assertThat(mugabe.primaryName()).isEqualTo("Robert Gabriel Mugabe");
        assertThat(mugabe.birthDates()).containsExactly(new PartialDate(1924, 2, 21));
        assertThat(mugabe.identifiers()).contains(new Identifier(IdentifierType.PASSPORT, "AD001095", ""));
        assertThat(mugabe.programmes()).containsExactly("ZWE");
    }

    @Test
    void windows_1252_names_decode() {
        List<String> names = lists.get(SanctionsList.EU).entities().stream()
                .flatMap(e -> e.names().stream())
                .map(ListedName::text)
                .toList();

        assertThat(names).anyMatch(name -> name.contains("Qoussaï"));
    }
}
