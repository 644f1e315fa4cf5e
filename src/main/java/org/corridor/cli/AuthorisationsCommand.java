package org.corridor.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Cap;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.CoverageFinding;
import org.corridor.authorisation.CoveringAuthorisation;
import org.corridor.authorisation.Document;
import org.corridor.authorisation.ExpiryWarning;
import org.corridor.authorisation.Gap;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.authorisation.PendingItem;
import org.corridor.authorisation.Requirement;
import org.corridor.authorisation.Threshold;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "authorisations",
        description = "The register of waivers and licences that every money movement must hang on.",
        subcommands = {
            AuthorisationsCommand.Add.class,
            AuthorisationsCommand.ListAuthorisations.class,
            AuthorisationsCommand.Show.class,
            AuthorisationsCommand.Gaps.class,
            AuthorisationsCommand.Warnings.class,
            AuthorisationsCommand.Cover.class
        })
final class AuthorisationsCommand extends CommandGroup {

    @Command(
            name = "add",
            description = {
                "Record an authorisation, or with --renews its renewal (a new record; other terms default to the "
                        + "predecessor's).",
                "Thresholds: ACTION:COMPARISON:AMOUNT:CURRENCY:DAYS:KIND[+KIND], such as "
                        + "PRIOR_APPROVAL:AT_OR_ABOVE:40000.00:EUR:30:DISBURSEMENT (DAYS: aggregation of linked "
                        + "payments, 0 for none).",
                "Caps: SCOPE:AMOUNT:CURRENCY[:DAYS]:KIND[+KIND], such as PER_PERIOD:100000000.00:EUR:7:CONVERSION "
                        + "or TOTAL:500000000.00:EUR:CONVERSION+DISBURSEMENT."
            })
    static final class Add extends CorridorCommand {
        @Option(names = "--reference", required = true, paramLabel = "REF", description = "Such as W-19.")
        String reference;

        @Option(
                names = "--type",
                paramLabel = "TYPE",
                description = "One of: ${COMPLETION-CANDIDATES} (required unless renewing).")
        AuthorisationType type;

        @Option(names = "--renews", paramLabel = "REF", description = "The authorisation this one renews.")
        String renews;

        @Option(names = "--series", paramLabel = "NAME", description = "Programme the authorisation belongs to.")
        String series;

        @Option(names = "--issuer", paramLabel = "TEXT")
        String issuer;

        @Option(names = "--legal-basis", paramLabel = "TEXT")
        String legalBasis;

        @Option(names = "--valid-from", required = true, paramLabel = "YYYY-MM-DD", description = "First valid day.")
        LocalDate validFrom;

        @Option(names = "--valid-to", required = true, paramLabel = "YYYY-MM-DD", description = "Last valid day.")
        LocalDate validTo;

        @Option(names = "--purposes", split = ",", paramLabel = "CATEGORY", description = "${COMPLETION-CANDIDATES}")
        Set<Category> purposes;

        @Option(names = "--movements", split = ",", paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}")
        Set<MovementKind> movements;

        @Option(names = "--currencies", split = ",", paramLabel = "CODE", description = "Permitted, such as IQD,EUR.")
        List<String> currencies;

        @Option(
                names = "--prohibited-currencies",
                split = ",",
                paramLabel = "CODE",
                description = "Prohibited, such as USD.")
        List<String> prohibitedCurrencies;

        @Option(
                names = "--locations",
                split = ",",
                paramLabel = "LOCATION",
                description = "Permitted account locations, such as IQ,OM.")
        List<String> locations;

        @Option(
                names = "--prior-approval",
                split = ",",
                paramLabel = "KIND",
                description = "Movement kinds needing the Authority's prior approval per transaction.")
        Set<MovementKind> priorApproval;

        @Option(names = "--threshold", paramLabel = "SPEC", description = "Repeatable; see above.")
        List<String> thresholds;

        @Option(names = "--cap", paramLabel = "SPEC", description = "Repeatable; see above.")
        List<String> caps;

        @Option(names = "--conditions", paramLabel = "TEXT", description = "Other conditions, as text.")
        String conditions;

        @Option(names = "--document", paramLabel = "FILE", description = "The authorisation's document.")
        Path document;

