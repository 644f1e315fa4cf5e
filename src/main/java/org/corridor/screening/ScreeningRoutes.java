package org.corridor.screening;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/**
 * Screening over HTTP: one party, a batch in input order, and the list versions. Every screening
 * is recorded in the audit trail with the list versions it used.
 */
public final class ScreeningRoutes implements Routes {

    /** Most parties in one batch request; larger files go through {@code corridor screen names}. */
    static final int MAX_BATCH = 1_000;

    /** An identifying number: type (PASSPORT, NATIONAL_ID, IMO, ...), value, issuing country. */
    public record IdentifierInput(String type, String value, Optional<String> country) {}

    /**
     * A party to screen. {@code type} is PERSON, ORGANISATION, VESSEL or AIRCRAFT (or a schema name
     * such as Person or Company); {@code birth_date} is YYYY, YYYY-MM or YYYY-MM-DD; {@code
     * nationality} a country name or ISO code.
     */
    public record PartyInput(
            Optional<String> id,
            String name,
            Optional<String> type,
            Optional<String> birthDate,
            Optional<String> nationality,
            Optional<List<IdentifierInput>> identifiers) {}

    /** One party, with an optional threshold (0 to 1) and hit limit (1 to 100). */
    public record ScreenPartyRequest(
            String name,
            Optional<String> type,
            Optional<String> birthDate,
            Optional<String> nationality,
            Optional<List<IdentifierInput>> identifiers,
            Optional<BigDecimal> threshold,
            Optional<Integer> limit) {}

    /** Up to 1,000 parties screened in order against the same list versions. */
    public record ScreenBatchRequest(
            List<PartyInput> parties, Optional<BigDecimal> threshold, Optional<Integer> limit) {}

    // The responses differ from the domain records on purpose: an outcome goes out as its name with
    // its hits, a hit with its score rounded to four decimals and its matched name as text, a list
    // version with its label and whether it is active.

    public record HitView(
            String list,
            String entityId,
            String entityName,
            String matchedName,
            double score,
            List<String> programmes,
            List<String> why) {
        static HitView of(Hit hit) {
            return new HitView(
                    hit.list().name(),
                    hit.entityId(),
                    hit.entityName(),
                    hit.matchedName().text(),
                    Math.round(hit.score() * 10000) / 10000.0,
                    hit.programmes(),
                    hit.why());
        }
    }

    /** CLEAR or POTENTIAL_MATCH with its hits, best first, and the list versions used. */
    public record ScreeningView(
            String outcome, List<HitView> hits, Map<String, String> listVersions, List<NoticeView> listNotices) {}

    /** A notice about an active list (issue 16): stale, a shipped sample, or a version in quarantine. */
    public record NoticeView(String kind, String list, String version, String message) {
        static List<NoticeView> of(List<ListNotice> notices) {
            return notices.stream()
                    .map(n -> new NoticeView(n.kind(), n.list().name(), n.version(), n.message()))
                    .toList();
        }
    }

    /**
     * One party's result. {@code warnings} names each field that could not be read (the party was
     * screened without it); an item without a name is NOT_SCREENED.
     */
    public record BatchResultView(
            int index, Optional<String> id, String outcome, List<HitView> hits, List<String> warnings) {}

    public record BatchView(
            List<BatchResultView> results, Map<String, String> listVersions, List<NoticeView> listNotices) {}

    public record ListVersionView(
            long id,
            String list,
            String version,
            String source,
            String publishedOn,
            String sha256,
            int entityCount,
            Instant importedAt,
            String importedBy,
            int added,
            int removed,
            int changed,
            boolean active) {}

    /** A version held back by the shrink check (issue 16), with the active version it would replace. */
    public record QuarantineView(
            ListVersionView version, long activeVersionId, int activeEntityCount, int removed, String confirmWith) {}

    public record ListsView(
            List<ListVersionView> active,
            List<ListVersionView> history,
            List<QuarantineView> quarantined,
            List<NoticeView> notices) {}

    /** Why a quarantined version is rejected, for the audit trail. */
    public record RejectRequest(String reason) {}

    private final Screening screening;

    public ScreeningRoutes(Screening screening) {
        this.screening = screening;
    }

    @Override
    public void register(Api api) {
        api.post("/api/v1/screening/parties")
                .requires(Permission.SCREENING_RUN)
                .tag("screening")
                .summary("Screen one party against the active sanctions lists; the hits explain themselves")
                .request(ScreenPartyRequest.class)
                .response(ScreeningView.class)
                .handle(this::screenParty);
        api.post("/api/v1/screening/batch")
                .requires(Permission.SCREENING_RUN)
                .tag("screening")
                .summary("Screen up to 1,000 parties against the active sanctions lists; results in input order")
                .request(ScreenBatchRequest.class)
                .response(BatchView.class)
                .handle(this::screenBatch);
        api.get("/api/v1/screening/lists")
                .requires(Permission.LISTS_READ)
                .tag("screening")
                .summary("The active version of each sanctions list and every imported version, newest first")
                .response(ListsView.class)
                .handle(this::lists);
        api.post("/api/v1/screening/lists/{id}/confirm")
                .requires(Permission.LISTS_CONFIRM)
                .tag("screening")
                .summary("A second person (never the importer) activates a quarantined list version (issue 16)")
                .response(ListVersionView.class)
                .handle(ctx -> ctx.json(view(screening.confirmQuarantined(Api.actor(ctx), versionId(ctx)), true)));
        api.post("/api/v1/screening/lists/{id}/reject")
                .requires(Permission.LISTS_CONFIRM)
                .tag("screening")
                .summary("A second person (never the importer) rejects a quarantined list version; it never"
                        + " becomes active")
                .request(RejectRequest.class)
                .response(ListVersionView.class)
                .handle(this::reject);
    }

