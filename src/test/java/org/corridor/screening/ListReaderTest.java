package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsers on small files, well-formed and malformed. */
class ListReaderTest {

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void ofac_folder_joins_addresses_aliases_and_remark_continuations() throws IOException {
        write(
                "sdn.csv",
                "101,\"DOE, John\",\"individual\",\"SDGT] [IRGC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                        + "\"DOB circa 1970; nationality Iran; a.k.a. 'JD'; Passport A12\"\r\n"
                        + "102,\"ACME TRADING LLC\",-0- ,\"IRAN\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001A");
        write("add.csv", "102,1,\"1 Main St\",\"Dubai\",\"United Arab Emirates\",-0- \r\n");
        write("alt.csv", "101,1,\"aka\",\"DOE, Jonathan\",-0- \r\n");
        write("sdn_comments.csv", "101,\"345678 (Iran); alt. DOB 1971.\"\r\n");

        List<ListSnapshot> snapshots = ListReader.read(ListFormat.OFAC_CSV, folder);

        assertThat(snapshots).hasSize(1);
        ListSnapshot sdn = snapshots.get(0);
        assertThat(sdn.list()).isEqualTo(SanctionsList.OFAC_SDN);
        ListedEntity doe = sdn.entities().get(0);
        assertThat(doe.names())
                .containsExactly(
                        new ListedName("DOE, John", NameKind.PRIMARY),
                        new ListedName("DOE, Jonathan", NameKind.STRONG_ALIAS),
                        new ListedName("JD", NameKind.WEAK_ALIAS));
        assertThat(doe.birthDates()).containsExactly(PartialDate.ofYear(1970), PartialDate.ofYear(1971));
        assertThat(doe.nationalities()).containsExactly("IR");
        assertThat(doe.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "A12345678", "IR"));
        assertThat(doe.programmes()).containsExactly("SDGT", "IRGC");
        ListedEntity acme = sdn.entities().get(1);
        assertThat(acme.type()).isEqualTo(EntityType.ORGANISATION);
        assertThat(acme.addresses()).containsExactly(new Address("1 Main St, Dubai", "AE"));
    }

    @Test
    void ofac_folder_with_only_non_sdn_files_reads_the_consolidated_list() throws IOException {
        write(
                "cons_prim.csv",
                "9639,\"HANIYA, Ismail\",\"individual\",\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");

        List<ListSnapshot> snapshots = ListReader.read(ListFormat.OFAC_CSV, folder);

        assertThat(snapshots).extracting(ListSnapshot::list).containsExactly(SanctionsList.OFAC_NON_SDN);
    }

    @Test
    void ofac_row_with_the_wrong_number_of_fields_is_refused_with_its_line() throws IOException {
        write(
                "sdn.csv",
                "101,\"DOE, John\",\"individual\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                        + "102,\"BROKEN\",-0- \r\n");

        assertThatThrownBy(() -> ListReader.read(ListFormat.OFAC_CSV, folder))
                .isInstanceOf(ListFormatException.class)
                .hasMessageEndingWith("sdn.csv (primary): line 2: expected 12 fields, found 3");
    }

    @Test
    void ofac_entity_number_must_be_a_number() throws IOException {
        write("sdn.csv", "x1,\"DOE, John\",\"individual\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");

        assertThatThrownBy(() -> ListReader.read(ListFormat.OFAC_CSV, folder))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 1: ent_num must be a number");
    }

    @Test
    void ofac_unclosed_quote_names_its_line() throws IOException {
        write(
                "sdn.csv",
                "101,\"DOE, John\",\"individual\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                        + "102,\"BROKEN,-0- \r\n");

        assertThatThrownBy(() -> ListReader.read(ListFormat.OFAC_CSV, folder))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 2: a quoted field is not closed");
    }

    @Test
    void ofac_dates_come_in_every_published_form() {
        assertThat(OfacRemarks.parseDates("22 Feb 1962")).containsExactly(new PartialDate(1962, 2, 22));
        assertThat(OfacRemarks.parseDates("Oct 1971")).containsExactly(new PartialDate(1971, 10, 0));
        assertThat(OfacRemarks.parseDates("circa 1956")).containsExactly(PartialDate.ofYear(1956));
        assertThat(OfacRemarks.parseDates("1962 to 1963"))
                .containsExactly(PartialDate.ofYear(1962), PartialDate.ofYear(1963));
        assertThat(OfacRemarks.parseDates("08 Nov 1985 to 07 Nov 1986"))
                .containsExactly(PartialDate.ofYear(1985), PartialDate.ofYear(1986));
        assertThat(OfacRemarks.parseDates("circa 1979-1982")).hasSize(4);
        assertThat(OfacRemarks.parseDates("31 Feb 1962")).isEmpty();
    }

    private static final String UN_HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    @Test
    void un_xml_reads_individuals_with_aliases_dates_and_documents() throws IOException {
        Path file = write(
                "un.xml",
                UN_HEADER
                        + "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\"><INDIVIDUALS><INDIVIDUAL>"
                        + "<DATAID>1</DATAID><FIRST_NAME>ERIC</FIRST_NAME><SECOND_NAME>BADEGE</SECOND_NAME>"
                        + "<UN_LIST_TYPE>DRC</UN_LIST_TYPE><NATIONALITY><VALUE>Democratic Republic of the Congo</VALUE></NATIONALITY>"
                        + "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>ERIC B</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                        + "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>EB</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                        + "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR>"
                        + "<TO_YEAR>1971</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
                        + "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>OB0123</NUMBER>"
                        + "<ISSUING_COUNTRY>Rwanda</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>"
                        + "</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>");

        ListSnapshot un = ListReader.read(ListFormat.UN_XML, file).get(0);

        ListedEntity eric = un.entities().get(0);
        assertThat(un.publishedOn()).isEqualTo("2026-02-27");
        assertThat(eric.names())
                .containsExactly(
                        new ListedName("ERIC BADEGE", NameKind.PRIMARY),
                        new ListedName("ERIC B", NameKind.STRONG_ALIAS),
                        new ListedName("EB", NameKind.WEAK_ALIAS));
        assertThat(eric.birthDates()).containsExactly(PartialDate.ofYear(1970), PartialDate.ofYear(1971));
        assertThat(eric.nationalities()).containsExactly("CD");
        assertThat(eric.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "OB0123", "RW"));
    }

    @Test
    void un_xml_refuses_external_entities() throws IOException {
        Path secret = write("secret.txt", "top secret");
        Path file = write(
                "xxe.xml",
                UN_HEADER
                        + "<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                        + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"
                        + "<FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");

        assertThatThrownBy(() -> ListReader.read(ListFormat.UN_XML, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("top secret");
    }

    @Test
    void un_xml_refuses_entity_expansion() throws IOException {
        Path file = write(
                "laughs.xml",
                UN_HEADER
                        + "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>\n"
                        + "<CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>");

        assertThatThrownBy(() -> ListReader.read(ListFormat.UN_XML, file)).isInstanceOf(ListFormatException.class);
    }

    @Test
    void un_xml_malformed_names_its_line() throws IOException {
        Path file = write(
                "bad.xml",
                UN_HEADER + "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n"
                        + "<DATAID>1</DATAID>\n<FIRST_NAME>X</SECOND_NAME>\n</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");

        assertThatThrownBy(() -> ListReader.read(ListFormat.UN_XML, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 6")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void un_xml_record_without_an_id_names_the_element_and_line() throws IOException {
        Path file = write(
                "noid.xml",
                UN_HEADER + "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY>\n"
                        + "<FIRST_NAME>X</FIRST_NAME>\n</ENTITY></ENTITIES></CONSOLIDATED_LIST>");

        assertThatThrownBy(() -> ListReader.read(ListFormat.UN_XML, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 4: element <ENTITY> has no DATAID");
    }

    @Test
    void un_xml_with_another_root_is_refused() throws IOException {
        Path file = write("other.xml", UN_HEADER + "<export/>");

        assertThatThrownBy(() -> ListReader.read(ListFormat.UN_XML, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("root element is <export>");
    }

    private static final String UK_HEADER = "Last Updated,13/04/2018\r\n"
            + "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,"
            + "Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,"
            + "Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID\r\n";

    @Test
    void uk_csv_in_windows_1252_joins_rows_of_a_group() throws IOException {
        Path file = folder.resolve("uk.csv");
        Files.write(
                file,
                (UK_HEADER
                                + "KHALIL,Hassan,,,,,,00/00/1965,,,1) Syria 2) Lebanon,,,,,,,,,,,,,Individual,Prime Alias,Syria,,,42\r\n"
                                + "KHALÎL,Hasan,,,,,,00/12/1966,,,,,,,,,,,,,,,,Individual,AKA,Syria,,,42\r\n"
                                + "TONG SAN 2,,,,,,,,,,,,,,,,,,,,,,IMO: 8937675. MMSI: 445539000.,Entity,Prime Alias,DPRK,,,43\r\n")
                        .getBytes(Charset.forName("windows-1252")));

        ListSnapshot uk = ListReader.read(ListFormat.UK_CSV, file).get(0);

        assertThat(uk.publishedOn()).isEqualTo("2018-04-13");
        assertThat(uk.entities()).hasSize(2);
        ListedEntity khalil = uk.entities().get(0);
        assertThat(khalil.names()).extracting(ListedName::text).containsExactly("KHALIL, Hassan", "KHALÎL, Hasan");
        assertThat(khalil.birthDates()).containsExactly(PartialDate.ofYear(1965), new PartialDate(1966, 12, 0));
        assertThat(khalil.nationalities()).containsExactly("SY", "LB");
        assertThat(uk.entities().get(1).identifiers()).contains(Identifier.of(IdentifierType.IMO, "8937675"));
    }

    @Test
    void uk_csv_without_group_id_names_the_line() throws IOException {
        Path file = write("uk.csv", UK_HEADER + "KHALIL,Hassan,,,,,,,,,,,,,,,,,,,,,,Individual,AKA,Syria,,,\r\n");

        assertThatThrownBy(() -> ListReader.read(ListFormat.UK_CSV, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 3: Group ID must be a number");
    }

    @Test
    void uk_csv_without_its_header_is_refused() throws IOException {
        Path file = write("uk.csv", "a,b,c\r\n1,2,3\r\n");

        assertThatThrownBy(() -> ListReader.read(ListFormat.UK_CSV, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("no header");
    }

    @Test
    void eu_csv_reads_the_current_layout() throws IOException {
        Path file = write(
                "eu.csv",
                "\uFEFFfileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber;"
                        + "Entity_SubjectType;Entity_SubjectType_ClassificationCode;Entity_Regulation_Programme;"
                        + "NameAlias_WholeName;NameAlias_FirstName;NameAlias_LastName;BirthDate_BirthDate;BirthDate_Year;"
                        + "Identification_Number;Identification_TypeCode;Citizenship_CountryIso2Code;Address_City;"
                        + "Address_CountryIso2Code\n"
                        + "2024-03-07;13;EU.27.28;P;person;IRN;Ali KHAMENEI;Ali;KHAMENEI;1939-04-19;1939;;;IR;;\n"
                        + "2024-03-07;13;EU.27.28;P;person;IRN;Seyed Ali Khamenei;;;;;P123;passport;;Tehran;IR\n"
                        + "2024-03-07;14;EU.28.1;E;enterprise;RUS;\"Joint Stock Company \"\"X\"\"\";;;;;;;;;\n");

        ListSnapshot eu = ListReader.read(ListFormat.EU_CSV, file).get(0);

        assertThat(eu.publishedOn()).isEqualTo("2024-03-07");
        ListedEntity khamenei = eu.entities().get(0);
        assertThat(khamenei.type()).isEqualTo(EntityType.PERSON);
        assertThat(khamenei.names()).extracting(ListedName::text).containsExactly("Ali KHAMENEI", "Seyed Ali Khamenei");
        assertThat(khamenei.birthDates()).containsExactly(new PartialDate(1939, 4, 19));
        assertThat(khamenei.nationalities()).containsExactly("IR");
        assertThat(khamenei.identifiers()).containsExactly(Identifier.of(IdentifierType.PASSPORT, "P123"));
        assertThat(khamenei.addresses()).containsExactly(new Address("Tehran", "IR"));
        assertThat(eu.entities().get(1).primaryName()).isEqualTo("Joint Stock Company \"X\"");
        assertThat(eu.entities().get(1).type()).isEqualTo(EntityType.ORGANISATION);
    }

    @Test
    void eu_csv_with_an_unknown_header_is_refused() throws IOException {
        Path file = write("eu.csv", "a;b;c\n1;2;3\n");

        assertThatThrownBy(() -> ListReader.read(ListFormat.EU_CSV, file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 1: not an EU sanctions CSV");
    }

    @Test
    void gzip_files_are_read_transparently() throws IOException {
        Path compressed = folder.resolve("sdn.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(compressed))) {
            out.write("7,\"X CORP\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(ListReader.read(ListFormat.OFAC_CSV, folder).get(0).entities())
                .extracting(ListedEntity::primaryName)
                .containsExactly("X CORP");
    }

    @Test
    void list_format_names_match_the_command_line() {
        assertThat(ListFormat.fromCliName("ofac-csv")).isEqualTo(ListFormat.OFAC_CSV);
        assertThat(ListFormat.fromCliName("UN-XML")).isEqualTo(ListFormat.UN_XML);
        assertThatThrownBy(() -> ListFormat.fromCliName("csv"))
                .hasMessageContaining("ofac-csv, un-xml, uk-csv, eu-csv");
    }
}
