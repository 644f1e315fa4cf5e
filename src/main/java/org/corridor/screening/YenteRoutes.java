package org.corridor.screening;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/**
 * The screening API in the shape of OpenSanctions' yente, so that a yente client moves to Corridor
 * by changing its base URL: {@code POST /match/{dataset}}, {@code GET /entities/{id}}, {@code GET
 * /search/{dataset}} and {@code GET /catalog}. Calls carry Corridor's bearer tokens like every
 * other; the answers are Corridor's own explained screening in yente's words.
 */
public final class YenteRoutes implements Routes {

    /** Most queries in one match request, as yente allows. */
    static final int MAX_QUERIES = 100;

    /** Results per query unless asked otherwise, as yente answers. */
    static final int DEFAULT_LIMIT = 5;

    static final int MAX_LIMIT = 100;

    /** Most entity ids one request may exclude, as yente allows. */
    static final int MAX_EXCLUDED = 50;

    /** The matcher's name unless the caller names one. */
    static final String MATCHER = "corridor";

    /**
     * The algorithm names a yente client may send. Corridor has one matcher; it answers under the
     * name asked for, and its description says that Corridor's matcher gave the scores.
     */
    static final Set<String> ALGORITHMS =
            Set.of(MATCHER, "default", "best", "logic-v1", "logic-v2", "name-based", "name-qualified", "regression-v1");

    public record Total(int value, String relation) {}

    public record EntityView(
            String id,
            String caption,
            String schema,
            Map<String, List<String>> properties,
            List<String> datasets,
            List<String> referents,
            boolean target,
            Optional<String> firstSeen,
            Optional<String> lastSeen,
            Optional<String> lastChange) {}

    /** What one feature (name, birth_date, nationality, identifier) did to the score, and why. */
    public record Explanation(double score, String detail) {}

    public record ScoredView(
            String id,
            String caption,
            String schema,
            Map<String, List<String>> properties,
            List<String> datasets,
            List<String> referents,
            boolean target,
            double score,
            Map<String, Double> features,
            Map<String, Explanation> explanations,
            boolean match) {}

    public record QueryView(Optional<String> id, String schema, Map<String, List<String>> properties) {}

    public record MatchesView(int status, List<ScoredView> results, Total total, QueryView query) {}

    public record FeatureDoc(String description, double coefficient, Optional<String> url) {}

    public record MatcherView(String name, String description, Map<String, FeatureDoc> features) {}

    public record MatchResponse(Map<String, MatchesView> responses, MatcherView matcher, int limit) {}

    public record SearchResponse(
            int limit, int offset, Total total, List<EntityView> results, Map<String, Object> facets) {}

    public record DatasetView(
            String name,
            String title,
            Optional<String> summary,
            Optional<String> url,
            boolean load,
            Optional<String> entitiesUrl,
            String version,
            Optional<String> indexVersion,
            boolean indexCurrent,
            List<String> children) {}

    public record CatalogResponse(
            List<DatasetView> datasets, List<String> current, List<String> outdated, boolean indexStale) {}

    private final EntityMatching matching;

    public YenteRoutes(EntityMatching matching) {
        this.matching = matching;
    }

    @Override
    public void register(Api api) {
        api.post("/match/{dataset}")
                .requires(Permission.SCREENING_RUN)
                .tag("yente")
                .summary("yente's query by example: match FollowTheMoney entities against a dataset's lists")
                .query("threshold", "score from which a result is a match (0 to 1; Corridor's calibrated 0.6)")
                .query("cutoff", "score from which a result is returned at all (0 to 1; the threshold)")
                .query("limit", "results per query, 1 to 100 (5)")
                .query("algorithm", "a yente algorithm name; Corridor's matcher answers under it")
                .query("exclude_entity_ids", "entity ids or referents to leave out (repeatable, at most 50)")
                .response(MatchResponse.class)
                .handle(this::match);
        api.get("/entities/{id}")
                .requires(Permission.SCREENING_RUN)
                .tag("yente")
                .summary("One listed entity by its id or any of its referents, as a FollowTheMoney entity")
                .response(EntityView.class)
                .handle(this::entity);
        api.get("/search/{dataset}")
                .requires(Permission.SCREENING_RUN)
                .tag("yente")
                .summary("Listed entities whose names resemble q, best first")
                .requiredQuery("q", "the name to search for")
                .query("schema", "Person, Company, Organization, LegalEntity, Vessel or Airplane")
                .query("limit", "1 to 100 (10)")
                .query("offset", "0 to 99")
                .response(SearchResponse.class)
                .handle(this::search);
        api.get("/catalog")
                .requires(Permission.LISTS_READ)
                .tag("yente")
                .summary("The active list versions as yente datasets: sanctions (every list) and one per list")
                .response(CatalogResponse.class)
                .handle(this::catalog);
    }

