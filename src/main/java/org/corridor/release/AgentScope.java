package org.corridor.release;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.corridor.ForbiddenException;
import org.corridor.audit.Actor;
import org.corridor.identity.Role;
import org.corridor.identity.User;
import org.corridor.identity.Users;
import org.corridor.transaction.Transaction;

/**
 * Holders scope their agents (issue 15): a BENEFICIARY_AGENT lists, reads, submits and amends only
 * requests paying from the accounts of the holders it is bound to, as identity records the binding
 * at the moment it acts. Everyone else in the flow sees every holder. The one place that decides
 * which requests an actor may see or touch. Thread-safe.
 */
final class AgentScope {

    private static final String AGENT = Role.BENEFICIARY_AGENT.name();

    private final Users users;

    AgentScope(Users users) {
        this.users = users;
    }

    /** True when {@code actor} acts as an agent, whose view is scoped and redacted. */
    static boolean agent(Actor actor) {
        return actor.actsAs(AGENT);
    }

    /**
     * The holders {@code actor} may see, in upper case; empty when it sees them all (it is no agent).
     * An agent that is not an enabled user acts for nobody.
     */
    Optional<Set<String>> holders(Transaction tx, Actor actor) {
        if (!agent(actor)) {
            return Optional.empty();
        }
        Set<String> holders = new TreeSet<>();
        users.find(tx, actor.name())
                .filter(user -> !user.disabled() && user.holds(Role.BENEFICIARY_AGENT))
                .map(User::holders)
                .ifPresent(bound -> bound.forEach(holder -> holders.add(upper(holder))));
        return Optional.of(holders);
    }

    /** True when {@code actor} may see a request of {@code holder}. */
    boolean sees(Transaction tx, Actor actor, String holder) {
        return holders(tx, actor).map(bound -> bound.contains(upper(holder))).orElse(true);
    }

    /**
     * Refuses an agent acting for a holder it is not bound to, and anyone but an agent submitting or
     * amending: requests come from the holder's agents only.
     *
     * @throws ForbiddenException AGENT_NOT_FOR_HOLDER, AGENT_REQUIRED
     */
    void requireAgentOf(Transaction tx, Actor actor, String holder) {
        Optional<Set<String>> bound = holders(tx, actor);
        if (bound.isEmpty()) {
            throw ForbiddenException.rule(
                    "AGENT_REQUIRED", "requests are submitted and amended by the holder's agents, not by " + actor);
        }
        if (!bound.get().contains(upper(holder))) {
            throw ForbiddenException.rule(
                    "AGENT_NOT_FOR_HOLDER", actor.name() + " acts for " + bound.get() + ", not for " + holder);
        }
    }

    private static String upper(String holder) {
        return holder == null ? "" : holder.strip().toUpperCase(Locale.ROOT);
    }
}
