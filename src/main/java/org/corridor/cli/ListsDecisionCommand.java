package org.corridor.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.corridor.DomainException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.screening.ListNotice;
import org.corridor.screening.ListVersion;
import org.corridor.screening.QuarantinedVersion;
import org.corridor.screening.SanctionsList;
import org.corridor.screening.Screening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corridor lists confirm} and {@code lists reject}: a second person's decision on a list
 * version quarantined because it dropped more than the allowed share of the active version's
 * entities (issue 16). The console user acts as {@code cli:NAME}; Screening refuses the importer
 * by either door. Kept apart from {@link ListsCommand} so that list formats and decisions change
 * independently.
 */
final class ListsDecisionCommand {

    private ListsDecisionCommand() {}

    /**
     * A second person's decision on a quarantined version, as a holder of LISTS_CONFIRM. A refusal,
     * even of the sign-in, is printed as {@code corridor: lists confirm: CODE: reason} with exit 1.
     */
    abstract static class Decision implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(paramLabel = "VERSION", description = "The quarantined version's number.")
        long version;

        private final String command;

        Decision(String command) {
            this.command = command;
        }

        @Override
        public final Integer call() {
            try (Corridor corridor = database.open()) {
                Actor by = signIn.actor(corridor, Permission.LISTS_CONFIRM, command);
                System.out.println(decide(corridor.screening(), by));
                return 0;
            } catch (DomainException e) {
                return refused(command, e);
            }
        }

        /** Takes the decision and says what became of the version. */
        abstract String decide(Screening screening, Actor by);
    }

    @Command(
            name = "confirm",
            mixinStandardHelpOptions = true,
            description = {
                "Activate a quarantined list version (see lists show). Refused to the person who imported it"
                        + " (LIST_SELF_CONFIRMATION), for a version not waiting (LIST_NOT_QUARANTINED) and once"
                        + " another version has become active since (LIST_QUARANTINE_STALE)."
            })
    static final class Confirm extends Decision {
        Confirm() {
            super("lists confirm");
        }

        @Override
        String decide(Screening screening, Actor by) {
            return "confirmed " + ListsCommand.describe(screening.confirmQuarantined(by, version)) + " (now active)";
        }
    }

    @Command(
            name = "reject",
            mixinStandardHelpOptions = true,
            description = "Reject a quarantined list version: it never becomes active. Refused to its importer.")
    static final class Reject extends Decision {
        @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
        String reason;

        Reject() {
            super("lists reject");
        }

        @Override
        String decide(Screening screening, Actor by) {
            return "rejected " + ListsCommand.describe(screening.rejectQuarantined(by, version, reason))
                    + " (never active)";
        }
    }

    /**
     * The stale and sample notices of one list (issue 16), appended to its {@code lists show} line
     * so that the line stays one per list; empty when all is well.
     */
    static String warnings(List<ListNotice> notices, SanctionsList list) {
        StringBuilder text = new StringBuilder();
        for (ListNotice notice : notices) {
            if (notice.list() == list && !notice.kind().equals("LIST_QUARANTINED")) {
                text.append("  ! ").append(notice.kind()).append(": ").append(notice.message());
            }
        }
        return text.toString();
    }

    /** The same notices on stderr, for commands whose stdout is an answer file or table. */
    static void warn(Screening screening, String command) {
        for (ListNotice notice : screening.notices()) {
            System.err.println(command + ": warning: " + notice.line());
        }
    }

    /** One line per quarantined version, for {@code lists show}; nothing when none waits. */
    static void printQuarantined(Screening screening) {
        List<QuarantinedVersion> waiting = screening.quarantined();
        if (waiting.isEmpty()) {
            return;
        }
        System.out.println("quarantined (not used for screening until a second person decides):");
        for (QuarantinedVersion held : waiting) {
            System.out.println("  " + line(held));
        }
    }

    /**
     * After an import: says which versions were quarantined instead of activated, on stdout and
     * as a {@code corridor:} line on stderr.
     *
     * @return 1 when any was quarantined (so that a scheduled import is noticed), else 0
     */
    static int reportQuarantined(Screening screening, List<ListVersion> imported, String command) {
        int status = 0;
        for (QuarantinedVersion held : screening.quarantined()) {
            for (ListVersion version : imported) {
                if (version.id() == held.version().id()) {
                    System.out.println("quarantined " + line(held));
                    System.err.println("corridor: " + command + ": LIST_QUARANTINED: " + version.list() + " version "
                            + version.id() + " drops more than the allowed share of the active version's entities;"
                            + " the active version stays in use until a second person runs ./corridor lists confirm "
                            + version.id() + " (or lists reject)");
                    status = 1;
                }
            }
        }
        return status;
    }

    private static String line(QuarantinedVersion held) {
        ListVersion version = held.version();
        return String.format(
                Locale.ROOT,
                "%s  drops %,d of the %,d entities of active version %d (%.1f%%); imported by %s;"
                        + " ./corridor lists confirm %d or lists reject %d --reason TEXT",
                ListsCommand.describe(version),
                version.removed(),
                held.replacesEntityCount(),
                held.replaces(),
                100.0 * version.removed() / Math.max(1, held.replacesEntityCount()),
                version.importedBy(),
                version.id(),
                version.id());
    }

    private static int refused(String command, DomainException e) {
        System.err.println(
                "corridor: " + command + ": " + e.code() + ": " + e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " "));
        return 1;
    }
}
