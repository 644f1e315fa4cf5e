package org.corridor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.cli.Main;
import org.corridor.identity.Role;

/** Runs Corridor's command line in the test's JVM and captures what it prints and its exit code. */
public final class Cli {

    private Cli() {}

    /** What one command line did. */
    public record Run(int exitCode, String out, String err) {
        public List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** Runs one command line; System.out and System.err are captured for its duration. */
    public static synchronized Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** A command line bound to one data folder: each run gets {@code --data-dir FOLDER} appended. */
    public static InFolder in(Path dataDir) {
        return new InFolder(dataDir);
    }

    /** Runs against one data folder, as an operator would with the same {@code --data-dir}. */
    public record InFolder(Path dataDir) {

        public Run run(String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--data-dir");
            all.add(dataDir.toString());
            return Cli.run(all.toArray(String[]::new));
        }

        /**
         * A person of this folder's database holding {@code role} (bound to {@code holders} when an
         * agent), enrolled through the real controls; its token, for {@code --token}.
         */
        public String token(String name, Role role, String... holders) {
            try (Corridor corridor = Corridor.open(Config.fromEnvironment().withDataDir(dataDir))) {
                return TestUsers.token(corridor, name, EnumSet.of(role), holders);
            }
        }

        /** Runs and requires exit code 0, showing what the command printed on stderr if not. */
        public Run ok(String... args) {
            Run run = run(args);
            assertThat(run.exitCode()).as(run.err()).isZero();
            return run;
        }
    }

    /** {@code authorisations add} of waiver W-19 (the worked scenario of docs/domain.md), then {@code more} options. */
    public static String[] addW19(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "authorisations",
                "add",
                "--reference",
                "W-19",
                "--type",
                "WAIVER",
                "--series",
                "IRAQ-ENERGY",
                "--issuer",
                "US Department of State",
                "--legal-basis",
                "National security waiver",
                "--valid-from",
                "2024-03-11",
                "--valid-to",
                "2024-07-08",
                "--purposes",
                "FOOD,AGRI,MEDICINE,DEVICE",
                "--movements",
                "DEPOSIT,CONVERSION,TRANSFER,DISBURSEMENT",
                "--currencies",
                "IQD,EUR",
                "--locations",
                "IQ,OM"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
