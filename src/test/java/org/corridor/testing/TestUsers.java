package org.corridor.testing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.ChangeOutcome;
import org.corridor.identity.EnrolmentCode;
import org.corridor.identity.Role;
import org.corridor.identity.User;
import org.corridor.identity.Users;

/**
 * People for tests, set up through the real controls: the console's first ADMIN of the empty
 * database and a second ADMIN it confirms, then every further person proposed by one ADMIN,
 * confirmed by the other, and enrolled with both parts of its code for a token of its own.
 */
public final class TestUsers {

    /** The console that set the test database up. */
    public static final Actor CONSOLE = new Actor("cli:test", "LOCAL_ADMIN");

    private static final Users.Lifetimes LIFETIMES = new Users.Lifetimes(Duration.ofDays(30), Duration.ofHours(72));

    private TestUsers() {}

    /** A new user {@code name} holding {@code role} (bound to {@code holders} when an agent); its token. */
    public static String token(Corridor corridor, String name, Role role, String... holders) {
        return token(corridor, name, EnumSet.of(role), holders);
    }

    /** A new user {@code name} holding {@code roles}; its token. */
    public static String token(Corridor corridor, String name, Set<Role> roles, String... holders) {
        return token(corridor, name, roles, LIFETIMES.token(), holders);
    }

    /** A new user {@code name} holding {@code roles}, whose token lives {@code tokenLifetime}; its token. */
    public static synchronized String token(
            Corridor corridor, String name, Set<Role> roles, Duration tokenLifetime, String... holders) {
        Users.Lifetimes lifetimes = new Users.Lifetimes(tokenLifetime, LIFETIMES.enrolment());
        Users users = corridor.users();
        if (roles.equals(EnumSet.of(Role.ADMIN))
                && admins(users).isEmpty()
                && users.list().isEmpty()) {
            EnrolmentCode first = users.bootstrap(CONSOLE, name, tokenLifetime);
            return users.enrol(first.code()).token();
        }
        List<User> admins = admins(users);
        if (admins.isEmpty()) {
            token(corridor, "test-admin", Role.ADMIN);
            admins = admins(users);
        }
        boolean secondAdmin = roles.equals(EnumSet.of(Role.ADMIN)) && admins.size() == 1;
        if (admins.size() == 1 && !secondAdmin) {
            token(corridor, "test-admin-2", Role.ADMIN);
            admins = admins(users);
        }
        Actor proposer = admins.get(0).actor();
        ChangeOutcome proposed = users.proposeUser(proposer, name, roles, Set.of(holders), lifetimes);
        ChangeOutcome confirmed = admins.size() == 1
                ? users.confirmAtConsole(CONSOLE, proposed.change().id())
                : users.confirm(admins.get(1).actor(), proposed.change().id());
        String code = proposed.enrolmentCodePart().orElseThrow() + "-"
                + confirmed.enrolmentCodePart().orElseThrow();
        return users.enrol(code).token();
    }

    /** New access for an existing user, proposed and confirmed by two ADMINs; the new token. */
    public static synchronized String reissue(Corridor corridor, String name) {
        Users users = corridor.users();
        List<User> admins = admins(users);
        ChangeOutcome proposed = users.proposeReissue(admins.get(0).actor(), name, LIFETIMES);
        ChangeOutcome confirmed =
                users.confirm(admins.get(1).actor(), proposed.change().id());
        return users.enrol(proposed.enrolmentCodePart().orElseThrow() + "-"
                        + confirmed.enrolmentCodePart().orElseThrow())
                .token();
    }

    private static List<User> admins(Users users) {
        return users.list().stream()
                .filter(user -> !user.disabled() && user.holds(Role.ADMIN))
                .toList();
    }
}
