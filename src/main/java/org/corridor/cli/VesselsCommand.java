package org.corridor.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.csv.CsvTable;
import org.corridor.ownership.PartyRef;
import org.corridor.vessel.RiskIndicator;
import org.corridor.vessel.Vessel;
import org.corridor.vessel.VesselQuery;
import org.corridor.vessel.VesselScreening;
import org.corridor.vessel.Vessels;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "vessels",
        description = "Vessels: register particulars and risk indicators, and screen a vessel.",
        subcommands = {
            VesselsCommand.Register.class,
            VesselsCommand.Indicators.class,
            VesselsCommand.Screen.class,
            VesselsCommand.Show.class
        })
final class VesselsCommand extends CommandGroup {

    @Command(
            name = "register",
            description = {
                "Register vessels from a CSV file, whole or not at all.",
                "Header: imo,name,flag_state,registered_owner_id,registered_owner_name,manager_id,manager_name,source"
                        + " (imo, name and source required)."
            })
    static final class Register extends CsvImportCommand {
        @Override
        String importFile(Corridor corridor, Reader reader) {
            Vessels.Recorded recorded =
                    corridor.vessels().importVessels(CliActor.current(), InputFiles.name(file), reader);
            return "registered " + file + ": " + recorded.vessels() + " vessels written";
        }
    }

    @Command(
            name = "indicators",
            description = {
                "Record risk indicators from a CSV file, whole or not at all; known ones are skipped.",
                "Header: imo,kind,observed_on,duration_hours,area,counterpart,from_flag,to_flag,source (imo, kind,"
                        + " observed_on and source required); kind is AIS_GAP, STS_TRANSFER or FLAG_CHANGE."
            })
    static final class Indicators extends CsvImportCommand {
        @Override
        String importFile(Corridor corridor, Reader reader) {
            Vessels.Recorded recorded =
                    corridor.vessels().importIndicators(CliActor.current(), InputFiles.name(file), reader);
            return "recorded " + file + ": " + recorded.indicators() + " new indicators";
        }
    }

    @Command(
            name = "screen",
            description = "Screen a vessel (or each vessel of a CSV file) and print the decision and its reasons."
                    + " The decision is an answer: the exit code is 0 whatever it is.")
    static final class Screen extends CorridorCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @ArgGroup(exclusive = false)
            One one;

            @Option(
                    names = "--input",
                    paramLabel = "FILE",
                    description = "A CSV file of vessels to screen; header imo,name (flag_state optional).")
            Path input;
        }

        static final class One {
            @Option(names = "--imo", paramLabel = "N", description = "The IMO number (seven digits).")
            String imo;

            @Option(names = "--name", paramLabel = "NAME", description = "The vessel's name.")
            String name;

            @Option(names = "--flag", paramLabel = "XX", description = "The flag state (ISO 3166 alpha-2).")
            String flag;

            @Option(names = "--owner-id", paramLabel = "PARTY", description = "The registered owner's party id.")
            String ownerId;

            @Option(names = "--owner-name", paramLabel = "NAME", description = "The registered owner's name.")
            String ownerName;
        }

        @Option(
                names = "--on",
                paramLabel = "DATE",
                description = "Screen as of this date, YYYY-MM-DD (default: today in the channel's zone).")
        LocalDate on;

        @Override
        void run(Corridor corridor) throws IOException {
            Vessels vessels = corridor.vessels();
            LocalDate date = on == null ? vessels.today() : on;
            if (target.input != null) {
                screenFile(vessels, date);
                return;
            }
            One one = target.one;
            if (one.imo == null && one.name == null) {
                throw new InvalidInputException("VESSEL_QUERY_EMPTY", "give --imo, --name or both");
            }
            OwnershipCommand.requireTogether("--owner-id", one.ownerId, "--owner-name", one.ownerName);
            VesselQuery query = new VesselQuery(
                    Optional.ofNullable(one.imo),
                    Optional.ofNullable(one.name),
                    Optional.ofNullable(one.flag),
                    one.ownerId == null ? Optional.empty() : Optional.of(PartyRef.entity(one.ownerId, one.ownerName)),
                    Optional.empty(),
                    List.<RiskIndicator>of());
            vessels.screen(query, date).explanation().forEach(System.out::println);
        }

        private void screenFile(Vessels vessels, LocalDate date) throws IOException {
            try (Reader reader = InputFiles.open(target.input)) {
                CsvTable table = CsvTable.read(reader, Set.of(), Set.of("imo", "name", "flag_state"), rows -> {});
                for (CsvTable.Row row : table.rows()) {
                    VesselQuery query = new VesselQuery(
                            optional(row.get("imo")),
                            optional(row.get("name")),
                            optional(row.get("flag_state")),
                            Optional.empty(),
                            Optional.empty(),
                            List.of());
                    VesselScreening screening;
                    try {
                        screening = vessels.screen(query, date);
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException(e.code(), "line " + row.line() + ": " + e.getMessage());
                    }
                    System.out.println("line " + row.line() + ": "
                            + screening.explanation().get(0));
                    screening
                            .reasons()
                            .forEach(reason -> System.out.println(
                                    "  " + reason.effect() + " " + reason.code() + ": " + reason.detail()));
                }
            }
        }
    }

    @Command(name = "show", description = "Show a registered vessel and its indicators.")
    static final class Show extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "IMO", description = "The IMO number.")
        String imo;

        @Override
        void run(Corridor corridor) {
            Vessel vessel = corridor.vessels().vessel(imo);
            System.out.println(vessel.imo() + " \"" + vessel.name() + "\""
                    + vessel.flagState().map(flag -> ", flag " + flag).orElse("")
                    + vessel.registeredOwner()
                            .map(owner -> ", registered owner " + owner.id())
                            .orElse("")
                    + vessel.manager()
                            .map(manager -> ", manager " + manager.id())
                            .orElse("")
                    + (vessel.imo().checkDigitValid() ? "" : " (IMO check digit fails)"));
            for (RiskIndicator indicator : corridor.vessels().indicators(imo)) {
                System.out.println("  " + indicator.kind() + " " + indicator.observedOn()
                        + indicator
                                .durationHours()
                                .map(hours -> " " + hours.toPlainString() + " h")
                                .orElse("")
                        + (indicator.area().isEmpty() ? "" : " in " + indicator.area())
                        + (indicator.counterpart().isEmpty() ? "" : " with " + indicator.counterpart())
                        + (indicator.toFlag().isEmpty() ? "" : " " + indicator.fromFlag() + "->" + indicator.toFlag())
                        + "; source " + indicator.source());
            }
        }
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
