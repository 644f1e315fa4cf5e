package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole unit-test suite and reads every log it left: the captured output of each
 * test class and the logs of the database servers the tests started. No bearer token and no
 * database password may appear in any of them.
 */
class SecretsInLogsIT {

    private static final Pattern TOKEN = Pattern.compile("cor_[A-Za-z0-9_-]{43}");
    private static final List<String> PASSWORDS = List.of("s3cret-for-tests-only");

    @Test
    void no_secret_appears_in_any_log_of_the_test_suite() throws IOException {
        Path reports = Path.of("target", "surefire-reports");
        List<Path> logs = new ArrayList<>();
        if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
                files.filter(file -> file.getFileName().toString().endsWith("-output.txt"))
                        .forEach(logs::add);
            }
        }
        assertThat(logs)
                .as("the unit tests ran and left their output in " + reports)
                .isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher token = TOKEN.matcher(text);
            while (token.find()) {
                leaks.add(
                        log.getFileName() + ": a bearer token (" + token.group().substring(0, 8) + "...)");
            }
            for (String password : PASSWORDS) {
                if (text.contains(password)) {
                    leaks.add(log.getFileName() + ": a database password");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
