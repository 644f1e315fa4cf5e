package org.corridor.cli;

import java.time.LocalDate;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.report.LegalHold;
import org.corridor.report.RetentionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "retention",
        description = "Retention: legal holds, and what is past its retention period. Nothing is ever deleted.",
        subcommands = {
            RetentionCommand.Check.class,
            RetentionCommand.Hold.class,
            RetentionCommand.Release.class,
            RetentionCommand.Holds.class
        })
final class RetentionCommand extends CommandGroup {

    @Command(name = "check", description = "List records past retention, each ELIGIBLE or kept by a LEGAL_HOLD.")
    static final class Check extends CorridorCommand {
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Default: today.")
        String asOf;

        @Override
        void run(Corridor corridor) {
            LocalDate date = asOf == null ? corridor.reports().today() : SettlementCommand.date("--as-of", asOf);
            RetentionView view = corridor.reports().retention().check(date);
            System.out.println("retention " + view.retentionYears() + " years: records dated before " + view.cutoff()
                    + " are past retention");
            for (RetentionView.RetentionRecord record : view.pastRetention()) {
                System.out.println(record.status() + "  " + record.kind() + "  " + record.id() + "  " + record.date()
                        + (record.holds().isEmpty() ? "" : "  holds " + record.holds()));
            }
            System.out.println(view.pastRetention().size() + " records past retention; "
                    + view.auditEntriesPastRetention()
                    + " audit entries past retention are kept so that the chain stays verifiable");
        }
    }

    @Command(name = "hold", description = "Place a legal hold on a subject.")
    static final class Hold extends CorridorCommand {
        @Option(
                names = "--subject",
                required = true,
                paramLabel = "SUBJECT",
                description = "all, account:NAME, contract:REF, request:ID, deposit:ID, conversion:ID, transfer:ID")
        String subject;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, e.g. the case reference.")
        String reason;

        @Override
        void run(Corridor corridor) {
            LegalHold hold = corridor.reports().retention().place(CliActor.current(), subject, reason);
            System.out.println("legal hold " + hold.id() + " placed on " + hold.subject());
        }
    }

    @Command(name = "release", description = "Release a legal hold.")
    static final class Release extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "HOLD_ID")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        void run(Corridor corridor) {
            UUID holdId = parse(id);
            LegalHold hold = corridor.reports().retention().release(CliActor.current(), holdId, reason);
            System.out.println("legal hold " + hold.id() + " on " + hold.subject() + " released");
        }

        private static UUID parse(String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new org.corridor.InvalidInputException("PARAMETER_INVALID", "HOLD_ID is a UUID: " + text);
            }
        }
    }

    @Command(name = "holds", description = "List legal holds.")
    static final class Holds extends CorridorCommand {
        @Override
        void run(Corridor corridor) {
            for (LegalHold hold : corridor.reports().retention().holds()) {
                System.out.println(hold.id() + "  " + (hold.active() ? "ACTIVE  " : "RELEASED")
                        + "  " + hold.subject() + "  " + hold.reason() + "  placed by " + hold.placedBy()
                        + " " + hold.placedAt());
            }
        }
    }
}
