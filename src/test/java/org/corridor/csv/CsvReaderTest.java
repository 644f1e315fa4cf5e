package org.corridor.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvRecord> read(String text) {
        return read(CsvReader.of(new StringReader(text)));
    }

    private static List<CsvRecord> read(CsvReader reader) {
        List<CsvRecord> records = new ArrayList<>();
        for (Optional<CsvRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
            records.add(record.get());
        }
        return records;
    }

    @Test
    void reads_quoted_fields_with_doubled_quotes_delimiters_and_line_breaks() {
        List<CsvRecord> records = read("a,\"b, \"\"c\"\"\",\"d\r\ne\"\r\nf,g,h\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsExactly("a", "b, \"c\"", "d\r\ne");
        assertThat(records.get(1).fields()).containsExactly("f", "g", "h");
        assertThat(records.get(1).lineNumber()).isEqualTo(3);
    }

    @Test
    void strips_a_byte_order_mark_and_skips_blank_lines() {
        List<CsvRecord> records = read("\uFEFFid,name\n\n1,x\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("id", "name"), List.of("1", "x"));
    }

    @Test
    void ignores_the_dos_end_of_file_byte_that_ofac_files_end_with() {
        List<CsvRecord> records = read("36,\"AEROCARIBBEAN AIRLINES\",-0- \r\n\u001A");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).fields()).containsExactly("36", "AEROCARIBBEAN AIRLINES", "-0- ");
    }

    @Test
    void keeps_empty_fields_and_a_trailing_empty_field() {
        assertThat(read("a,,c,\n").get(0).fields()).containsExactly("a", "", "c", "");
    }

    @Test
    void reads_other_delimiters() {
        List<CsvRecord> records = read(CsvReader.of(new StringReader("a;\"b;c\";d\n"), ';'));

        assertThat(records.get(0).fields()).containsExactly("a", "b;c", "d");
    }

    @Test
    void refuses_an_unclosed_quote_naming_the_line_where_it_opened() {
        assertThatThrownBy(() -> read("a,b\nc,\"d\ne\nf\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 2: a quoted field is not closed before the end of the input");
    }

    @Test
    void refuses_text_after_a_closing_quote() {
        assertThatThrownBy(() -> read("a\n\"b\"c,d\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 2: text after a closing quote at column 4");
    }

    @Test
    void refuses_a_field_longer_than_the_limit_with_its_line() {
        CsvReader reader = CsvReader.of(new StringReader("a\nb\n" + "x".repeat(20) + "\n"), ',', 10, 100);

        assertThatThrownBy(() -> read(reader))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 3: field is longer than 10 characters");
    }

    @Test
    void refuses_a_record_longer_than_the_limit() {
        CsvReader reader = CsvReader.of(new StringReader("aaaa,bbbb,cccc,dddd\n"), ',', 10, 12);

        assertThatThrownBy(() -> read(reader))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 1: record is longer than 12 characters");
    }

    @Test
    void streams_large_inputs_across_buffer_boundaries() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",\"name ").append(i).append("\"\r\n");
        }
        List<CsvRecord> records = read(text.toString());

        assertThat(records).hasSize(20_000);
        assertThat(records.get(19_999).fields()).containsExactly("19999", "name 19999");
        assertThat(records.get(19_999).lineNumber()).isEqualTo(20_000);
    }

    @Test
    void reads_a_quote_inside_an_unquoted_field_as_a_quote() {
        assertThat(read("a\"b,c\n").get(0).fields()).containsExactly("a\"b", "c");
    }

    @Test
    void skips_lines_that_hold_only_blanks() {
        assertThat(read("a\n   \nb\n")).extracting(CsvRecord::lineNumber).containsExactly(1L, 3L);
    }

    @Test
    void refuses_bytes_that_are_not_utf8_naming_their_line() {
        byte[] latin1 = "a\nb\ncaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(CsvReader.ofUtf8(latin1)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 3: not UTF-8 text");
    }

    @Test
    void names_the_line_where_a_record_spanning_lines_starts() {
        List<CsvRecord> records = read("x\n\"a\nb\nc\",d\ne,f\n");

        assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(1L, 2L, 5L);
    }
}
