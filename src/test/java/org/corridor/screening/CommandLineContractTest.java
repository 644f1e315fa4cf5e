package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code corridor screen} contract as external programs see it: the real {@code Main} in a
 * child JVM, files in and out, exit codes and stderr. (A child process also keeps this package free
 * of compile-time references to the CLI.)
 */
class CommandLineContractTest {

    private static final Path SMALL_UN = resource("/screening/un-small.xml");

    private static Path resource(String name) {
        try {
            return Path.of(CommandLineContractTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path folder;

    private record Run(int exitCode, String stderr) {}

    private Run corridor(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.corridor.cli.Main");
        command.addAll(List.of(arguments));
        Path stderr = folder.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("corridor " + String.join(" ", arguments) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void pairs_writes_one_row_per_input_row_in_order() throws Exception {
        Path input = file(
                "pairs.csv",
                "\uFEFFid,schema,name1,name2\r\n"
                        + "1,Person,Ghasem Soleymani,\"SOLEIMANI, Qasem\"\r\n"
                        + "2,Person,SADDAM HUSSEIN AL-DULAIMI,SADDAM HUSSEIN AL-TIKRITI\r\n"
                        + "3,Company,\"ABC Co.\",A.B.C. Company\r\n"
                        + "\"4,x\",,Vladimir Putin,\"Путин, Владимир\"\r\n");
        Path output = folder.resolve("out.csv");

        Run run = corridor("screen", "pairs", "--input", input.toString(), "--output", output.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("id,score,match");
        assertThat(lines.get(1)).matches("1,(0|1)\\.\\d{4},true");
        assertThat(lines.get(2)).matches("2,0\\.\\d{4},false");
        assertThat(lines.get(3)).matches("3,(0|1)\\.\\d{4},true");
        assertThat(lines.get(4)).matches("\"4,x\",(0|1)\\.\\d{4},true");
    }

    @Test
    void names_writes_json_lines_with_hits_best_first() throws Exception {
        Path input = file(
                "names.csv",
                "name,id,birth_date,nationality,schema\n"
                        + "صدام حسين التكريتي,a1,1937,Iraq,Person\n"
                        + "Jane Nobody,a2,,,\n"
                        + "\"NASHWAN ABD AL-RAZZAQ ABD AL-BAQI\",a3,1962-10,IQ,\n");
        Path output = folder.resolve("out.jsonl");

        Run run = corridor(
                "screen",
                "names",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--list",
                "un-xml:" + SMALL_UN);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a1");
        JsonNode hit = first.get("hits").get(0);
        assertThat(hit.get("list").asText()).isEqualTo("UN");
        assertThat(hit.get("entity_id").asText()).isEqualTo("6908048");
        assertThat(hit.get("entity_name").asText()).isEqualTo("SADDAM HUSSEIN AL-TIKRITI");
        assertThat(hit.get("matched_name").asText()).isNotBlank();
        assertThat(hit.get("score").asDouble()).isBetween(Screener.DEFAULT_THRESHOLD, 1.0);
        assertThat(hit.get("why").isArray()).isTrue();
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "hits");
        assertThat(hit.fieldNames())
                .toIterable()
                .containsExactly("list", "entity_id", "entity_name", "matched_name", "score", "why");
        assertThat(json.readTree(lines.get(1)).get("hits")).isEmpty();
        assertThat(json.readTree(lines.get(2))
                        .get("hits")
                        .get(0)
                        .get("entity_id")
                        .asText())
                .isEqualTo("111900");
        assertThat(run.stderr()).contains("screen names: done, 3 rows");
    }

    @Test
    void names_honours_threshold_and_limit() throws Exception {
        Path input = file("names.csv", "id,name\n1,SADDAM HUSSEIN\n");
        Path output = folder.resolve("out.jsonl");

        Run run = corridor(
                "screen",
                "names",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--list",
                "un-xml:" + SMALL_UN,
                "--threshold",
                "0.01",
                "--limit",
                "1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(output).get(0));
        assertThat(line.get("hits")).hasSize(1);
    }

    @Test
    void names_screens_every_row_of_a_batch_and_names_each_unreadable_field() throws Exception {
        Path input = file(
                "names.csv",
                "id,name,schema,birth_date,nationality\n"
                        + "1,Jane Doe,Person,1970,Iran\n"
                        + "2,John Doe,Person,1969-7-16,East Timor\n"
                        + "3,Ann Roe,Person,16/07/1969,Swaziland\n"
                        + "4,Bo Li,Person,circa 1969,Burma\n"
                        + "5,Al Moe,Person,July 16 1969,Zaire\n"
                        + "6,Ed Poe,Person,1969-13-45,Ivory Coast\n"
                        + "7,Cy Noe,Person,yesterday,Persia\n"
                        + "8,Di Loe,Person,1969,USSR\n"
                        + "9,Flo Koe,Person,1969,Atlantis\n"
                        + "10,Gus Hoe,Robot,1969,IR\n"
                        + "11,,Person,1969,IR\n"
                        + "12,Hal Yoe,Person,31/02/1969,Narnia\n"
                        + "13,Ida Zoe,Person,00/00/0000,--\n");
        Path output = folder.resolve("out.jsonl");

        Run run = corridor(
                "screen",
                "names",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--list",
                "un-xml:" + SMALL_UN);

        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(13);
        ObjectMapper json = new ObjectMapper();
        for (int row = 0; row < 5; row++) {
            assertThat(json.readTree(lines.get(row)).has("warnings"))
                    .as(lines.get(row))
                    .isFalse();
        }
        assertThat(json.readTree(lines.get(7)).has("warnings")).as("USSR").isFalse();
        assertThat(json.readTree(lines.get(5)).get("warnings").toString()).contains("birth_date");
        assertThat(json.readTree(lines.get(6)).get("warnings").toString()).contains("birth_date");
        assertThat(json.readTree(lines.get(8)).get("warnings").toString()).contains("nationality");
        assertThat(json.readTree(lines.get(9)).get("warnings").toString()).contains("schema");
        assertThat(json.readTree(lines.get(10)).get("warnings").toString()).contains("not screened");
        assertThat(json.readTree(lines.get(11)).get("warnings")).hasSize(2);
        assertThat(json.readTree(lines.get(12)).get("warnings")).hasSize(2);
        assertThat(run.stderr()).contains("line 7: birth_date").contains("line 10: nationality");
        assertThat(run.stderr()).contains("7 of 13 rows had fields that could not be read (1 not screened");
        // Row 11 has no name: every row is in the output, but not every row was screened.
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void names_exits_0_when_every_row_was_screened_despite_warnings() throws Exception {
        Path input = file("names.csv", "id,name,birth_date\n1,Jane Doe,1970\n2,John Doe,13/14/1970\n");
        Path output = folder.resolve("out.jsonl");

        Run run = corridor(
                "screen",
                "names",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--list",
                "un-xml:" + SMALL_UN);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readAllLines(output)).hasSize(2);
        assertThat(run.stderr()).contains("line 3: birth_date: '13/14/1970' is not a date; screened without it");
    }

    @Test
    void malformed_csv_exits_1_with_the_line_on_stderr() throws Exception {
        Path input = file("pairs.csv", "id,schema,name1,name2\n1,Person,A B,C D\n2,Person,\"open quote,x,y\n");
        Path output = folder.resolve("out.csv");

        Run run = corridor("screen", "pairs", "--input", input.toString(), "--output", output.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("line 3").contains("quoted field is not closed");
    }

    @Test
    void a_missing_column_exits_1_naming_the_header_line() throws Exception {
        Path input = file("names.csv", "id,fullname\n1,Jane Doe\n");

        Run run = corridor(
                "screen",
                "names",
                "--input",
                input.toString(),
                "--output",
                folder.resolve("o.jsonl").toString(),
                "--list",
                "un-xml:" + SMALL_UN);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("corridor: screen names: ").contains("line 1: header lacks column 'name'");
    }

    @Test
    void usage_errors_exit_2() throws Exception {
        assertThat(corridor("screen", "names", "--input", "x.csv").exitCode()).isEqualTo(2);
        assertThat(corridor("screen", "names", "--input", "x.csv", "--output", "y", "--list", "pdf:z")
                        .exitCode())
                .isEqualTo(2);
    }
}
