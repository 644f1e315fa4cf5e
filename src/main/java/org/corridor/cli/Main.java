package org.corridor.cli;

import java.io.PrintWriter;
import org.corridor.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code corridor} command: the root of every subcommand. */
@Command(
        name = "corridor",
        mixinStandardHelpOptions = true,
        version = "corridor 0.1.0",
        description = "Corridor: a restricted-funds payment channel.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            MigrateCommand.class,
            UsersCommand.class,
            LoginCommand.class,
            AuditCommand.class,
            BenchCommand.class,
            AuthorisationsCommand.class,
            RulesCommand.class,
            EligibilityCommand.class,
            OwnershipCommand.class,
            VesselsCommand.class,
            ReleasesCommand.class,
            PaymentsCommand.class,
            StatementsCommand.class,
            HitsCommand.class,
            LedgerCommand.class,
            SettlementCommand.class,
            ScreenCommand.class,
            ListsCommand.class,
            ReportCommand.class,
            AlertsCommand.class,
            RetentionCommand.class,
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 success, 1 failure, 2 usage error. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::failure);
        return commandLine.execute(args);
    }

    private static int failure(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("corridor: " + reason(exception));
        err.flush();
        return 1;
    }

    /** A one-line reason: the domain message, or the innermost message for anything else. */
    static String reason(Throwable exception) {
        if (exception instanceof DomainException domain) {
            return oneLine(domain.getMessage());
        }
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof DomainException) {
                break;
            }
            root = root.getCause();
        }
        String message = root.getMessage();
        return oneLine(message == null || message.isBlank() ? root.getClass().getSimpleName() : message);
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /** A bare {@code corridor} is a usage error: it prints the help on stderr and exits 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }
}