    private void match(Context ctx) {
        onlyParameters(ctx, Set.of("threshold", "cutoff", "limit", "algorithm", "exclude_entity_ids"));
        JsonNode body = Requests.body(ctx, JsonNode.class);
        Map<String, FtmQuery> queries = queries(body);
        double threshold = fraction(ctx, "threshold", Screener.DEFAULT_THRESHOLD);
        double cutoff = Math.min(fraction(ctx, "cutoff", threshold), threshold);
        int limit = Requests.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String algorithm = algorithm(ctx);
        List<String> excluded = ctx.queryParams("exclude_entity_ids");
        if (excluded.size() > MAX_EXCLUDED) {
            throw new InvalidInputException(
                    "PARAMETER_INVALID", "exclude_entity_ids: at most " + MAX_EXCLUDED + " ids");
        }
        String dataset = ctx.pathParam("dataset");
        EntityMatching.Answer<Map<String, EntityMatching.Matches>> answer = matching.match(
                Api.actor(ctx),
                dataset,
                queries,
                new EntityMatching.MatchOptions(threshold, cutoff, limit, new LinkedHashSet<>(excluded)));
        Map<String, MatchesView> responses = new LinkedHashMap<>();
        answer.value().forEach((key, matches) -> responses.put(key, view(matches)));
        ctx.header("x-batch-size", String.valueOf(responses.size()));
        ctx.json(new MatchResponse(responses, matcher(algorithm), limit));
    }

    private void entity(Context ctx) {
        ListedEntity entity =
                matching.entity(Api.actor(ctx), ctx.pathParam("id")).value();
        ctx.json(view(entity));
    }

