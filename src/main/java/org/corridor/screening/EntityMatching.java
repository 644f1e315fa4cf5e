package org.corridor.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;

/**
 * The questions yente answers, asked of Corridor's active lists: match example entities, look an
 * entity up, search by name, and name the datasets. A dataset is one list ({@code ofac_sdn},
 * {@code un}, ...) or {@value #ALL}, every active list. Each answer comes from one consistent set
 * of list versions, and each call is recorded in the audit trail as a screening with those
 * versions.
 */
public final class EntityMatching {

    /** The dataset of every active list, as OpenSanctions names its collection of sanctions lists. */
    public static final String ALL = "sanctions";

    /** Hits fetched per name before the dataset and exclusions are applied. */
    private static final int FETCHED = 100;

    /** The score a search result needs: a search lists candidates, it does not decide. */
    static final double SEARCH_FLOOR = 0.5;

    /**
     * How to match: results from {@code cutoff} up, {@code match} from {@code threshold} up, at most
     * {@code limit} per query, leaving out the entities whose id or referents are {@code excluded}.
     */
    public record MatchOptions(double threshold, double cutoff, int limit, Set<String> excluded) {
        public MatchOptions {
            excluded = Set.copyOf(excluded);
        }
    }

    /** A listed entity that may be the query, with the hit that explains why. */
    public record Scored(ListedEntity entity, Hit hit, boolean match) {}

    /** The results of one query, best first, and how many there were before the limit. */
    public record Matches(FtmQuery query, List<Scored> results, int total) {}

    /** The datasets asked about and the list versions every answer came from. */
    public record Answer<T>(T value, Map<SanctionsList, ListVersion> versions) {}

    /** A dataset of the catalogue: one list's active version, or all of them. */
    public record Dataset(String name, String title, String version, List<String> children) {}

    private final Screening screening;

    public EntityMatching(Screening screening) {
        this.screening = screening;
    }

    /**
     * Matches each query against the dataset's lists, recording one screening for the request.
     *
     * @throws NotFoundException {@code DATASET_UNKNOWN} when the dataset is neither a list with an
     *     active version nor {@value #ALL}
     */
    public Answer<Map<String, Matches>> match(
            Actor actor, String dataset, Map<String, FtmQuery> queries, MatchOptions options) {
        ActiveLists lists = screening.activeLists();
        Set<SanctionsList> wanted = lists(lists, dataset);
        ScreeningOptions fetch = new ScreeningOptions(Math.min(options.threshold(), options.cutoff()), FETCHED);
        Map<String, Matches> responses = new LinkedHashMap<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        queries.forEach((key, query) -> {
            Map<String, Hit> best = new LinkedHashMap<>();
            for (Party party : query.parties()) {
                for (Hit hit : lists.screener().screen(party, fetch).hits()) {
                    if (wanted.contains(hit.list()) && !excluded(hit.entity(), options.excluded())) {
                        best.merge(hit.entity().key(), hit, (a, b) -> b.score() > a.score() ? b : a);
                    }
                }
            }
            List<Scored> results = best.values().stream()
                    .sorted(Comparator.comparingDouble(Hit::score)
                            .reversed()
                            .thenComparing(hit -> hit.entity().key()))
                    .map(hit -> new Scored(hit.entity(), hit, hit.score() >= options.threshold()))
                    .toList();
            List<Scored> shown = results.size() > options.limit() ? results.subList(0, options.limit()) : results;
            responses.put(key, new Matches(query, shown, results.size()));
            summary.add(CanonicalJson.fields(
                    "query", key,
                    "names", query.parties().stream().map(Party::name).toList(),
                    "matches",
                            shown.stream()
                                    .filter(Scored::match)
                                    .map(Scored::entity)
                                    .map(ListedEntity::key)
                                    .toList(),
                    "results", shown.size()));
        });
        record(
                actor,
                "screening.match",
                dataset + " " + queries.size() + " queries",
                lists,
                CanonicalJson.fields(
                        "dataset", dataset,
                        "threshold", options.threshold(),
                        "cutoff", options.cutoff(),
                        "limit", options.limit(),
                        "excluded", options.excluded().stream().sorted().toList()),
                summary);
        return new Answer<>(responses, versions(lists, wanted));
    }

    /**
     * The active entity with this id ({@link FtmEntities#id}) or with it among its referents.
     *
     * @throws NotFoundException {@code ENTITY_UNKNOWN} when no active list has it
     */
    public Answer<ListedEntity> entity(Actor actor, String id) {
        ActiveLists lists = screening.activeLists();
        Optional<ListedEntity> found = Optional.empty();
        for (ListedEntity entity : lists.entities()) {
            if (FtmEntities.id(entity).equals(id) || entity.referents().contains(id)) {
                found = Optional.of(entity);
                break;
            }
        }
        record(
                actor,
                "screening.entity",
                id,
                lists,
                CanonicalJson.fields("id", id),
                CanonicalJson.fields("found", found.map(ListedEntity::key).orElse("")));
        ListedEntity entity = found.orElseThrow(
                () -> new NotFoundException("ENTITY_UNKNOWN", "no active list holds an entity with id " + id));
        return new Answer<>(entity, versions(lists, EnumSet.of(entity.list())));
    }

