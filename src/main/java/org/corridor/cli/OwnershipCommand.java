package org.corridor.cli;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.bench.OwnershipBench;
import org.corridor.ownership.EdgeRecord;
import org.corridor.ownership.ImportResult;
import org.corridor.ownership.OfacRule;
import org.corridor.ownership.OwnershipAssessment;
import org.corridor.ownership.OwnershipRules;
import org.corridor.ownership.SharePercent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "ownership",
        description = "The ownership graph and the 50 Percent Rule: import ownership data, explain a party.",
        subcommands = {
            OwnershipCommand.Import.class,
            OwnershipCommand.Explain.class,
            OwnershipCommand.History.class,
            OwnershipCommand.Rules.class,
            OwnerHitsCommand.class,
            OwnershipCommand.Bench.class
        })
final class OwnershipCommand extends CommandGroup {

    @Command(
            name = "import",
            description = {
                "Import a CSV file of ownership data, whole or not at all: a bad line refuses the file, naming"
                        + " the line.",
                "Header: owner_id,owner_name,owner_kind,owner_listing,owned_id,owned_name,owned_kind,"
                        + "share_percent,kind,ended,source,as_of (owner_id, owner_name, owned_id, source and as_of"
                        + " required; see docs/ownership.md)."
            })
    static final class Import extends CsvImportCommand {
        @Override
        String importFile(Corridor corridor, Reader reader) {
            Progress progress = Progress.onTerminal("read", "rows");
            ImportResult result =
                    corridor.ownership().importCsv(CliActor.current(), InputFiles.name(file), reader, progress);
            progress.done();
            return describe(file.toString(), result);
        }
    }

    static String describe(String origin, ImportResult result) {
        if (!result.changed()) {
            return "imported " + origin + ": " + result.rows() + " rows, nothing new; graph version "
                    + result.graphVersion();
        }
        return "imported " + origin + ": " + result.rows() + " rows; " + result.edgesWritten() + " edges, "
                + result.partiesWritten() + " parties, " + result.designationsWritten()
                + " designations written; graph version " + result.graphVersion()
                + (result.ownerHitsOpened().isEmpty()
                        ? ""
                        : "; " + result.ownerHitsOpened().size()
                                + " owner screening hits opened for review (ownership hits list)");
    }

    @Command(
            name = "explain",
            description = "Assess a party under the 50 Percent Rule and print its status, both blocked shares and"
                    + " the paths. The status is an answer: the exit code is 0 whatever it is.")
    static final class Explain extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "PARTY", description = "The party's id, such as gulf-star-logistics-fze.")
        String party;

        @Override
        void run(Corridor corridor) {
            OwnershipAssessment assessment = corridor.ownership().explain(party);
            assessment.explanation().forEach(System.out::println);
        }
    }

    @Command(
            name = "history",
            description = "Every recorded version of the edges into and out of a party, oldest first.")
    static final class History extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "PARTY", description = "The party's id.")
        String party;

        @Override
        void run(Corridor corridor) {
            for (EdgeRecord edge : corridor.ownership().history(party)) {
                System.out.printf(
                        "batch %-5d %-9s %s -> %s %s%s, source %s as of %s%s%n",
                        edge.batchId(),
                        edge.kind(),
                        edge.owner().id(),
                        edge.owned().id(),
                        edge.share().map(SharePercent::toString).orElse(""),
                        edge.ended() ? " ENDED" : "",
                        edge.source(),
                        edge.asOf(),
                        edge.current() ? "" : " (superseded)");
            }
        }
    }

    @Command(
            name = "rules",
            description = "Show the ownership rules in force, or set a new version with --minority-threshold and/or"
                    + " --ofac-rule, and --source.")
    static final class Rules extends CorridorCommand {
        @Option(
                names = "--minority-threshold",
                paramLabel = "PERCENT",
                description = "A blocked share at or above this escalates (default rule: 25).")
        BigDecimal minorityThreshold;

        @Option(
                names = "--ofac-rule",
                paramLabel = "RULE",
                description = "BLOCKED_HOLDINGS (OFAC's 2014 guidance, the default) or CONSERVATIVE_CASCADE"
                        + " (multiplies through owners that are not blocked; stricter).")
        String ofacRule;

        @Option(names = "--source", paramLabel = "TEXT", description = "Why, and on whose authority (required to set).")
        String source;

        @Override
        void run(Corridor corridor) {
            OwnershipRules current = corridor.ownership().rules();
            OwnershipRules rules = minorityThreshold == null && ofacRule == null
                    ? current
                    : corridor.ownership()
                            .changeRules(
                                    CliActor.current(),
                                    minorityThreshold == null ? current.minorityThresholdPercent() : minorityThreshold,
                                    ofacRule == null ? current.ofacRule() : OfacRule.parse(ofacRule),
                                    source == null ? "" : source);
            System.out.println("ownership rules version " + rules.version() + ": OFAC rule " + rules.ofacRule()
                    + ", EU and UK more than 50% or control; escalation at "
                    + rules.minorityThresholdPercent().toPlainString() + "%; source: " + rules.source());
        }
    }

    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            description = "Import a generated graph of N edges into a fresh embedded database and time the import"
                    + " and the assessment of the parties with the most upstream (one line per case).")
    static final class Bench implements Callable<Integer> {

        @Option(names = "--edges", paramLabel = "N", description = "Ownership edges (default: 100000).")
        int edges = 100_000;

        @Option(names = "--queries", paramLabel = "Q", description = "Assessments timed (default: 50).")
        int queries = 50;

        @Option(names = "--record", description = "Also write the figures into docs/benchmarks.md.")
        boolean record;

        @Override
        public Integer call() {
            return new OwnershipBench(new OwnershipBench.Options(edges, queries, record)).run();
        }
    }

    /** Rows read so far, shown on one line of a terminal; silent when output is not a terminal. */
    static final class Progress implements IntConsumer {
        private final boolean terminal = System.console() != null;
        private final String verb;
        private final String unit;
        private boolean shown;

        private Progress(String verb, String unit) {
            this.verb = verb;
            this.unit = unit;
        }

        static Progress onTerminal(String verb, String unit) {
            return new Progress(verb, unit);
        }

        @Override
        public void accept(int count) {
            if (terminal) {
                System.err.print(String.format(Locale.ROOT, "\r%s %,d %s...", verb, count, unit));
                System.err.flush();
                shown = true;
            }
        }

        void done() {
            if (shown) {
                System.err.println();
            }
        }
    }

    /** Refuses options that must come together. */
    static void requireTogether(String first, Object a, String second, Object b) {
        if ((a == null) != (b == null)) {
            throw new InvalidInputException("OPTIONS_INCOMPLETE", first + " and " + second + " go together");
        }
    }
}
