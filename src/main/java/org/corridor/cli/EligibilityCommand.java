package org.corridor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.authorisation.EligibilityCsv;
import org.corridor.authorisation.EligibilityResult;
import org.corridor.authorisation.GoodsLine;
import org.corridor.authorisation.LineResult;
import org.corridor.authorisation.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "eligibility",
        description = "Check goods lines against the active eligibility rules.",
        subcommands = {EligibilityCommand.Check.class})
final class EligibilityCommand extends CommandGroup {

    @Command(
            name = "check",
            description = {
                "Decide each goods line of a CSV file and write one decision per line to another.",
                "LINES header: line,description,hs_code,quantity,unit,unit_price,currency,category,end_user_type",
                "DECISIONS header: line,decision,reason,allowed_quantity (decision ALLOWED, ESCALATE or DENIED; "
                        + "reason empty when ALLOWED; allowed_quantity the part that may go ahead)."
            })
    static final class Check extends CorridorCommand {
        @Option(names = "--input", required = true, paramLabel = "LINES.csv", description = "Goods lines (UTF-8 CSV).")
        Path input;

        @Option(
                names = "--output",
                required = true,
                paramLabel = "DECISIONS.csv",
                description = "Where to write the decisions (replaced if it exists).")
        Path output;

        @Option(
                names = "--on",
                paramLabel = "YYYY-MM-DD",
                description = "Apply the rules effective on this date (default: today in the channel's zone).")
        LocalDate on;

        private String source;
        private List<GoodsLine> lines;

        @Override
        void check() {
            source = InputFiles.name(input);
            lines = EligibilityCsv.read(InputFiles.readAllBytes(input), source);
        }

        @Override
        void run(Corridor corridor) {
            LocalDate date = on == null ? corridor.eligibility().today() : on;
            EligibilityResult result =
                    corridor.eligibility().check(CliActor.current(), "eligibility:" + source, lines, date);
            write(EligibilityCsv.write(result));
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (LineResult line : result.lines()) {
                counts.merge(line.decision().verdict(), 1, Integer::sum);
            }
            System.out.println("checked " + lines.size() + " line(s) on " + date
                    + " with eligibility rules version "
                    + result.rules().version() + ": " + counts.getOrDefault(Verdict.ALLOWED, 0) + " ALLOWED, "
                    + counts.getOrDefault(Verdict.ESCALATE, 0) + " ESCALATE, "
                    + counts.getOrDefault(Verdict.DENIED, 0) + " DENIED; wrote " + output);
        }

        /** Writes beside the target and moves into place, so a reader never sees half a file. */
        private void write(byte[] content) {
            Path target = output.toAbsolutePath();
            Path dir = target.getParent();
            try {
                Path temporary = Files.createTempFile(dir, ".decisions", ".tmp");
                try {
                    Files.write(temporary, content);
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("FILE_UNWRITABLE", "no such folder for " + output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
            }
        }
    }
}
