package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.release.ReleaseScenario.AGENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.DomainException;
import org.corridor.audit.Actor;
import org.corridor.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of approvals, dispositions, executions and list changes by random people, on
 * one database: whatever happens, nothing executes without its whole chain taken by distinct people
 * other than the submitter, and the account's balance moves by exactly what executed.
 */
class ReleaseInvariantsTest {

    private static final List<Actor> PEOPLE = List.of(
            ReleaseScenario.MAKER,
            ReleaseScenario.OPERATIONS,
            ReleaseScenario.CHECKER,
            ReleaseScenario.SENIOR,
            ReleaseScenario.ANALYST,
            ReleaseScenario.REVIEWER,
            ReleaseScenario.SECOND_REVIEWER,
            new Actor("bashir", "OPERATOR"),
            new Actor("carla", "OPERATOR"));
    private static final List<String> STEPS = List.of("MAKER", "COMPLIANCE", "SENIOR_COMPLIANCE", "AUTHORITY");
    private static final List<String> DECISIONS = List.of(
            "FALSE_POSITIVE",
            "FALSE_POSITIVE",
            "FALSE_POSITIVE",
            "FALSE_POSITIVE",
            "FALSE_POSITIVE",
            "FALSE_POSITIVE",
            "FALSE_POSITIVE",
            "FALSE_POSITIVE",
            "TRUE_MATCH",
            "ESCALATED");

    private ReleaseScenario scenario;
    private Releases releases;

    @BeforeEach
    void open() {
        scenario = new ReleaseScenario().setUp();
        scenario.renew();
        scenario.at("2024-07-17T09:00");
        releases = scenario.releases;
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void no_sequence_of_actions_executes_without_every_approval_and_the_balance_moves_only_by_executions() {
        Random random = new Random(20240717L);
        Money opening = scenario.balance();
        List<Release> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String quantity = Integer.toString(1 + random.nextInt(60_000));
            requests.add(releases.submit(
                            AGENT,
                            ReleaseRulesTest.small(
                                    "DR-P-" + i, quantity, ReleaseScenario.party("Alpenmed Pharma AG", "CH")))
                    .request());
        }
        LocalDate today = LocalDate.parse("2024-07-17");
        Map<UUID, Money> executed = new HashMap<>();
        for (int action = 0; action < 700; action++) {
            scenario.clock.advance(Duration.ofSeconds(1));
            Release target =
                    releases.get(requests.get(random.nextInt(requests.size())).id());
            Actor by = PEOPLE.get(random.nextInt(PEOPLE.size()));
            try {
                switch (random.nextInt(4)) {
                    case 0, 1 ->
                        releases.approve(
                                by,
                                target.id(),
                                new Releases.ApprovalInput(
                                        step(target, random), Optional.of("AUTH-P"), Optional.empty()));
                    case 2 -> {
                        List<ScreeningHit> open = target.hits().stream()
                                .filter(hit -> !hit.superseded() && !hit.state().equals("FALSE_POSITIVE"))
                                .toList();
                        if (!open.isEmpty()) {
                            releases.dispose(
                                    by,
                                    open.get(random.nextInt(open.size())).id(),
                                    new Releases.Disposition(
                                            DECISIONS.get(random.nextInt(DECISIONS.size())), "random"));
                        }
                    }
                    default -> releases.execute(by, target.id(), today);
                }
            } catch (DomainException refused) {
                // Refusals are part of the game; the invariants below must hold either way.
            }
            check(releases.get(target.id()), executed, opening);
        }
        assertThat(requests.stream().map(r -> releases.get(r.id()).state()).collect(Collectors.toSet()))
                .as("the walk reaches executions and refusals alike")
                .contains("EXECUTED");
    }

    /** Mostly the next step the request needs, sometimes any step at all. */
    private static String step(Release target, Random random) {
        Set<String> taken = target.approvals().stream().map(Approval::step).collect(Collectors.toSet());
        Optional<String> next = target.requiredSteps().stream()
                .filter(step -> !taken.contains(step))
                .findFirst();
        if (next.isPresent() && random.nextInt(5) > 0) {
            return next.get();
        }
        return STEPS.get(random.nextInt(STEPS.size()));
    }

    private void check(Release now, Map<UUID, Money> executed, Money opening) {
        if (now.state().equals("EXECUTED")) {
            Set<String> taken = now.approvals().stream().map(Approval::step).collect(Collectors.toSet());
            assertThat(taken).containsAll(now.requiredSteps());
            List<String> approvers =
                    now.approvals().stream().map(Approval::actor).toList();
            assertThat(approvers).doesNotHaveDuplicates().doesNotContain(now.submittedBy());
            assertThat(now.hits())
                    .noneMatch(hit -> !hit.superseded()
                            && Set.of("OPEN", "ESCALATED", "TRUE_MATCH").contains(hit.state()));
            assertThat(now.execution().orElseThrow().pacs008()).contains(now.reference());
            executed.put(now.id(), now.amount());
        } else {
            assertThat(now.execution()).isEmpty();
        }
        Money total = executed.values().stream().reduce(Money.zero(ReleaseScenario.EUR), Money::plus);
        assertThat(scenario.balance()).isEqualTo(opening.minus(total));
    }
}
