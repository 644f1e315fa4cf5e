package org.corridor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A clone of the project explains itself: its docs send nobody to files it does not hold. */
class DocsStandAloneTest {

    private static final Pattern NUMBER = Pattern.compile("\\b(FR|RPT)-([0-9]+)\\b");
    private static final Pattern RANGE = Pattern.compile("\\b(FR|RPT)-([0-9]+) to (FR|RPT)-([0-9]+)\\b");

    @Test
    void no_doc_help_text_or_banner_refers_to_the_teams_notes_outside_the_clone() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path file : userFacing()) {
            String text = Files.readString(file);
            if (text.contains("../shared") || text.contains("shared/design")) {
                outside.add(file.toString());
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void every_fr_and_rpt_number_the_docs_use_is_explained_in_domain_md() throws IOException {
        String domain = Files.readString(Path.of("docs/domain.md"));
        Set<String> defined = new TreeSet<>();
        Matcher range = RANGE.matcher(domain);
        while (range.find()) {
            for (int n = Integer.parseInt(range.group(2)); n <= Integer.parseInt(range.group(4)); n++) {
                defined.add(range.group(1) + "-" + n);
            }
        }
        Matcher number = NUMBER.matcher(domain);
        while (number.find()) {
            defined.add(number.group(1) + "-" + number.group(2));
        }
        Set<String> unexplained = new TreeSet<>();
        for (Path file : docs()) {
            Matcher used = NUMBER.matcher(Files.readString(file));
            while (used.find()) {
                String name = used.group(1) + "-" + used.group(2);
                if (!defined.contains(name)) {
                    unexplained.add(name + " in " + file);
                }
            }
        }
        assertThat(unexplained).isEmpty();
    }

    private static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The docs, and the sources of what a user reads: the command line's help and the demo's banner. */
    private static List<Path> userFacing() throws IOException {
        List<Path> files = docs();
        files.add(Path.of("src/main/resources/demo/lists/PROVENANCE.md"));
        for (String folder : List.of("src/main/java/org/corridor/cli", "src/main/java/org/corridor/demo")) {
            try (Stream<Path> sources = Files.walk(Path.of(folder))) {
                sources.filter(path -> path.toString().endsWith(".java"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }
}
