package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.corridor.DomainException;
import org.corridor.audit.Actor;
import org.corridor.screening.Screener;

/**
 * Issue 15's property: whatever sequence of calls random people of random roles make, a request
 * is never executed unless two distinct people disposed of each of its hits and distinct people
 * took each approval step, none of them its submitter, and its executor neither submitted it nor
 * made it. The calls go through {@link Releases}, the one service every door (API, CLI,
 * dashboard) reaches. One scenario for the class; each try works on a request of its own, whose
 * purchaser is an exact match of a listing made for that try (so a cleared hit is never
 * remembered from another try).
 */
class FourEyesPropertyTest {

    private static final List<String> BANK_ROLES =
            List.of("OPERATOR", "COMPLIANCE_ANALYST", "COMPLIANCE_REVIEWER", "APPROVER");
    private static final List<String> STEPS = List.of("MAKER", "COMPLIANCE", "SENIOR_COMPLIANCE", "AUTHORITY");
    /** The property is about who decides, not what: every decision clears, the one way to payment. */
    private static final List<String> DECISIONS = List.of("FALSE_POSITIVE");

    private static ReleaseScenario scenario;
    private static final AtomicInteger TRY = new AtomicInteger();

    /** One call: who makes it (an index into the people), what it is, and its argument. */
    record Call(int person, int kind, int argument) {}

    @BeforeContainer
    static void open() {
        scenario = new ReleaseScenario().setUp();
        scenario.renew();
        scenario.at("2024-07-17T09:00");
    }

    @AfterContainer
    static void close() {
        scenario.close();
    }

    @Property(tries = 25)
    void no_request_is_executed_unless_distinct_people_other_than_its_submitter_took_each_step(
            @ForAll("people") List<Set<String>> roles, @ForAll("calls") List<Call> calls) {
        int n = TRY.incrementAndGet();
        String purchaser = "Kavir Bazargan " + word(n);
        scenario.lists.set(Screener.of(List.of(ReleaseScenario.listed("P-" + n, purchaser, "IRGC"))));
        NewRequest request =
                ReleaseRulesTest.small("DR-PROP-" + n, "10", ReleaseScenario.party("Alpenmed Pharma AG", "CH"));
        NewRequest withPurchaser = new NewRequest(
                request.reference(),
                request.holder(),
                request.payFrom(),
                ReleaseScenario.party(purchaser, "IR"),
                request.endUsers(),
                request.vendor(),
                request.vendorAccount(),
                request.intermediaryBank(),
                request.lines(),
                request.incoterm(),
                request.shipment(),
                request.forwarder(),
                request.documents());
        Release submitted =
                scenario.releases.submit(ReleaseScenario.AGENT, withPurchaser).request();
        assertThat(scenario.releases.get(submitted.id()).hits()).isNotEmpty();

        List<Actor> people = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            people.add(new Actor("p" + n + "-" + i, String.join("+", roles.get(i))));
        }
        // The submitter tries its hand too.
        people.add(ReleaseScenario.AGENT);
        for (Call call : calls) {
            attempt(submitted, people.get(call.person() % people.size()), call);
        }

        Release after = scenario.releases.get(submitted.id());
        Statistics.collect(after.state());
        if (after.state().equals("EXECUTED")) {
            assertFourEyes(after);
        }
    }

    private static void assertFourEyes(Release release) {
        String submitter = release.submittedBy();
        for (ScreeningHit hit : release.hits()) {
            if (hit.superseded()) {
                continue;
            }
            assertThat(hit.firstBy()).isPresent();
            assertThat(hit.secondBy()).isPresent();
            assertThat(hit.firstBy()).isNotEqualTo(hit.secondBy());
            assertThat(List.of(hit.firstBy().get(), hit.secondBy().get())).doesNotContain(submitter);
        }
        List<String> approvers =
                release.approvals().stream().map(Approval::actor).toList();
        assertThat(release.approvals().stream().map(Approval::step).collect(Collectors.toSet()))
                .containsAll(release.requiredSteps());
        assertThat(new HashSet<>(approvers)).hasSameSizeAs(approvers).doesNotContain(submitter);
        String executor = release.execution().orElseThrow().executedBy();
        String maker = release.approvals().stream()
                .filter(approval -> approval.step().equals("MAKER"))
                .map(Approval::actor)
                .findFirst()
                .orElseThrow();
        assertThat(executor).isNotEqualTo(submitter).isNotEqualTo(maker);
    }

    /** One call as its person makes it; a refusal is a refusal, and the sequence goes on. */
    private static void attempt(Release request, Actor by, Call call) {
        Releases releases = scenario.releases;
        try {
            switch (call.kind()) {
                case 0, 1 -> {
                    List<ScreeningHit> hits = releases.get(request.id()).hits();
                    ScreeningHit hit = hits.get(call.argument() % hits.size());
                    releases.dispose(
                            by,
                            hit.id(),
                            new Releases.Disposition(DECISIONS.get(call.argument() % DECISIONS.size()), "why"));
                }
                case 2, 3 ->
                    releases.approve(
                            by,
                            request.id(),
                            new Releases.ApprovalInput(
                                    step(request, call.argument()), Optional.of("AUTH-P"), Optional.empty()));
                default -> releases.execute(by, request.id(), LocalDate.parse("2024-07-17"));
            }
        } catch (DomainException refused) {
            Statistics.label("refusals").collect(refused.code());
            // Refused as the rules say; the attacker tries the next call.
        }
    }

    /** Mostly the step the request waits for (so that some tries get far), else any step. */
    private static String step(Release request, int argument) {
        if (argument >= STEPS.size()) {
            Release now = scenario.releases.get(request.id());
            Set<String> taken = now.approvals().stream().map(Approval::step).collect(Collectors.toSet());
            return now.requiredSteps().stream()
                    .filter(step -> !taken.contains(step))
                    .findFirst()
                    .orElse("MAKER");
        }
        return STEPS.get(argument);
    }

    @Provide
    Arbitrary<List<Set<String>>> people() {
        return Arbitraries.of(BANK_ROLES)
                .set()
                .ofMinSize(1)
                .ofMaxSize(3)
                .list()
                .ofMinSize(2)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Call> call = Combinators.combine(
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 11))
                .as(Call::new);
        return call.list().ofMinSize(30).ofMaxSize(90);
    }

    /** A word of letters only for try {@code n}, so each try's listing is a name of its own. */
    private static String word(int n) {
        StringBuilder word = new StringBuilder();
        int rest = n;
        do {
            word.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return "Q" + word + "x";
    }
}
