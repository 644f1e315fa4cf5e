package org.corridor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListFormatException;
import org.corridor.screening.ListNotice;
import org.corridor.screening.ListReader;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListVersion;
import org.corridor.screening.SanctionsList;
import org.corridor.screening.Screening;
import org.corridor.screening.ShippedLists;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corridor lists}: the sanctions list versions in the database. {@code import} reads
 * published files (or the snapshot shipped with Corridor), {@code update} downloads the official
 * files first, {@code show} prints the active version of each list. A file that cannot be read,
 * parsed or fully downloaded never replaces the active version: the command says why in one line
 * and exits 1.
 */
@Command(
        name = "lists",
        mixinStandardHelpOptions = true,
        description = "Sanctions list versions: import, download and show.",
        subcommands = {
            ListsCommand.Import.class,
            ListsCommand.Update.class,
            ListsCommand.Show.class,
            ListsDecisionCommand.Confirm.class,
            ListsDecisionCommand.Reject.class
        })
final class ListsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The publishers as the command line names them, with their official download addresses. */
    enum Source {
        OFAC(
                ListFormat.OFAC_CSV,
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/",
                "ofac/",
                List.of(
                        "SDN.CSV",
                        "ADD.CSV",
                        "ALT.CSV",
                        "SDN_COMMENTS.CSV",
                        "CONS_PRIM.CSV",
                        "CONS_ADD.CSV",
                        "CONS_ALT.CSV",
                        "CONS_COMMENTS.CSV")),
        UN(
                ListFormat.UN_XML,
                "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                "un/consolidated.xml",
                List.of()),
        UK(
                ListFormat.UK_CSV,
                "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",
                "uk/ConList.csv",
                List.of()),
        EU(
                ListFormat.EU_CSV,
                "https://webgate.ec.europa.eu/fsd/fsf/public/files/csvFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
                "eu/csvFullSanctionsList_1_1.csv",
                List.of()),
        /**
         * OpenSanctions' FollowTheMoney entities. Their licence binds the channel (CC BY-NC unless it
         * holds a commercial one), so {@code update} fetches them only when asked by name.
         */
        FTM(
                ListFormat.FTM_JSON,
                "https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json",
                "opensanctions/entities.ftm.json",
                List.of());

        final ListFormat format;
        final String officialUrl;
        /** Where a mirror given by {@code --base-url} holds this source. */
        final String mirrorPath;
        /** For OFAC, the files fetched from the URL taken as a folder; empty when the URL is the file. */
        final List<String> files;

        Source(ListFormat format, String officialUrl, String mirrorPath, List<String> files) {
            this.format = format;
            this.officialUrl = officialUrl;
            this.mirrorPath = mirrorPath;
            this.files = files;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        String environmentVariable() {
            return "CORRIDOR_LISTS_" + name() + "_URL";
        }

        static Source parse(String text) {
            for (Source source : values()) {
                if (source.cliName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return source;
                }
            }
            throw new IllegalArgumentException("unknown source '" + text + "'; expected ofac, un, uk, eu or ftm");
        }
    }

    static final class SourceConverter implements CommandLine.ITypeConverter<Source> {
        @Override
        public Source convert(String value) {
            try {
                return Source.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import list files as new versions: --source ofac (a folder, or sdn.csv / cons_prim.csv with their"
                        + " companions beside them), un (the consolidated XML), uk (the OFSI ConList CSV), eu (the FSF"
                        + " CSV), ftm (OpenSanctions' FollowTheMoney entities.ftm.json, one JSON entity per line)."
                        + " Files may be gzip-compressed (.gz).",
                "All files are parsed before anything is stored; a malformed file imports nothing.",
                "--shipped imports the snapshot shipped with Corridor for every list not yet imported."
            })
    static final class Import implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--source", converter = SourceConverter.class, description = "ofac, un, uk, eu or ftm")
        Source source;

        @Option(names = "--shipped", description = "Import the shipped snapshot for lists never imported.")
        boolean shipped;

        @Option(
                names = "--published",
                paramLabel = "DATE",
                description = "The list's publication date when its files carry none (OFAC CSV), as YYYY-MM-DD.")
        String published;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folder to import.")
        List<Path> paths = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (shipped == (source != null)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "give either --source with PATH... or --shipped");
            }
            if (shipped && !paths.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--shipped takes no PATH");
            }
            if (!shipped && paths.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--source needs at least one PATH");
            }
            Optional<String> publishedOn = publishedOption(published);
            try (Corridor corridor = database.open()) {
                Screening screening = corridor.screening();
                if (shipped) {
                    Map<SanctionsList, ListVersion> before = screening.active();
                    Steps steps = new Steps("lists import", 2);
                    steps.next("parsing and storing the shipped lists");
                    int imported = screening.importShipped(CliActor.current());
                    steps.finish();
                    System.out.println("imported " + imported + " shipped lists");
                    printChanges(before, screening.active());
                    return 0;
                }
                Steps steps = new Steps("lists import", paths.size() + 1);
                List<ListSnapshot> parsed = new ArrayList<>();
                try {
                    for (Path path : paths) {
                        steps.next("parsing " + path);
                        parsed.addAll(read(source, path));
                    }
                } catch (ListFormatException e) {
                    steps.abandon();
                    return failure("lists import", e.getMessage() + "; nothing imported");
                } catch (UncheckedIOException e) {
                    steps.abandon();
                    return failure("lists import", e.getCause().getMessage() + "; nothing imported");
                }
                List<ListSnapshot> snapshots =
                        publishedOn.map(date -> dated(parsed, date)).orElse(parsed);
                steps.next("storing " + snapshots.size() + " list(s)");
                Map<SanctionsList, ListVersion> before = screening.active();
                String origin = String.join(
                        " ",
                        paths.stream().map(p -> p.toAbsolutePath().toString()).toList());
                List<ListVersion> imported = screening.importSnapshots(CliActor.current(), snapshots, origin);
                steps.finish();
                printChanges(before, screening.active(), snapshots);
                return ListsDecisionCommand.reportQuarantined(screening, imported, "lists import");
            }
        }

        /** One path of one source: an OFAC folder or primary file, or one file of another list. */
        static List<ListSnapshot> read(Source source, Path path) {
            if (source != Source.OFAC) {
                return ListReader.read(source.format, path);
            }
            if (Files.isDirectory(path)) {
                return ListReader.readOfacFolder(path);
            }
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            SanctionsList wanted;
            if (name.equals("sdn.csv") || name.equals("sdn.csv.gz")) {
                wanted = SanctionsList.OFAC_SDN;
            } else if (name.equals("cons_prim.csv") || name.equals("cons_prim.csv.gz")) {
                wanted = SanctionsList.OFAC_NON_SDN;
            } else {
                throw new ListFormatException(
                        path.toString(), "ofac expects a folder, sdn.csv or cons_prim.csv (companions beside it)");
            }
            if (!Files.isRegularFile(path)) {
                throw new ListFormatException(path.toString(), "no such file");
            }
            Path folder = path.toAbsolutePath().getParent();
            return ListReader.readOfacFolder(folder).stream()
                    .filter(snapshot -> snapshot.list() == wanted)
                    .toList();
        }
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = {
                "Download the official list files, parse them and import them as new versions.",
                "Addresses, first that applies: --url SOURCE=URL; --base-url URL (a mirror holding ofac/SDN.CSV and the"
                        + " other OFAC files, un/consolidated.xml, uk/ConList.csv, eu/csvFullSanctionsList_1_1.csv);"
                        + " $CORRIDOR_LISTS_OFAC_URL, _UN_URL, _UK_URL, _EU_URL; $CORRIDOR_LISTS_BASE_URL; the official"
                        + " address. An OFAC URL is a folder from which SDN.CSV, ADD.CSV, ALT.CSV, SDN_COMMENTS.CSV,"
                        + " CONS_PRIM.CSV, CONS_ADD.CSV, CONS_ALT.CSV and CONS_COMMENTS.CSV are fetched.",
                "Everything is downloaded and parsed before anything is stored: a failed download (HTTP error,"
                        + " timeout, truncated body) or a malformed file imports nothing and exits 1."
            })
    static final class Update implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(
                names = "--source",
                converter = SourceConverter.class,
                description = "ofac, un, uk, eu or ftm (repeatable); default the four official lists")
        List<Source> sources = new ArrayList<>();

        @Option(names = "--base-url", paramLabel = "URL", description = "A mirror of all sources (layout above).")
        String baseUrl;

        @Option(names = "--url", paramLabel = "SOURCE=URL", description = "The address of one source (repeatable).")
        Map<String, String> urls = new LinkedHashMap<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per file; default ${DEFAULT-VALUE}.")
        int timeoutSeconds = 300;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** The environment, replaceable in tests. */
        Map<String, String> environment = System.getenv();

        @Override
        public Integer call() throws InterruptedException {
            // The official lists by default; OpenSanctions' data only when named (its licence binds the channel).
            Set<Source> wanted = sources.isEmpty()
                    ? EnumSet.of(Source.OFAC, Source.UN, Source.UK, Source.EU)
                    : EnumSet.copyOf(sources);
            Map<Source, String> addresses = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, String> entry : urls.entrySet()) {
                    Source.parse(entry.getKey());
                }
                for (Source source : wanted) {
                    addresses.put(source, address(source));
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (timeoutSeconds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1");
            }
            Path folder;
            try {
                folder = Files.createTempDirectory("corridor-lists-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                ListsDownloader downloader = new ListsDownloader(Duration.ofSeconds(timeoutSeconds));
                Steps steps = new Steps("lists update", files(addresses) + addresses.size() + 1);
                Map<Source, List<ListSnapshot>> parsed = new LinkedHashMap<>();
                for (Map.Entry<Source, String> entry : addresses.entrySet()) {
                    Source source = entry.getKey();
                    try {
                        parsed.put(source, fetchAndParse(source, entry.getValue(), folder, downloader, steps));
                    } catch (ListsDownloader.Failed e) {
                        steps.abandon();
                        return failure(
                                "lists update",
                                source.cliName() + ": " + e.getMessage()
                                        + "; nothing imported, active versions unchanged");
                    } catch (ListFormatException e) {
                        steps.abandon();
                        return failure(
                                "lists update",
                                source.cliName() + ": malformed file: " + e.getMessage()
                                        + "; nothing imported, active versions unchanged");
                    }
                }
                steps.next("storing");
                parsed.forEach((source, snapshots) ->
                        snapshots.forEach(snapshot -> Screening.validate(snapshot, addresses.get(source))));
                try (Corridor corridor = database.open()) {
                    Screening screening = corridor.screening();
                    Map<SanctionsList, ListVersion> before = screening.active();
                    List<ListSnapshot> all = new ArrayList<>();
                    List<ListVersion> imported = new ArrayList<>();
                    for (Map.Entry<Source, List<ListSnapshot>> entry : parsed.entrySet()) {
                        imported.addAll(screening.importSnapshots(
                                CliActor.current(), entry.getValue(), addresses.get(entry.getKey())));
                        all.addAll(entry.getValue());
                    }
                    steps.finish();
                    printChanges(before, screening.active(), all);
                    return ListsDecisionCommand.reportQuarantined(screening, imported, "lists update");
                }
            } finally {
                deleteTree(folder);
            }
        }

        private String address(Source source) {
            String given = null;
            for (Map.Entry<String, String> entry : urls.entrySet()) {
                if (Source.parse(entry.getKey()) == source) {
                    given = entry.getValue();
                }
            }
            if (given != null) {
                return given;
            }
            if (baseUrl != null && !baseUrl.isBlank()) {
                return mirror(baseUrl, source);
            }
            String fromEnvironment = environment.get(source.environmentVariable());
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return fromEnvironment.strip();
            }
            String base = environment.get("CORRIDOR_LISTS_BASE_URL");
            if (base != null && !base.isBlank()) {
                return mirror(base, source);
            }
            return source.officialUrl;
        }

        private static String mirror(String base, Source source) {
            String root = base.strip();
            return (root.endsWith("/") ? root : root + "/") + source.mirrorPath;
        }

        private static int files(Map<Source, String> addresses) {
            int count = 0;
            for (Source source : addresses.keySet()) {
                count += source.files.isEmpty() ? 1 : source.files.size();
            }
            return count;
        }

        private static List<ListSnapshot> fetchAndParse(
                Source source, String url, Path folder, ListsDownloader downloader, Steps steps)
                throws ListsDownloader.Failed, InterruptedException {
            Path dir = folder.resolve(source.cliName());
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Optional<String> lastModified = Optional.empty();
            Path file;
            if (source.files.isEmpty()) {
                file = dir.resolve(fileName(source));
                steps.next("downloading " + url);
                lastModified = downloader.download(url, file, false).lastModified();
            } else {
                String prefix = url.endsWith("/") ? url : url + "/";
                for (String name : source.files) {
                    steps.next("downloading " + prefix + name);
                    ListsDownloader.Downloaded downloaded = downloader.download(
                            prefix + name,
                            dir.resolve(name.toLowerCase(Locale.ROOT)),
                            !(name.equals("SDN.CSV") || name.equals("CONS_PRIM.CSV")));
                    if (lastModified.isEmpty()) {
                        lastModified = downloaded.lastModified();
                    }
                }
                file = dir;
            }
            steps.next("parsing " + source.cliName());
            List<ListSnapshot> snapshots = ListReader.read(source.format, file);
            // OFAC's CSV carries no date of its own; the server's Last-Modified is the best we have.
            Optional<String> date = lastModified;
            return snapshots.stream()
                    .map(snapshot -> snapshot.publishedOn().isEmpty() && date.isPresent()
                            ? new ListSnapshot(
                                    snapshot.list(), date.get(), snapshot.sourceSha256(), snapshot.entities())
                            : snapshot)
                    .toList();
        }

        private static String fileName(Source source) {
            String path = source.mirrorPath;
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "One line per list: the active version, its publication date, digest, counts and delta.")
    static final class Show extends CorridorCommand {
        @Option(names = "--history", description = "Also list every imported version, newest first.")
        boolean history;

        @Override
        void run(Corridor corridor) {
            Screening screening = corridor.screening();
            Map<SanctionsList, ListVersion> active = screening.active();
            List<ListNotice> notices = screening.notices();
            for (SanctionsList list : SanctionsList.values()) {
                ListVersion version = active.get(list);
                if (version == null && !ShippedLists.SHIPPED.contains(list)) {
                    continue; // OpenSanctions data is only ever there when an operator imported it
                }
                System.out.println(
                        version == null
                                ? String.format(
                                        Locale.ROOT,
                                        "%-12s no active version (./corridor lists import or lists update)",
                                        list)
                                : describe(version) + ListsDecisionCommand.warnings(notices, list));
            }
            ListsDecisionCommand.printQuarantined(screening);
            if (history) {
                System.out.println("history:");
                for (ListVersion version : screening.versions()) {
                    System.out.println("  " + describe(version) + " imported " + version.importedAt() + " by "
                            + version.importedBy() + " from " + version.source());
                }
            }
        }
    }

    /** {@code UN  version 3  published 2026-02-27  sha256 3f9a0c1d2e4b  1,003 entities  delta +2 -1 ~4}. */
    static String describe(ListVersion version) {
        return String.format(
                Locale.ROOT,
                "%-12s version %d  published %s  sha256 %s  %,d entities  delta +%d -%d ~%d",
                version.list(),
                version.id(),
                version.publishedOn().isEmpty() ? "unknown" : version.publishedOn(),
                version.sha256().substring(0, 12),
                version.entityCount(),
                version.added(),
                version.removed(),
                version.changed());
    }

    private static void printChanges(Map<SanctionsList, ListVersion> before, Map<SanctionsList, ListVersion> after) {
        for (Map.Entry<SanctionsList, ListVersion> entry : after.entrySet()) {
            ListVersion previous = before.get(entry.getKey());
            if (previous == null || previous.id() != entry.getValue().id()) {
                System.out.println("imported " + describe(entry.getValue()));
            }
        }
    }

    private static void printChanges(
            Map<SanctionsList, ListVersion> before, Map<SanctionsList, ListVersion> after, List<ListSnapshot> given) {
        for (ListSnapshot snapshot : given) {
            ListVersion now = after.get(snapshot.list());
            ListVersion previous = before.get(snapshot.list());
            if (now == null) {
                continue;
            }
            if (previous != null && previous.id() == now.id()) {
                if (!now.sha256().equals(snapshot.sourceSha256())) {
                    continue; // quarantined (issue 16): ListsDecisionCommand reports it
                }
                System.out.println("unchanged " + describe(now) + " (same content already active)");
            } else {
                System.out.println("imported " + describe(now));
            }
        }
    }

    private static List<ListSnapshot> dated(List<ListSnapshot> snapshots, String date) {
        return snapshots.stream()
                .map(s -> new ListSnapshot(s.list(), date, s.sourceSha256(), s.entities()))
                .toList();
    }

    private static Optional<String> publishedOption(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDate.parse(text.strip()).toString());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("PUBLISHED_INVALID", "--published expects YYYY-MM-DD: '" + text + "'");
        }
    }

    private static int failure(String command, String message) {
        System.err.println("corridor: " + command + ": " + message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
        return 1;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(ListsDownloader::deleteQuietly);
        } catch (IOException e) {
            // A temporary folder; the system cleans it eventually.
        }
    }

    /**
     * Progress on stderr by steps: a redrawn bar on a terminal, one plain line per step otherwise
     * (parsing and storing a list have no finer measure).
     */
    static final class Steps {
        private static final int BAR_WIDTH = 30;

        private final String label;
        private final int total;
        private final boolean terminal = System.console() != null;
        private final PrintStream err = System.err;
        private final long started = System.nanoTime();
        private int done;

        Steps(String label, int total) {
            this.label = label;
            this.total = Math.max(1, total);
        }

        void next(String what) {
            if (terminal) {
                int filled = Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
                err.printf(
                        Locale.ROOT,
                        "\r%s [%s%s] %d/%d %-60.60s",
                        label,
                        "=".repeat(filled),
                        " ".repeat(BAR_WIDTH - filled),
                        done,
                        total,
                        what);
            } else {
                err.printf(Locale.ROOT, "%s: %s (%.1f s)%n", label, what, seconds());
            }
            err.flush();
            done++;
        }

        void finish() {
            if (terminal) {
                err.printf(Locale.ROOT, "\r%s [%s] done in %.1f s%-60s%n", label, "=".repeat(BAR_WIDTH), seconds(), "");
            } else {
                err.printf(Locale.ROOT, "%s: done in %.1f s%n", label, seconds());
            }
            err.flush();
        }

        void abandon() {
            if (terminal) {
                err.println();
            }
        }

        private double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }
    }
}