        @Override
        void run(Corridor corridor) {
            Authorisations register = corridor.authorisations();
            Optional<Authorisation> predecessor = Optional.ofNullable(renews).map(register::find);
            NewAuthorisation.Builder terms = predecessor
                    .map(p -> p.terms().reference(reference).type(type == null ? p.type() : type))
                    .orElseGet(() -> NewAuthorisation.builder(reference, type));
            applyGivenOptions(terms);
            if (predecessor.isEmpty() && type == null) {
                throw new InvalidInputException("AUTHORISATION_INCOMPLETE", "--type is required unless renewing");
            }
            Authorisation added = predecessor.isPresent()
                    ? register.renew(CliActor.current(), predecessor.get().id(), terms.build())
                    : register.register(CliActor.current(), terms.build());
            printAdded(register, predecessor, added);
        }

        /** The options given on the command line override the predecessor's terms; the rest stay. */
        private void applyGivenOptions(NewAuthorisation.Builder terms) {
            terms.valid(validFrom, validTo);
            ifGiven(series, terms::series);
            ifGiven(issuer, terms::issuer);
            ifGiven(legalBasis, terms::legalBasis);
            ifGiven(purposes, terms::purposes);
            ifGiven(movements, terms::movements);
            ifGiven(
                    currencies,
                    codes -> terms.currencies(codes.stream().map(Currency::of).toList()));
            ifGiven(
                    prohibitedCurrencies,
                    codes -> terms.prohibitedCurrencies(
                            codes.stream().map(Currency::of).toList()));
            ifGiven(locations, terms::locations);
            ifGiven(priorApproval, terms::priorApprovalFor);
            ifGiven(
                    thresholds,
                    specs -> terms.thresholds(specs.stream().map(Add::threshold).toList()));
            ifGiven(caps, specs -> terms.caps(specs.stream().map(Add::cap).toList()));
            ifGiven(conditions, terms::conditions);
            ifGiven(document, file -> terms.document(readDocument(file)));
        }

        private static <T> void ifGiven(T option, Consumer<T> apply) {
            if (option != null) {
                apply.accept(option);
            }
        }

        private static void printAdded(
                Authorisations register, Optional<Authorisation> predecessor, Authorisation added) {
            System.out.println(
                    (predecessor.isPresent() ? "renewed " + predecessor.get().reference() + " as " : "registered ")
                            + added.reference() + " (" + added.type() + ", series " + added.series() + ") valid "
                            + added.validFrom() + " to " + added.validTo() + "; id " + added.id());
            if (predecessor.isPresent()) {
                register.gaps(Optional.empty()).stream()
                        .filter(gap -> gap.followingReference().equals(Optional.of(added.reference())))
                        .forEach(gap -> System.out.println("gap " + gap.from() + " to " + gap.to() + " (" + gap.days()
                                + " days) after " + gap.precedingReference()));
            }
        }

        static Threshold threshold(String spec) {
            String[] parts = spec.split(":");
            if (parts.length != 6) {
                throw specInvalid("threshold", spec, "ACTION:COMPARISON:AMOUNT:CURRENCY:DAYS:KIND[+KIND]");
            }
            try {
                return new Threshold(
                        Threshold.Action.valueOf(parts[0].trim()),
                        Threshold.Comparison.valueOf(parts[1].trim()),
                        Money.parse(parts[2].trim(), Currency.of(parts[3])),
                        kinds(parts[5]),
                        Integer.parseInt(parts[4].trim()));
            } catch (IllegalArgumentException e) {
                throw specInvalid("threshold", spec, "ACTION:COMPARISON:AMOUNT:CURRENCY:DAYS:KIND[+KIND]");
            }
        }

