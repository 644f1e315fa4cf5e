package org.corridor.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corridor.ForbiddenException;
import org.corridor.audit.Actor;

/**
 * The four-eyes rule, in one place for every decision that needs two people (FR-24: the review of
 * screening hits on releases and on owners, and the approval chain of a release). It is a rule on the
 * person, whatever role they act in, so it compares names: nobody decides on what they brought (a
 * request they submitted, an owner their ownership data named); nobody gives two decisions on one case
 * or takes two steps of one chain; a hit's second decision is a COMPLIANCE_REVIEWER's. Each rule
 * answers with an {@link Outcome}; a refusal keeps the code and message clients read.
 */
public final class FourEyes {

    /** The role that gives a hit's second decision. */
    public static final String REVIEWER = "COMPLIANCE_REVIEWER";

    private static final Set<String> DISPOSERS = Set.of("COMPLIANCE_ANALYST", REVIEWER);

    /** What a rule says of a decision: allowed, or refused with its code and one-line message. */
    public sealed interface Outcome permits Allowed, Refused {

        /** Throws the refusal, if this is one. */
        default void require() {
            if (this instanceof Refused refused) {
                throw refused.exception();
            }
        }
    }

    /** The decision may be taken by this person. */
    public record Allowed() implements Outcome {}

    /** The decision is refused: {@code code} names the rule, {@code message} says why in one line. */
    public record Refused(String code, String message) implements Outcome {

        public ForbiddenException exception() {
            return new ForbiddenException(code, message);
        }
    }

    /** A step of a chain and the person who took it. */
    public record Step(String step, String person) {}

    private static final Outcome ALLOWED = new Allowed();

    private FourEyes() {}

    /** Hits are disposed of by compliance analysts and reviewers, whoever brought them. */
    public static Outcome disposer(Actor by) {
        if (!compliance(by)) {
            return new Refused("DISPOSER_ROLE_REQUIRED", "hits are disposed of by compliance analysts and reviewers");
        }
        return ALLOWED;
    }

    /**
     * Nobody decides on what they brought: {@code bringers} are the people who did ({@code deed}, as
     * "submitted DR-1"), and {@code others} says who decides instead ("its steps need other people").
     */
    public static Outcome notBroughtBy(Actor by, Collection<String> bringers, String code, String deed, String others) {
        if (bringers.contains(by.name())) {
            return rule(code, by.name() + " " + deed + "; " + others);
        }
        return ALLOWED;
    }

    /** The second decision on a hit: by another person than the first, acting as a COMPLIANCE_REVIEWER. */
    public static Outcome secondOnHit(Actor by, Optional<String> firstBy) {
        return second(by, firstBy, "this hit");
    }

    /**
     * The second decision on {@code what} (a hit, an escalated goods line): by another person than
     * the one who gave the first, acting as a COMPLIANCE_REVIEWER.
     */
    public static Outcome second(Actor by, Optional<String> firstBy, String what) {
        if (firstBy.filter(by.name()::equals).isPresent()) {
            return rule(
                    "SAME_PERSON_TWO_DECISIONS",
                    by.name() + " gave the first decision on " + what + "; the second needs another person");
        }
        if (!by.actsAs(REVIEWER)) {
            return new Refused("REVIEWER_REQUIRED", "a COMPLIANCE_REVIEWER decides " + what);
        }
        return ALLOWED;
    }

    /** Whether {@code by} acts as a compliance analyst or reviewer, who decide hits and escalated lines. */
    public static boolean compliance(Actor by) {
        return by.roles().stream().anyMatch(DISPOSERS::contains);
    }

    /** One step each along a chain: nobody who took a step of {@code reference} takes another. */
    public static Outcome oneStepEach(Actor by, List<Step> taken, String reference) {
        return taken.stream()
                .filter(step -> step.person().equals(by.name()))
                .findFirst()
                .<Outcome>map(own -> rule(
                        "SAME_PERSON_TWO_STEPS",
                        by.name() + " took " + own.step() + " on " + reference
                                + "; a second step needs another person"))
                .orElse(ALLOWED);
    }

    /** A refusal by a rule on the person: the message starts with the rule's code. */
    private static Refused rule(String code, String reason) {
        return new Refused(code, code + ": " + reason);
    }
}
