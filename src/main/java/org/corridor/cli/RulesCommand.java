package org.corridor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.authorisation.Eligibility;
import org.corridor.authorisation.ImportOutcome;
import org.corridor.authorisation.RuleSetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "rules",
        description = "Manage the versioned eligibility rules (HS rules, excluded items, device list, end users, "
                + "blocked currencies, price bands).",
        subcommands = {RulesCommand.Import.class, RulesCommand.Show.class})
final class RulesCommand extends CommandGroup {

    @Command(
            name = "import",
            description = "Check a rule file (JSON, see docs/authorisation.md) and activate it as the next version. "
                    + "A malformed file is refused whole, with the element and line of each problem.")
    static final class Import extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The rule file.")
        Path file;

        private String content;
        private String source;

        @Override
        void check() {
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("FILE_NOT_FOUND", "no such file: " + file);
            } catch (IOException e) {
                throw new InvalidInputException(
                        "FILE_UNREADABLE", "cannot read " + file + " as UTF-8: " + e.getMessage());
            }
            source = InputFiles.name(file);
            try {
                Eligibility.validateRules(source, content);
            } catch (InvalidInputException e) {
                if (e.details().get("errors") instanceof List<?> errors) {
                    errors.forEach(error -> System.err.println("  " + error));
                }
                throw e;
            }
        }

        @Override
        void run(Corridor corridor) {
            ImportOutcome outcome = corridor.eligibility().importRules(CliActor.current(), source, content);
            RuleSetInfo active = outcome.active();
            if (outcome.created()) {
                System.out.println("imported " + source + " as eligibility rules version " + active.version()
                        + " (active): " + active.name() + "; sha256 " + active.sha256());
            } else {
                System.out.println(
                        source + " is identical to the active version " + active.version() + "; nothing changed");
            }
        }
    }

    @Command(
            name = "show",
            description = "Print the active eligibility rules (or another version) with where they came from.")
    static final class Show extends CorridorCommand {
        @Option(
                names = "--rules-version",
                paramLabel = "N",
                description = "Show this version instead of the active one.")
        Integer version;

        @Option(names = "--json", description = "Print only the rule file, ready to edit and import again.")
        boolean json;

        @Override
        void run(Corridor corridor) {
            RuleSetInfo active = corridor.eligibility().activeRules();
            RuleSetInfo shown =
                    version == null ? active : corridor.eligibility().rules(version);
            String content = corridor.eligibility().rulesContent(shown.version());
            if (!json) {
                System.out.println("eligibility rules version " + shown.version()
                        + (shown.version() == active.version()
                                ? " (active)"
                                : " (not active; active is " + active.version() + ")")
                        + ": " + shown.name());
                System.out.println(
                        "imported " + shown.importedAt() + " by " + shown.importedBy() + " from " + shown.sourceName());
                System.out.println("sha256 " + shown.sha256());
                System.out.println();
            }
            System.out.print(content.endsWith("\n") ? content : content + "\n");
        }
    }
}