    private void search(Context ctx) {
        onlyParameters(ctx, Set.of("q", "schema", "limit", "offset"));
        String text = Requests.query(ctx, "q")
                .orElseThrow(() -> new InvalidInputException("PARAMETER_MISSING", "q: the name to search for"));
        if (text.length() > 500) {
            throw new InvalidInputException("PARAMETER_INVALID", "q is longer than 500 characters");
        }
        Optional<EntityType> type;
        try {
            type = EntityType.fromSchema(Requests.query(ctx, "schema").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PARAMETER_INVALID", "schema: " + e.getMessage());
        }
        int limit = Requests.intQuery(ctx, "limit", 10, 1, MAX_LIMIT);
        int offset = Requests.intQuery(ctx, "offset", 0, 0, MAX_LIMIT - 1);
        EntityMatching.Matches found = matching.search(
                        Api.actor(ctx), ctx.pathParam("dataset"), text, type, limit, offset)
                .value();
        List<EntityView> results = new ArrayList<>();
        found.results().forEach(scored -> results.add(view(scored.entity())));
        ctx.json(new SearchResponse(limit, offset, new Total(found.total(), "eq"), results, Map.of()));
    }

    private void catalog(Context ctx) {
        List<DatasetView> datasets = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (EntityMatching.Dataset dataset : matching.catalogue(Api.actor(ctx))) {
            datasets.add(new DatasetView(
                    dataset.name(),
                    dataset.title(),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    Optional.empty(),
                    dataset.version(),
                    Optional.of(dataset.version()),
                    true,
                    dataset.children()));
            current.add(dataset.name());
        }
        ctx.json(new CatalogResponse(datasets, current, List.of(), false));
    }

    /** The queries of a match body; yente's weights and config have no meaning here and are refused. */
    private static Map<String, FtmQuery> queries(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidInputException("BODY_INVALID", "the body is an object with queries");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("queries", "weights", "config").contains(name)) {
                throw new InvalidInputException("BODY_INVALID", name + ": unknown field; expected queries");
            }
            if (!name.equals("queries") && !body.get(name).isEmpty()) {
                throw new InvalidInputException(
                        "MATCH_OPTION_UNSUPPORTED",
                        name + ": Corridor's matcher takes no " + name
                                + "; its weights are calibrated (docs/screening.md)");
            }
        }
        JsonNode given = body.get("queries");
        if (given == null || !given.isObject() || given.isEmpty()) {
            throw new InvalidInputException(
                    "QUERIES_MISSING", "queries: give 1 to " + MAX_QUERIES + " entity examples");
        }
        if (given.size() > MAX_QUERIES) {
            throw new InvalidInputException(
                    "BATCH_TOO_LARGE", "queries: at most " + MAX_QUERIES + " per request, got " + given.size());
        }
        Map<String, FtmQuery> queries = new LinkedHashMap<>();
        given.properties()
                .forEach(entry -> queries.put(entry.getKey(), FtmQuery.read(entry.getKey(), entry.getValue())));
        return queries;
    }

    /**
     * Refuses a query parameter Corridor does not apply (yente's include_dataset, topics, ...):
     * ignoring a filter the caller relies on would answer a question it did not ask.
     */
    private static void onlyParameters(Context ctx, Set<String> known) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidInputException(
                        "PARAMETER_UNSUPPORTED",
                        name + ": not applied by Corridor; expected "
                                + known.stream().sorted().toList());
            }
        }
    }

    private static double fraction(Context ctx, String name, double fallback) {
        Optional<String> text = Requests.query(ctx, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below with the others
        }
        throw new InvalidInputException("PARAMETER_INVALID", name + " must be a number from 0 to 1");
    }

    private static String algorithm(Context ctx) {
        String name = Requests.query(ctx, "algorithm").orElse(MATCHER).toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(name)) {
            throw new InvalidInputException(
                    "ALGORITHM_UNKNOWN",
                    "algorithm: expected one of " + ALGORITHMS.stream().sorted().toList());
        }
        return name;
    }

    private static MatcherView matcher(String algorithm) {
        Map<String, FeatureDoc> features = new LinkedHashMap<>();
        features.put(
                "name",
                new FeatureDoc(
                        "how closely the query's best name aligns with a listed name, token by token, across scripts",
                        1,
                        Optional.empty()));
        features.put(
                "birth_date",
                new FeatureDoc(
                        "raises the score when birth dates agree, lowers it when they differ", 1, Optional.empty()));
        features.put(
                "nationality",
                new FeatureDoc(
                        "raises the score when a country agrees, lowers it when they differ", 1, Optional.empty()));
        features.put(
                "identifier",
                new FeatureDoc(
                        "an identifier that agrees (IMO, passport, registration number) confirms; one that differs lowers",
                        1,
                        Optional.empty()));
        String description = algorithm.equals(MATCHER)
                ? "Corridor's explained matcher (docs/screening.md)"
                : "Corridor's explained matcher, answering for yente's " + algorithm + " (docs/screening.md)";
        return new MatcherView(algorithm, description, features);
    }

    private static MatchesView view(EntityMatching.Matches matches) {
        List<ScoredView> results = new ArrayList<>();
        for (EntityMatching.Scored scored : matches.results()) {
            Map<String, Double> features = new LinkedHashMap<>();
            Map<String, Explanation> explanations = new LinkedHashMap<>();
            for (Contribution contribution : scored.hit().contributions()) {
                double rounded = round(contribution.delta());
                features.merge(contribution.field(), rounded, Double::sum);
                explanations.put(contribution.field(), new Explanation(rounded, contribution.detail()));
            }
            ListedEntity entity = scored.entity();
            results.add(new ScoredView(
                    FtmEntities.id(entity),
                    entity.primaryName(),
                    FtmEntities.schema(entity),
                    FtmEntities.properties(entity),
                    List.of(FtmEntities.dataset(entity.list())),
                    entity.referents(),
                    true,
                    round(scored.hit().score()),
                    features,
                    explanations,
                    scored.match()));
        }
        FtmQuery query = matches.query();
        QueryView echo = new QueryView(
                query.id().isEmpty() ? Optional.empty() : Optional.of(query.id()), query.schema(), query.properties());
        return new MatchesView(200, results, new Total(matches.total(), "eq"), echo);
    }

    private static EntityView view(ListedEntity entity) {
        return new EntityView(
                FtmEntities.id(entity),
                entity.primaryName(),
                FtmEntities.schema(entity),
                FtmEntities.properties(entity),
                List.of(FtmEntities.dataset(entity.list())),
                entity.referents(),
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
