package org.corridor.authorisation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.corridor.audit.CanonicalJson;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The JSON of an authorisation's thresholds and caps as stored in their columns: canonical JSON, so
 * that the stored text of equal terms is equal.
 */
final class TermsJson {

    private TermsJson() {}

    static String writeThresholds(List<Threshold> thresholds) {
        return CanonicalJson.write(thresholds.stream()
                .map(t -> CanonicalJson.fields(
                        "action", t.action().name(),
                        "comparison", t.comparison().name(),
                        "amount", t.amount().toDecimalString(),
                        "currency", t.amount().currency().code(),
                        "movements", AuthorisationStore.names(t.movements(), Enum::name),
                        "aggregation_days", t.aggregationDays()))
                .toList());
    }

    static List<Threshold> readThresholds(String json) {
        return readEach(
                json,
                node -> new Threshold(
                        Threshold.Action.valueOf(node.get("action").asText()),
                        Threshold.Comparison.valueOf(node.get("comparison").asText()),
                        money(node),
                        movements(node.get("movements")),
                        node.get("aggregation_days").asInt()));
    }

    static String writeCaps(List<Cap> caps) {
        return CanonicalJson.write(caps.stream()
                .map(c -> CanonicalJson.fields(
                        "scope", c.scope().name(),
                        "amount", c.limit().toDecimalString(),
                        "currency", c.limit().currency().code(),
                        "period_days", c.periodDays(),
                        "movements", AuthorisationStore.names(c.movements(), Enum::name)))
                .toList());
    }

    static List<Cap> readCaps(String json) {
        return readEach(
                json,
                node -> new Cap(
                        Cap.Scope.valueOf(node.get("scope").asText()),
                        money(node),
                        node.get("period_days").asInt(),
                        movements(node.get("movements"))));
    }

    /** Each element of a stored JSON array, read by {@code element}, in order. */
    private static <T> List<T> readEach(String json, Function<JsonNode, T> element) {
        List<T> read = new ArrayList<>();
        CanonicalJson.read(json).forEach(node -> read.add(element.apply(node)));
        return read;
    }

    private static Money money(JsonNode node) {
        return Money.parse(
                node.get("amount").asText(), Currency.of(node.get("currency").asText()));
    }

    private static Set<MovementKind> movements(JsonNode array) {
        List<MovementKind> kinds = new ArrayList<>();
        array.forEach(kind -> kinds.add(MovementKind.valueOf(kind.asText())));
        return Set.copyOf(kinds);
    }
}
