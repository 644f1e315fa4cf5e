package org.corridor.demo;

import static org.corridor.demo.DemoClient.money;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.corridor.app.ScenarioClock;

/**
 * What the steps of the scenario share: Corridor's API as each demo user, the scenario's clock and
 * zone, the narrator, and the figures and payment files the steps collect.
 */
abstract class DemoStep {

    final DemoClient api;
    final ScenarioClock clock;
    final ZoneId zone;
    final DemoNarrator narrator;
    final Map<String, Object> figures;
    final Map<String, byte[]> payments;

    DemoStep(DemoClient api, ScenarioClock clock, ZoneId zone, DemoNarrator narrator) {
        this.api = api;
        this.clock = clock;
        this.zone = zone;
        this.narrator = narrator;
        this.figures = new LinkedHashMap<>();
        this.payments = new LinkedHashMap<>();
    }

    DemoStep(DemoStep shared) {
        this.api = shared.api;
        this.clock = shared.clock;
        this.zone = shared.zone;
        this.narrator = shared.narrator;
        this.figures = shared.figures;
        this.payments = shared.payments;
    }

    /** The moment of a step, given in the channel's local time. */
    void at(String localDateTime) {
        clock.advanceTo(LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
    }

    static String id(String name) {
        return UUID.nameUUIDFromBytes(("corridor-demo:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static BigDecimal amountOf(JsonNode withAmount) {
        return new BigDecimal(withAmount.get("amount").get("amount").asText());
    }

    static String amount(JsonNode money) {
        return group(new BigDecimal(money.get("amount").asText()));
    }

    static String group(BigDecimal amount) {
        return String.format(
                java.util.Locale.ROOT,
                "%,." + Math.max(0, amount.stripTrailingZeros().scale()) + "f",
                amount);
    }
}
