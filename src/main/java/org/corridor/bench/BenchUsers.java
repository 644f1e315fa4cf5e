package org.corridor.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.ChangeOutcome;
import org.corridor.identity.Role;
import org.corridor.identity.Users;

/**
 * The users a benchmark needs on its own synthetic database, set up the way a bank would: the
 * console's first ADMIN, a second ADMIN it confirms, then a user proposed by one ADMIN, confirmed by
 * the other and enrolled with both parts of its code.
 */
final class BenchUsers {

    private BenchUsers() {}

    /** A token of a new OPERATOR on an empty database. */
    static String operatorToken(Corridor corridor, Actor console) {
        Users users = corridor.users();
        Actor first = new Actor("bench-admin", Role.ADMIN.name());
        Actor second = new Actor("bench-admin-2", Role.ADMIN.name());
        users.bootstrap(console, first.name(), Duration.ofDays(1));
        ChangeOutcome admin =
                users.proposeUser(first, second.name(), EnumSet.of(Role.ADMIN), Set.of(), Users.Lifetimes.DEFAULT);
        users.confirmAtConsole(console, admin.change().id());
        ChangeOutcome proposed = users.proposeUser(
                first, "bench-operator", EnumSet.of(Role.OPERATOR), Set.of(), Users.Lifetimes.DEFAULT);
        ChangeOutcome confirmed = users.confirm(second, proposed.change().id());
        return users.enrol(proposed.enrolmentCodePart().orElseThrow() + "-"
                        + confirmed.enrolmentCodePart().orElseThrow())
                .token();
    }
}