    private void reject(Context ctx) {
        RejectRequest request = Requests.body(ctx, RejectRequest.class);
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidInputException("REASON_MISSING", "reason: say why the version is rejected");
        }
        ctx.json(view(screening.rejectQuarantined(Api.actor(ctx), versionId(ctx), request.reason()), false));
    }

    private static long versionId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("VERSION_ID_INVALID", "id: a list version number, got '" + text + "'");
        }
    }

    private void screenParty(Context ctx) {
        ScreenPartyRequest request = Requests.body(ctx, ScreenPartyRequest.class);
        Party party = party(
                "", request.name(), request.type(), request.birthDate(), request.nationality(), request.identifiers());
        ScreeningOptions options = options(request.threshold(), request.limit());
        ScreeningResult result = screening.screenAndRecord(Api.actor(ctx), party, options);
        ctx.json(new ScreeningView(
                outcome(result.outcome()),
                hits(result.outcome()),
                new TreeMap<>(result.auditVersions()),
                NoticeView.of(screening.notices())));
    }

    private void screenBatch(Context ctx) {
        ScreenBatchRequest request = Requests.body(ctx, ScreenBatchRequest.class);
        if (request.parties() == null || request.parties().isEmpty()) {
            throw new InvalidInputException("PARTIES_MISSING", "parties: give 1 to " + MAX_BATCH + " parties");
        }
        if (request.parties().size() > MAX_BATCH) {
            throw new InvalidInputException(
                    "BATCH_TOO_LARGE",
                    "parties: at most " + MAX_BATCH + " per request, got "
                            + request.parties().size());
        }
        ScreeningOptions options = options(request.threshold(), request.limit());
        List<PartyFields.Reading> readings = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < request.parties().size(); i++) {
            Optional<PartyFields.Reading> reading =
                    batchParty("parties[" + i + "].", request.parties().get(i));
            readings.add(reading.orElse(null));
            reading.ifPresent(read -> parties.add(read.party()));
        }
        ScreeningBatch batch = screening.screenBatchAndRecord(Api.actor(ctx), parties, options);
        List<BatchResultView> results = new ArrayList<>();
        int screened = 0;
        for (int i = 0; i < readings.size(); i++) {
            PartyInput input = request.parties().get(i);
            Optional<String> id = input == null ? Optional.empty() : input.id();
            PartyFields.Reading reading = readings.get(i);
            if (reading == null) {
                String why = input == null ? "parties[" + i + "] is null" : "parties[" + i + "].name is required";
                results.add(new BatchResultView(i, id, "NOT_SCREENED", List.of(), List.of(why + "; not screened")));
                continue;
            }
            ScreeningOutcome outcome = batch.outcomes().get(screened++);
            results.add(new BatchResultView(i, id, outcome(outcome), hits(outcome), reading.warnings()));
        }
        ctx.json(new BatchView(
                results,
                new TreeMap<>(Screening.auditVersions(batch.listVersions())),
                NoticeView.of(screening.notices())));
    }

    /**
     * A batch item read leniently: a field that cannot be read is a warning and the party is screened
     * without it; empty when there is no name to screen.
     */
    private static Optional<PartyFields.Reading> batchParty(String prefix, PartyInput input) {
        if (input == null || input.name() == null || input.name().isBlank()) {
            return Optional.empty();
        }
        String name = input.name().length() > 500 ? input.name().substring(0, 500) : input.name();
        PartyFields.Reading reading = PartyFields.read(
                name,
                prefix + "type",
                input.type(),
                prefix + "birth_date",
                input.birthDate(),
                prefix + "nationality",
                input.nationality());
        List<String> warnings = new ArrayList<>(reading.warnings());
        if (name.length() < input.name().length()) {
            warnings.add(prefix + "name: longer than 500 characters; its first 500 screened");
        }
        Party party = reading.party();
        List<IdentifierInput> given = input.identifiers().orElse(List.of());
        for (int i = 0; i < given.size(); i++) {
            try {
                party = party.withIdentifier(identifier(prefix + "identifiers[" + i + "].", given.get(i)));
            } catch (InvalidInputException e) {
                warnings.add(e.getMessage() + "; screened without it");
            }
        }
        return Optional.of(new PartyFields.Reading(party, warnings));
    }

    private void lists(Context ctx) {
        Map<SanctionsList, ListVersion> active = screening.active();
        List<ListVersionView> activeViews = new ArrayList<>();
        active.values().forEach(version -> activeViews.add(view(version, true)));
        List<ListVersionView> history = new ArrayList<>();
        for (ListVersion version : screening.versions()) {
            ListVersion current = active.get(version.list());
            history.add(view(version, current != null && current.id() == version.id()));
        }
        List<QuarantineView> quarantined = new ArrayList<>();
        for (QuarantinedVersion held : screening.quarantined()) {
            quarantined.add(new QuarantineView(
                    view(held.version(), false),
                    held.replaces(),
                    held.replacesEntityCount(),
                    held.version().removed(),
                    "POST /api/v1/screening/lists/" + held.version().id() + "/confirm (or /reject), by a person"
                            + " other than " + held.version().importedBy()));
        }
        ctx.json(new ListsView(activeViews, history, quarantined, NoticeView.of(screening.notices())));
    }

    private static ListVersionView view(ListVersion version, boolean active) {
        return new ListVersionView(
                version.id(),
                version.list().name(),
                version.label(),
                version.source(),
                version.publishedOn(),
                version.sha256(),
                version.entityCount(),
                version.importedAt(),
                version.importedBy(),
                version.added(),
                version.removed(),
                version.changed(),
                active);
    }

    private static String outcome(ScreeningOutcome outcome) {
        return outcome instanceof ScreeningOutcome.PotentialMatch ? "POTENTIAL_MATCH" : "CLEAR";
    }

    private static List<HitView> hits(ScreeningOutcome outcome) {
        return outcome.hits().stream().map(HitView::of).toList();
    }

    private static ScreeningOptions options(Optional<BigDecimal> threshold, Optional<Integer> limit) {
        double value = threshold.map(BigDecimal::doubleValue).orElse(Screener.DEFAULT_THRESHOLD);
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException("THRESHOLD_INVALID", "threshold must be from 0 to 1");
        }
        int most = limit.orElse(ScreeningOptions.DEFAULT_LIMIT);
        if (most < 1 || most > 100) {
            throw new InvalidInputException("LIMIT_INVALID", "limit must be from 1 to 100");
        }
        return new ScreeningOptions(value, most);
    }

    /** Reads a party, naming the field that is wrong (with {@code prefix} for batch items). */
    static Party party(
            String prefix,
            String name,
            Optional<String> type,
            Optional<String> birthDate,
            Optional<String> nationality,
            Optional<List<IdentifierInput>> identifiers) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("NAME_MISSING", prefix + "name is required");
        }
        if (name.length() > 500) {
            throw new InvalidInputException("NAME_TOO_LONG", prefix + "name is longer than 500 characters");
        }
        Party party = Party.named(name.strip());
        if (type.isPresent() && !type.get().isBlank()) {
            party = party.withType(entityType(prefix, type.get()));
        }
        if (birthDate.isPresent() && !birthDate.get().isBlank()) {
            String date = birthDate.get().strip();
            party = party.withBirthDate(PartialDate.read(date)
                    .orElseThrow(() -> new InvalidInputException(
                            "BIRTH_DATE_INVALID",
                            prefix + "birth_date: not a date: '" + date
                                    + "' (YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY, ...)")));
        }
        if (nationality.isPresent() && !nationality.get().isBlank()) {
            try {
                party = party.withNationality(nationality.get().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("NATIONALITY_INVALID", prefix + "nationality: " + e.getMessage());
            }
        }
        List<IdentifierInput> given = identifiers.orElse(List.of());
        for (int i = 0; i < given.size(); i++) {
            party = party.withIdentifier(identifier(prefix + "identifiers[" + i + "].", given.get(i)));
        }
        return party;
    }

    private static EntityType entityType(String prefix, String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (EntityType type : EntityType.values()) {
            if (type.name().equals(key)) {
                return type;
            }
        }
        try {
            return EntityType.fromSchema(text)
                    .orElseThrow(() -> new IllegalArgumentException("'" + text + "' names no single type"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "TYPE_INVALID",
                    prefix + "type: expected PERSON, ORGANISATION, VESSEL or AIRCRAFT: " + e.getMessage());
        }
    }

    private static Identifier identifier(String prefix, IdentifierInput input) {
        if (input == null
                || input.type() == null
                || input.value() == null
                || input.value().isBlank()) {
            throw new InvalidInputException("IDENTIFIER_INVALID", prefix + "type and value are required");
        }
        IdentifierType type;
        try {
            type = IdentifierType.valueOf(input.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "IDENTIFIER_INVALID",
                    prefix + "type: expected one of " + java.util.Arrays.toString(IdentifierType.values()));
        }
        String country = input.country().orElse("");
        if (!country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
            throw new InvalidInputException("IDENTIFIER_INVALID", prefix + "country: an ISO 3166 alpha-2 code");
        }
        return new Identifier(type, input.value(), country);
    }
}
