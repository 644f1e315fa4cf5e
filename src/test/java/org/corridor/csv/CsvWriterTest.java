package org.corridor.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotes_only_fields_with_a_delimiter_a_quote_or_a_line_break() {
        String csv = CsvWriter.write(
                List.of(List.of("plain", "a b", "a,b", "say \"hi\"", "two\nlines", "", "é")), CsvWriter.CRLF);

        assertThat(csv).isEqualTo("plain,a b,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,é\r\n");
    }

    @Test
    void makes_formula_looking_cells_inert_but_keeps_numbers() {
        String csv = CsvWriter.write(
                List.of(List.of("=1+2", "+cmd", "-x", "@SUM(A1)", "\tTAB", "\rCR", "-12.50", "12", "a=b")),
                CsvWriter.LF);

        assertThat(csv).isEqualTo("'=1+2,'+cmd,'-x,'@SUM(A1),'\tTAB,\"'\rCR\",-12.50,12,a=b\n");
    }

    @Test
    void writes_an_empty_row_as_an_empty_line_and_a_null_cell_empty() {
        String csv = CsvWriter.write(List.of(List.of("title"), List.of(), java.util.Arrays.asList("a", null)), "\r\n");

        assertThat(csv).isEqualTo("title\r\n\r\na,\r\n");
    }

    @Test
    void what_it_writes_the_reader_reads_back() {
        List<String> cells = List.of("a,b", "say \"hi\"", "two\r\nlines", "plain");

        CsvRecord record = CsvReader.of(new StringReader(CsvWriter.line(cells, CsvWriter.CRLF)))
                .next()
                .orElseThrow();

        assertThat(record.fields()).isEqualTo(cells);
    }
}