        static Cap cap(String spec) {
            String[] parts = spec.split(":");
            try {
                Cap.Scope scope = Cap.Scope.valueOf(parts[0].trim());
                int expected = scope == Cap.Scope.PER_PERIOD ? 5 : 4;
                if (parts.length != expected) {
                    throw new IllegalArgumentException("parts");
                }
                Money limit = Money.parse(parts[1].trim(), Currency.of(parts[2]));
                int days = scope == Cap.Scope.PER_PERIOD ? Integer.parseInt(parts[3].trim()) : 0;
                return new Cap(scope, limit, days, kinds(parts[expected - 1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw specInvalid("cap", spec, "SCOPE:AMOUNT:CURRENCY[:DAYS]:KIND[+KIND]");
            }
        }

        private static Set<MovementKind> kinds(String text) {
            return Arrays.stream(text.split("\\+"))
                    .map(kind -> MovementKind.valueOf(kind.trim()))
                    .collect(Collectors.toSet());
        }

        private static InvalidInputException specInvalid(String what, String spec, String format) {
            return new InvalidInputException(
                    "OPTION_INVALID", "a " + what + " is written " + format + ", not '" + spec + "'");
        }

        private static Document readDocument(Path file) {
            return new Document(InputFiles.name(file), InputFiles.readAllBytes(file));
        }
    }

    @Command(name = "list", description = "List authorisations and their state.")
    static final class ListAuthorisations extends CorridorCommand {
        @Option(
                names = "--on",
                paramLabel = "YYYY-MM-DD",
                description = "Show the state on this date (default: today in the channel's zone).")
        LocalDate on;

        @Override
        void run(Corridor corridor) {
            LocalDate date = on == null ? corridor.authorisations().today() : on;
            System.out.printf(
                    "%-16s %-18s %-16s %-10s %-10s %-13s %s%n",
                    "REFERENCE", "TYPE", "SERIES", "FROM", "TO", "STATE", "ISSUER");
            for (Authorisation a : corridor.authorisations().list()) {
                System.out.printf(
                        "%-16s %-18s %-16s %-10s %-10s %-13s %s%n",
                        a.reference(), a.type(), a.series(), a.validFrom(), a.validTo(), state(a, date), a.issuer());
            }
        }

        static String state(Authorisation a, LocalDate date) {
            if (date.isBefore(a.validFrom())) {
                return "NOT_YET_VALID";
            }
            return date.isAfter(a.validTo()) ? "EXPIRED" : "VALID";
        }
    }

    @Command(name = "show", description = "Show one authorisation in full.")
    static final class Show extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "REF|ID", description = "Its reference (such as W-19) or id.")
        String name;

        @Override
        void run(Corridor corridor) {
            Authorisation a = corridor.authorisations().find(name);
            Optional<String> predecessor = a.predecessorId()
                    .map(id -> corridor.authorisations().get(id).reference());
            print("reference", a.reference());
            print("id", a.id().toString());
            print("type", a.type().name());
            print("series", a.series());
            print("renews", predecessor.orElse("-"));
            print("issuer", a.issuer());
            print("legal basis", a.legalBasis());
            print(
                    "valid",
                    a.validFrom() + " to " + a.validTo() + " (" + a.days() + " days, inclusive, " + corridor.zone()
                            + ")");
            print("purposes", join(a.permittedPurposes()));
            print("movements", join(a.permittedMovements()));
            print("currencies", join(a.permittedCurrencies()));
            print("prohibited", join(a.prohibitedCurrencies()));
            print("locations", join(a.permittedLocations()));
            print("prior approval", join(a.priorApprovalFor()));
            print("thresholds", join(a.thresholds()));
            print("caps", join(a.caps()));
            print("conditions", a.conditions().isEmpty() ? "-" : a.conditions());
            print(
                    "document",
                    a.document()
                            .map(d -> d.name() + " (" + d.sizeBytes() + " bytes, sha256 " + d.sha256() + ")")
                            .orElse("-"));
            print("recorded", a.recordedAt() + " by " + a.recordedBy());
        }

        private static void print(String label, String value) {
            System.out.printf("%-15s %s%n", label + ":", value);
        }

        private static String join(java.util.Collection<?> values) {
            return values.isEmpty() ? "-" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    @Command(name = "gaps", description = "List the gaps between consecutive periods of each series (inclusive dates).")
    static final class Gaps extends CorridorCommand {
        @Option(
                names = "--as-of",
                paramLabel = "YYYY-MM-DD",
                description = "Also show an open gap from the end of a series' last period up to this date.")
        LocalDate asOf;

        @Override
        void run(Corridor corridor) {
            List<Gap> gaps = corridor.authorisations().gaps(Optional.ofNullable(asOf));
            System.out.printf("%-16s %-10s %-10s %5s  %-16s %s%n", "SERIES", "FROM", "TO", "DAYS", "AFTER", "BEFORE");
            for (Gap gap : gaps) {
                System.out.printf(
                        "%-16s %-10s %-10s %5d  %-16s %s%n",
                        gap.series(),
                        gap.from(),
                        gap.to(),
                        gap.days(),
                        gap.precedingReference(),
                        gap.followingReference().orElse("(open)"));
            }
        }
    }

    @Command(
            name = "warnings",
            description = "Authorisations about to expire, with the pending items each expiry would affect.")
    static final class Warnings extends CorridorCommand {
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "As of this date (default: today).")
        LocalDate on;

        @Option(
                names = "--lead-days",
                split = ",",
                paramLabel = "DAYS",
                description = "Lead times in days (default: 30,14,7,1).")
        List<Integer> leadDays;

        @Override
        void run(Corridor corridor) {
            LocalDate date = on == null ? corridor.authorisations().today() : on;
            List<ExpiryWarning> warnings = corridor.authorisations()
                    .expiryWarnings(date, leadDays == null ? Authorisations.DEFAULT_WARNING_DAYS : leadDays);
            if (warnings.isEmpty()) {
                System.out.println("no authorisation expires within the lead times as of " + date);
            }
            for (ExpiryWarning warning : warnings) {
                Authorisation a = warning.authorisation();
                System.out.println(a.reference() + " expires after " + a.validTo() + ": " + warning.daysRemaining()
                        + " day(s) left (" + warning.leadDays() + "-day warning)"
                        + warning.renewedBy().map(r -> "; renewed by " + r).orElse("; not renewed"));
                for (PendingItem item : warning.affectedItems()) {
                    System.out.println("  affects " + item.kind() + " " + item.reference()
                            + item.amount().map(m -> " " + m).orElse("")
                            + item.plannedDate().map(d -> " planned " + d).orElse(""));
                }
            }
        }
    }

    @Command(
            name = "cover",
            description = "Check which authorisations cover a movement on its execution date, or why none does"
                    + " (exit 1 when none does).")
    static final class Cover extends CorridorCommand {
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}")
        MovementKind kind;

        @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD", description = "Execution date.")
        LocalDate on;

        @Option(
                names = "--amount",
                required = true,
                paramLabel = "'CUR AMOUNT'",
                description = "Such as 'EUR 4704000.00'.")
        String amount;

        @Option(names = "--counter-amount", paramLabel = "'CUR AMOUNT'", description = "A conversion's target side.")
        String counterAmount;

        @Option(names = "--purposes", split = ",", paramLabel = "CATEGORY")
        Set<Category> purposes;

        @Option(names = "--account-location", paramLabel = "LOCATION")
        String accountLocation;

        @Option(names = "--destination-location", paramLabel = "LOCATION")
        String destinationLocation;

        @Option(names = "--approval", paramLabel = "REF", description = "The Authority's prior approval reference.")
        String approval;

        @Option(names = "--linked-key", paramLabel = "KEY", description = "Key linking payments for aggregation.")
        String linkedKey;

        private Movement movement;

        @Override
        void check() {
            movement = Movement.of(kind, on, Money.parse(amount))
                    .withAccountLocation(accountLocation)
                    .withDestinationLocation(destinationLocation)
                    .withPriorApproval(approval)
                    .withLinkedPaymentKey(linkedKey);
            if (counterAmount != null) {
                movement = movement.withCounterAmount(Money.parse(counterAmount));
            }
            if (purposes != null) {
                movement = movement.withPurposes(purposes.toArray(Category[]::new));
            }
        }

        @Override
        void run(Corridor corridor) {
            Coverage coverage = corridor.authorisations().coverage(movement);
            if (coverage instanceof Coverage.Covered covered) {
                List<String> references = new ArrayList<>();
                covered.authorisations()
                        .forEach(c -> references.add(c.authorisation().reference()));
                System.out.println("COVERED by " + String.join(", ", references));
                for (CoveringAuthorisation c : covered.authorisations()) {
                    for (Requirement requirement : c.requirements()) {
                        System.out.println("  " + c.authorisation().reference() + " " + requirement.kind() + ": "
                                + requirement.detail()
                                + requirement
                                        .approvalReference()
                                        .map(r -> " (" + r + ")")
                                        .orElse(""));
                    }
                }
            } else {
                // The reasons once each, the primary first; then what each authorisation lacked. Exit 1.
                Coverage.NotCovered refused = (Coverage.NotCovered) coverage;
                System.out.println("NOT COVERED: "
                        + refused.reasons().stream().distinct().map(Enum::name).collect(Collectors.joining(", ")));
                exitCode = 1;
                boolean oneReason = refused.reasons().stream().distinct().count() == 1;
                for (CoverageFinding finding : refused.findings()) {
                    System.out.println("  " + finding.authorisationReference()
                            + (oneReason ? "" : " " + finding.reason()) + ": " + finding.detail());
                }
            }
        }
    }
}