    /** The entities of the dataset whose names resemble {@code text}, best first. */
    public Answer<Matches> search(
            Actor actor, String dataset, String text, Optional<EntityType> type, int limit, int offset) {
        ActiveLists lists = screening.activeLists();
        Set<SanctionsList> wanted = lists(lists, dataset);
        Party party = Party.named(text).withType(type);
        List<Scored> results =
                lists.screener().screen(party, new ScreeningOptions(SEARCH_FLOOR, FETCHED)).hits().stream()
                        .filter(hit -> wanted.contains(hit.list()))
                        .map(hit -> new Scored(hit.entity(), hit, false))
                        .toList();
        List<Scored> page = results.subList(Math.min(offset, results.size()), Math.min(offset + limit, results.size()));
        record(
                actor,
                "screening.search",
                text,
                lists,
                CanonicalJson.fields("dataset", dataset, "q", text, "limit", limit, "offset", offset),
                CanonicalJson.fields(
                        "results",
                        page.stream().map(Scored::entity).map(ListedEntity::key).toList()));
        FtmQuery query = new FtmQuery("", FtmEntities.schemaOf(type), Map.of("name", List.of(text)), List.of(party));
        return new Answer<>(new Matches(query, page, results.size()), versions(lists, wanted));
    }

    /** One dataset per active list and {@value #ALL} over all of them, recorded as a read of the lists. */
    public List<Dataset> catalogue(Actor actor) {
        Map<SanctionsList, ListVersion> active = screening.active();
        List<Dataset> datasets = new ArrayList<>();
        List<String> children = new ArrayList<>();
        active.forEach((list, version) -> {
            datasets.add(new Dataset(FtmEntities.dataset(list), title(list), version.label(), List.of()));
            children.add(FtmEntities.dataset(list));
        });
        String combined = String.join(
                "+", active.values().stream().map(ListVersion::label).toList());
        datasets.add(0, new Dataset(ALL, "Every active sanctions list", combined, children));
        Map<String, String> versions = new LinkedHashMap<>();
        active.forEach((list, version) -> versions.put(list.name(), version.label()));
        screening.recordScreening(new AuditEvent(
                actor, "screening.catalogue", ALL, Map.of(), CanonicalJson.fields("datasets", children), versions));
        return datasets;
    }

    private static Set<SanctionsList> lists(ActiveLists lists, String dataset) {
        if (dataset.equals(ALL)) {
            return lists.versions().isEmpty()
                    ? EnumSet.noneOf(SanctionsList.class)
                    : EnumSet.copyOf(lists.versions().keySet());
        }
        return FtmEntities.list(dataset)
                .filter(list -> lists.versions().containsKey(list))
                .map(EnumSet::of)
                .orElseThrow(() -> new NotFoundException(
                        "DATASET_UNKNOWN",
                        "no dataset " + dataset + "; see GET /catalog (" + ALL + " or one active list in lower case)"));
    }

    private static boolean excluded(ListedEntity entity, Set<String> excluded) {
        if (excluded.isEmpty()) {
            return false;
        }
        return excluded.contains(FtmEntities.id(entity))
                || entity.referents().stream().anyMatch(excluded::contains);
    }

    private static Map<SanctionsList, ListVersion> versions(ActiveLists lists, Set<SanctionsList> wanted) {
        Map<SanctionsList, ListVersion> versions = new LinkedHashMap<>();
        lists.versions().forEach((list, version) -> {
            if (wanted.contains(list)) {
                versions.put(list, version);
            }
        });
        return versions;
    }

    private void record(Actor actor, String action, String subject, ActiveLists lists, Object command, Object outcome) {
        String shortened = subject.length() > 200 ? subject.substring(0, 200) : subject;
        screening.recordScreening(
                new AuditEvent(actor, action, shortened, command, outcome, Screening.auditVersions(lists.labels())));
    }

    private static String title(SanctionsList list) {
        return switch (list) {
            case OFAC_SDN -> "US OFAC Specially Designated Nationals (SDN) List";
            case OFAC_NON_SDN -> "US OFAC Consolidated (non-SDN) Sanctions List";
            case UN -> "United Nations Security Council Consolidated List";
            case UK -> "UK HM Treasury / OFSI Consolidated List";
            case EU -> "EU Consolidated Financial Sanctions File";
            case OPENSANCTIONS -> "OpenSanctions entities (imported FollowTheMoney file)";
        };
    }
}
