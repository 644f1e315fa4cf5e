package org.corridor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.corridor.app.Corridor;
import org.corridor.csv.CsvFormatException;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;
import org.corridor.csv.CsvWriter;
import org.corridor.screening.EntityType;
import org.corridor.screening.Hit;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListFormatException;
import org.corridor.screening.ListReader;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.NameMatcher;
import org.corridor.screening.OrderedBatch;
import org.corridor.screening.Party;
import org.corridor.screening.PartyFields;
import org.corridor.screening.Screener;
import org.corridor.screening.Screening;
import org.corridor.screening.ScreeningOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor screen}: screens files of names. {@code pairs} scores labelled name pairs;
 * {@code names} screens parties against lists and writes one JSON line of hits per party. Both
 * stream their input and output (bounded memory for any file size), work on every core in input
 * order. {@code pairs} stops at the first bad row with its line number (exit code 1); {@code names}
 * screens every row on the fields it can read and names each unreadable field in the row's
 * {@code warnings} and on stderr (exit code 0 when every row was screened).
 */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = "Screen names against sanctions lists.",
        subcommands = {ScreenCommand.Pairs.class, ScreenCommand.Names.class})
public final class ScreenCommand implements Runnable {

    private static final int CHUNK_ROWS = 256;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A row that cannot be used, with the line it is on. */
    static final class BadInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInputException(long line, String reason) {
            super("line " + line + ": " + reason);
        }
    }

    @Command(
            name = "pairs",
            mixinStandardHelpOptions = true,
            description = "Score name pairs. Input header: id,schema,name1,name2. Output: id,score,match.")
    static final class Pairs implements Callable<Integer> {

        @Option(names = "--input", required = true, description = "CSV with id,schema,name1,name2")
        Path input;

        @Option(names = "--output", required = true, description = "CSV to write: id,score,match")
        Path output;

        @Override
        public Integer call() {
            return runGuarded("screen pairs", input, output, () -> {
                NameMatcher matcher = NameMatcher.standard();
                double threshold = Screener.DEFAULT_THRESHOLD;
                try (Rows rows = Rows.open(input, List.of("id", "name1", "name2"));
                        BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    out.write("id,score,match\n");
                    Iterator<PairRow> pairs = rows.map(row -> new PairRow(
                            row.get("id"),
                            schema(row, row.get("schema")),
                            requireText(row, "name1"),
                            requireText(row, "name2")));
                    Function<PairRow, String> score = pair -> {
                        double value = matcher.score(pair.name1(), pair.name2(), pair.type())
                                .score();
                        return CsvWriter.line(
                                List.of(
                                        pair.id(),
                                        String.format(Locale.ROOT, "%.4f", value),
                                        String.valueOf(value >= threshold)),
                                CsvWriter.LF);
                    };
                    return runBatch("screen pairs", rows, pairs, score, out);
                }
            });
        }
    }

    private record PairRow(String id, Optional<EntityType> type, String name1, String name2) {}

    @Command(
            name = "names",
            mixinStandardHelpOptions = true,
            description = "Screen parties against lists. Input header: id,name (optional schema, birth_date,"
                    + " nationality). Output: one JSON object per input row, in input order.")
    static final class Names implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        DatabaseOptions database;

        @Option(names = "--input", required = true, description = "CSV with id,name[,schema,birth_date,nationality]")
        Path input;

        @Option(names = "--output", required = true, description = "JSON Lines file to write")
        Path output;

        @Option(
                names = "--list",
                paramLabel = "FORMAT:PATH",
                description = "List to screen against (repeatable): ofac-csv:FOLDER, un-xml:FILE, uk-csv:FILE,"
                        + " eu-csv:FILE. Default: the active lists in the database (the shipped snapshot is imported"
                        + " first when the database has none).")
        List<String> lists = new ArrayList<>();

        @Option(names = "--threshold", description = "Score a hit needs (0 to 1); default ${DEFAULT-VALUE}")
        double threshold = Screener.DEFAULT_THRESHOLD;

        @Option(names = "--limit", description = "Most hits per row; default ${DEFAULT-VALUE}")
        int limit = ScreeningOptions.DEFAULT_LIMIT;

        @Override
        public Integer call() {
            ScreeningOptions options;
            List<ListSource> sources = new ArrayList<>();
            try {
                options = new ScreeningOptions(threshold, limit);
                for (String list : lists) {
                    sources.add(ListSource.parse(list));
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            int exit = runGuarded("screen names", input, output, () -> {
                if (!sources.isEmpty()) {
                    return screenNames(Screener.of(entities(sources)), options);
                }
                Screening.warmUpInBackground();
                try (Corridor corridor = database.open()) {
                    return screenNames(activeLists(corridor.screening()), options);
                }
            });
            // Every row is in the output; a row with nothing to screen still fails the run.
            return exit == 0 && warnings.unscreened() > 0 ? 1 : exit;
        }

        private final RowWarnings warnings = new RowWarnings("screen names");

        private long screenNames(Screener screener, ScreeningOptions options) throws IOException {
            ObjectMapper json = new ObjectMapper();
            try (Rows rows = Rows.open(input, List.of("id", "name"));
                    BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                Iterator<PartyRow> parties = rows.map(row -> warnings.note(Names.party(row), input));
                Function<PartyRow, String> screen = row -> {
                    List<Map<String, Object>> hits = new ArrayList<>();
                    List<Hit> found = row.party()
                            .map(party -> screener.screen(party, options).hits())
                            .orElse(List.of());
                    for (Hit hit : found) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("list", hit.list().name());
                        fields.put("entity_id", hit.entityId());
                        fields.put("entity_name", hit.entityName());
                        fields.put("matched_name", hit.matchedName().text());
                        fields.put("score", Math.round(hit.score() * 10000) / 10000.0);
                        fields.put("why", hit.why());
                        hits.add(fields);
                    }
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("id", row.id());
                    line.put("hits", hits);
                    if (!row.warnings().isEmpty()) {
                        line.put("warnings", row.warnings());
                    }
                    try {
                        return json.writeValueAsString(line) + "\n";
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
                long count = runBatch("screen names", rows, parties, screen, out);
                warnings.summarise(count);
                return count;
            }
        }

        /**
         * The screener over the active lists in the database. A database with no list at all gets
         * the shipped snapshot first (said on stderr), so a fresh installation screens against
         * something rather than nothing; `lists update` replaces it with the publishers' files.
         */
        static Screener activeLists(Screening screening) {
            if (screening.active().isEmpty()) {
                System.err.println(
                        "screen names: no sanctions list is active in the database;"
                                + " importing the snapshot shipped with Corridor first (./corridor lists update for current lists)");
                screening.importShipped(CliActor.current());
            }
            ListsDecisionCommand.warn(screening, "screen names");
            return screening.pinned().screener();
        }

        /**
         * A row as far as it can be read: an unreadable birth date, nationality or schema becomes a
         * warning and the name is screened without it; only an empty name leaves nothing to screen.
         */
        private static PartyRow party(Row row) {
            try {
                PartyFields.Reading reading = PartyFields.read(
                        row.get("name"),
                        "schema",
                        Optional.of(row.get("schema")),
                        "birth_date",
                        Optional.of(row.get("birth_date")),
                        "nationality",
                        Optional.of(row.get("nationality")));
                return new PartyRow(row.get("id"), row.line(), Optional.of(reading.party()), reading.warnings());
            } catch (IllegalArgumentException e) {
                return new PartyRow(
                        row.get("id"), row.line(), Optional.empty(), List.of(e.getMessage() + "; not screened"));
            }
        }

        /** The entities of the lists named on the command line ({@code --list}). */
        static List<ListedEntity> entities(List<ListSource> sources) {
            List<ListSnapshot> snapshots = new ArrayList<>();
            for (ListSource source : sources) {
                snapshots.addAll(ListReader.read(source.format(), source.path()));
            }
            List<ListedEntity> entities = new ArrayList<>();
            for (ListSnapshot snapshot : snapshots) {
                entities.addAll(snapshot.entities());
            }
            return entities;
        }
    }

    /** A {@code --list FORMAT:PATH} argument. */
    record ListSource(ListFormat format, Path path) {
        static ListSource parse(String argument) {
            int colon = argument.indexOf(':');
            if (colon <= 0 || colon == argument.length() - 1) {
                throw new IllegalArgumentException("--list expects FORMAT:PATH, got '" + argument + "'");
            }
            return new ListSource(
                    ListFormat.fromCliName(argument.substring(0, colon)), Path.of(argument.substring(colon + 1)));
        }
    }

    /** A row to screen: its party, or none when nothing could be read, and its warnings. */
    private record PartyRow(String id, long line, Optional<Party> party, List<String> warnings) {}

    private static Optional<EntityType> schema(Row row, String schema) {
        try {
            return EntityType.fromSchema(schema);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(row.line(), "schema: " + e.getMessage());
        }
    }

    private static String requireText(Row row, String column) {
        String value = row.get(column);
        if (value.isBlank()) {
            throw new BadInputException(row.line(), column + " is empty");
        }
        return value;
    }

    /** Work that may fail on bad input; failures become one line on stderr and exit code 1. */
    @FunctionalInterface
    private interface Job {
        long run() throws IOException;
    }

    private static int runGuarded(String command, Path input, Path output, Job job) {
        try {
            job.run();
            return 0;
        } catch (BadInputException | CsvFormatException e) {
            return fail(command, output, input + ": " + e.getMessage());
        } catch (ListFormatException e) {
            return fail(command, output, e.getMessage());
        } catch (NoSuchFileException e) {
            return fail(command, output, "no such file: " + e.getFile());
        } catch (IOException e) {
            return fail(command, output, e.toString());
        } catch (UncheckedIOException e) {
            return fail(command, output, e.getCause().toString());
        }
    }

    private static int fail(String command, Path output, String message) {
        System.err.println("corridor: " + command + ": " + message.replace('\n', ' '));
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            // The partial output stays; the exit code already says the run failed.
        }
        return 1;
    }

    private static <T> long runBatch(
            String command, Rows rows, Iterator<T> items, Function<T, String> work, Writer out) {
        Progress progress = new Progress(command, rows);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long count = OrderedBatch.<T, String>of(threads, CHUNK_ROWS)
                .run(
                        items,
                        work,
                        line -> {
                            try {
                                out.write(line);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        progress::update);
        progress.finish(count);
        return count;
    }

    /**
     * The rows read with warnings: each goes to stderr as {@code command: IN.csv: line N: reason}
     * (the first {@value #PRINTED} of them), and the run ends with a count of such rows.
     */
    private static final class RowWarnings {
        private static final int PRINTED = 100;
        private final String command;
        private long withWarnings;
        private long unscreened;

        RowWarnings(String command) {
            this.command = command;
        }

        /** Called on the reading thread, one row at a time. */
        PartyRow note(PartyRow row, Path input) {
            if (!row.warnings().isEmpty()) {
                withWarnings++;
                if (row.party().isEmpty()) {
                    unscreened++;
                }
                if (withWarnings <= PRINTED) {
                    for (String warning : row.warnings()) {
                        System.err.println(command + ": " + input + ": line " + row.line() + ": " + warning);
                    }
                }
            }
            return row;
        }

        long unscreened() {
            return unscreened;
        }

        void summarise(long rows) {
            if (withWarnings > 0) {
                System.err.printf(
                        Locale.ROOT,
                        "%s: %,d of %,d rows had fields that could not be read (%,d not screened: empty name)%n",
                        command,
                        withWarnings,
                        rows,
                        unscreened);
            }
        }
    }

    /** One input row with its columns by (lower-case) header name. */
    record Row(long line, Map<String, Integer> columns, CsvRecord record) {
        String get(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.field(index).strip();
        }
    }

    /** The rows of an input CSV after its header, read lazily; counts bytes for progress. */
    static final class Rows implements AutoCloseable {
        private final CsvReader reader;
        private final Map<String, Integer> columns;
        private final CountingStream counter;
        final long totalBytes;

        private Rows(CsvReader reader, Map<String, Integer> columns, CountingStream counter, long totalBytes) {
            this.reader = reader;
            this.columns = columns;
            this.counter = counter;
            this.totalBytes = totalBytes;
        }

        static Rows open(Path path, List<String> required) throws IOException {
            long size = Files.size(path);
            CountingStream counter = new CountingStream(Files.newInputStream(path));
            CsvReader reader = CsvReader.of(new InputStreamReader(counter, StandardCharsets.UTF_8));
            Optional<CsvRecord> header = reader.next();
            if (header.isEmpty()) {
                reader.close();
                throw new BadInputException(
                        1, "the file is empty; expected a header with " + String.join(",", required));
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> names = header.get().fields();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip().toLowerCase(Locale.ROOT);
                if (columns.putIfAbsent(name, i) != null) {
                    reader.close();
                    throw new BadInputException(header.get().lineNumber(), "column '" + name + "' appears twice");
                }
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    reader.close();
                    throw new BadInputException(
                            header.get().lineNumber(),
                            "header lacks column '" + column + "' (expected " + String.join(",", required) + ")");
                }
            }
            return new Rows(reader, columns, counter, size);
        }

        long bytesRead() {
            return counter.count;
        }

        <T> Iterator<T> map(Function<Row, T> parse) {
            return new Iterator<>() {
                private Optional<CsvRecord> next = Optional.empty();
                private boolean done;

                @Override
                public boolean hasNext() {
                    if (next.isEmpty() && !done) {
                        next = reader.next();
                        done = next.isEmpty();
                    }
                    return next.isPresent();
                }

                @Override
                public T next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    CsvRecord record = next.get();
                    next = Optional.empty();
                    if (record.size() > columns.size()) {
                        throw new BadInputException(
                                record.lineNumber(), "expected " + columns.size() + " fields, found " + record.size());
                    }
                    return parse.apply(new Row(record.lineNumber(), columns, record));
                }
            };
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** Counts the bytes read through it, for the progress bar. */
    static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /**
     * Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise
     * (so logs stay readable).
     */
    static final class Progress {
        private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
        private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
        private static final int BAR_WIDTH = 30;

        private final String label;
        private final Rows rows;
        private final boolean terminal = System.console() != null;
        private final PrintStream err = System.err;
        private final long started = System.nanoTime();
        private long lastPrinted = started;

        Progress(String label, Rows rows) {
            this.label = label;
            this.rows = rows;
        }

        void update(long done) {
            long now = System.nanoTime();
            if (now - lastPrinted < (terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
                return;
            }
            lastPrinted = now;
            print(done, now, false);
        }

        void finish(long done) {
            print(done, System.nanoTime(), true);
        }

        private void print(long done, long now, boolean last) {
            double seconds = Math.max(1e-9, (now - started) / 1e9);
            long perSecond = Math.round(done / seconds);
            double fraction = rows.totalBytes == 0 ? 1 : Math.min(1, rows.bytesRead() / (double) rows.totalBytes);
            if (last) {
                fraction = 1;
            }
            if (terminal) {
                int filled = (int) Math.round(fraction * BAR_WIDTH);
                String bar = "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled);
                err.printf(
                        Locale.ROOT,
                        "\r%s [%s] %3d%% %,d rows %,d rows/s%s",
                        label,
                        bar,
                        Math.round(fraction * 100),
                        done,
                        perSecond,
                        last ? "\n" : "");
            } else {
                err.printf(
                        Locale.ROOT,
                        "%s: %s%,d rows (%d%%), %,d rows/s, %.1f s%n",
                        label,
                        last ? "done, " : "",
                        done,
                        Math.round(fraction * 100),
                        perSecond,
                        seconds);
            }
            err.flush();
        }
    }
}
