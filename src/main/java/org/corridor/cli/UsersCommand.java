package org.corridor.cli;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.ChangeOutcome;
import org.corridor.identity.EnrolmentCode;
import org.corridor.identity.IdentityChange;
import org.corridor.identity.Permission;
import org.corridor.identity.Role;
import org.corridor.identity.User;
import org.corridor.identity.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = {
            "Users and their access, under dual control: one ADMIN proposes, another confirms.",
            "The console creates only the first ADMIN of an empty database (bootstrap) and confirms that ADMIN's"
                    + " proposal of a second one (bootstrap-confirm); every other command acts as an ADMIN"
                    + " (--token or CORRIDOR_TOKEN)."
        },
        subcommands = {
            UsersCommand.Bootstrap.class,
            UsersCommand.BootstrapConfirm.class,
            UsersCommand.Add.class,
            UsersCommand.ListUsers.class,
            UsersCommand.Changes.class,
            UsersCommand.Confirm.class,
            UsersCommand.Reject.class,
            UsersCommand.Grant.class,
            UsersCommand.RemoveRole.class,
            UsersCommand.Bind.class,
            UsersCommand.Unbind.class,
            UsersCommand.Reissue.class,
            UsersCommand.Enable.class,
            UsersCommand.Disable.class
        })
final class UsersCommand extends CommandGroup {

    /** Prints a change and, as the last line, the part of the enrolment code this ADMIN hands on. */
    static void print(ChangeOutcome outcome) {
        IdentityChange change = outcome.change();
        System.out.println(change.kind() + " " + change.subject() + " " + change.details() + ": " + change.state()
                + " (change " + change.id() + ")");
        if (change.state().equals(IdentityChange.PENDING)) {
            System.out.println("another ADMIN confirms it: ./corridor users confirm " + change.id());
        }
        outcome.enrolmentCodePart().ifPresent(part -> {
            System.out.println((change.state().equals(IdentityChange.PENDING) ? "first" : "second") + " part of "
                    + change.subject() + "'s enrolment code (hand it to them; they enrol with"
                    + " FIRST-SECOND"
                    + outcome.enrolmentExpiresAt().map(at -> " before " + at).orElse(" within the code's validity")
                    + "):");
            System.out.println(part);
        });
    }

    /** A command an ADMIN runs: the database, the ADMIN's token, and how to act as them. */
    abstract static class AdminCommand extends SignedInCommand {
        @Override
        final void run(Corridor corridor) {
            run(corridor.users(), signIn.actor(corridor, Permission.USER_MANAGE, "users"));
        }

        abstract void run(Users users, Actor admin);
    }

    /** An ADMIN's command on one user, named first. */
    abstract static class OnUser extends AdminCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
    }

    /** A proposal to grant a role to a user or to remove it. */
    abstract static class RoleChange extends OnUser {
        @Parameters(index = "1", paramLabel = "ROLE")
        Role role;

        private final boolean grant;

        RoleChange(boolean grant) {
            this.grant = grant;
        }

        @Override
        final void run(Users users, Actor admin) {
            print(users.proposeRole(admin, name, role, grant));
        }
    }

    /** A proposal to bind an agent to a holder or to release it. */
    abstract static class HolderChange extends OnUser {
        @Parameters(index = "1", paramLabel = "HOLDER")
        String holder;

        private final boolean bind;

        HolderChange(boolean bind) {
            this.bind = bind;
        }

        @Override
        final void run(Users users, Actor admin) {
            print(users.proposeHolder(admin, name, holder, bind));
        }
    }

    @Command(
            name = "bootstrap",
            mixinStandardHelpOptions = true,
            description = "Console: create the first ADMIN of an empty database; its enrolment code is the last line.")
    static final class Bootstrap extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name: letters, digits, '.', '_', '@', '-'.")
        String name;

        @Option(names = "--token-lifetime-days", paramLabel = "DAYS", description = "Token lifetime (default: 90).")
        Integer tokenLifetimeDays;

        @Override
        void run(Corridor corridor) {
            EnrolmentCode code = corridor.users()
                    .bootstrap(
                            CliActor.current(),
                            name,
                            lifetimes(tokenLifetimeDays, null).token());
            System.out.println("first ADMIN " + code.user() + " created; enrol before " + code.expiresAt()
                    + " with ./corridor login --enrol CODE (shown once):");
            System.out.println(code.code());
        }
    }

    @Command(
            name = "bootstrap-confirm",
            mixinStandardHelpOptions = true,
            description = "Console: while one ADMIN exists, confirm that ADMIN's proposal of a second ADMIN.")
    static final class BootstrapConfirm extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "CHANGE", description = "The change's id.")
        String change;

        @Override
        void run(Corridor corridor) {
            print(corridor.users().confirmAtConsole(CliActor.current(), changeId(change)));
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Propose a user; the last line is the first part of its enrolment code.")
    static final class Add extends AdminCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name: letters, digits, '.', '_', '@', '-'.")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "One of: ${COMPLETION-CANDIDATES}; repeat for a person with several duties.")
        List<Role> roles;

        @Option(names = "--holder", paramLabel = "HOLDER", description = "A holder an agent acts for; repeatable.")
        List<String> holders;

        @Option(names = "--token-lifetime-days", paramLabel = "DAYS", description = "Token lifetime (default: 90).")
        Integer tokenLifetimeDays;

        @Option(names = "--enrolment-hours", paramLabel = "HOURS", description = "Code validity (default: 72).")
        Integer enrolmentHours;

        @Override
        void run(Users users, Actor admin) {
            print(users.proposeUser(
                    admin,
                    name,
                    EnumSet.copyOf(roles),
                    new LinkedHashSet<>(holders == null ? List.of() : holders),
                    lifetimes(tokenLifetimeDays, enrolmentHours)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users, their roles and state.")
    static final class ListUsers extends AdminCommand {
        @Override
        void run(Users users, Actor admin) {
            System.out.printf("%-24s %-40s %-9s %s%n", "NAME", "ROLES", "STATE", "CREATED");
            for (User user : users.list()) {
                System.out.printf(
                        "%-24s %-40s %-9s %s%n",
                        user.name(),
                        user.roleNames() + (user.holders().isEmpty() ? "" : " " + user.holders()),
                        user.disabled() ? "disabled" : "active",
                        user.createdAt());
            }
        }
    }

    @Command(name = "changes", mixinStandardHelpOptions = true, description = "Changes of identity, newest first.")
    static final class Changes extends AdminCommand {
        @Option(names = "--state", paramLabel = "STATE", description = "PENDING, CONFIRMED or REJECTED.")
        String state;

        @Override
        void run(Users users, Actor admin) {
            for (IdentityChange change : users.changes(Optional.ofNullable(state), 500)) {
                System.out.println(String.join(
                        "\t",
                        change.id().toString(),
                        change.state(),
                        change.kind().name(),
                        change.subject(),
                        change.details().toString(),
                        "proposed by " + change.proposedBy()));
            }
        }
    }

    @Command(
            name = "confirm",
            mixinStandardHelpOptions = true,
            description = "Confirm another ADMIN's change; the last line is the second part of the enrolment code.")
    static final class Confirm extends AdminCommand {
        @Parameters(index = "0", paramLabel = "CHANGE")
        String change;

        @Override
        void run(Users users, Actor admin) {
            print(users.confirm(admin, changeId(change)));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject (or withdraw) a pending change.")
    static final class Reject extends AdminCommand {
        @Parameters(index = "0", paramLabel = "CHANGE")
        String change;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        void run(Users users, Actor admin) {
            IdentityChange rejected = users.reject(admin, changeId(change), reason);
            System.out.println(rejected.kind() + " " + rejected.subject() + ": " + rejected.state());
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Propose to grant a role.")
    static final class Grant extends RoleChange {
        Grant() {
            super(true);
        }
    }

    @Command(name = "remove-role", mixinStandardHelpOptions = true, description = "Propose to remove a role.")
    static final class RemoveRole extends RoleChange {
        RemoveRole() {
            super(false);
        }
    }

    @Command(name = "bind", mixinStandardHelpOptions = true, description = "Propose to bind an agent to a holder.")
    static final class Bind extends HolderChange {
        Bind() {
            super(true);
        }
    }

    @Command(
            name = "unbind",
            mixinStandardHelpOptions = true,
            description = "Propose to release an agent from a holder.")
    static final class Unbind extends HolderChange {
        Unbind() {
            super(false);
        }
    }

    @Command(
            name = "reissue",
            mixinStandardHelpOptions = true,
            description = "Propose new access: on confirmation the user's tokens are revoked and a new code issued.")
    static final class Reissue extends OnUser {
        @Option(names = "--token-lifetime-days", paramLabel = "DAYS")
        Integer tokenLifetimeDays;

        @Option(names = "--enrolment-hours", paramLabel = "HOURS")
        Integer enrolmentHours;

        @Override
        void run(Users users, Actor admin) {
            print(users.proposeReissue(admin, name, lifetimes(tokenLifetimeDays, enrolmentHours)));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Propose to enable a disabled user.")
    static final class Enable extends OnUser {
        @Override
        void run(Users users, Actor admin) {
            print(users.proposeEnable(admin, name, Users.Lifetimes.DEFAULT));
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disable a user at once and revoke its tokens and codes.")
    static final class Disable extends OnUser {
        @Override
        void run(Users users, Actor admin) {
            users.disable(admin, name);
            System.out.println("disabled user " + name + " and revoked its tokens");
        }
    }

    static UUID changeId(String text) {
        return CorridorCommand.recordId(text, "a change is named by its id: ");
    }

    static Users.Lifetimes lifetimes(Integer tokenDays, Integer enrolmentHours) {
        return new Users.Lifetimes(
                tokenDays == null ? Users.DEFAULT_TOKEN_LIFETIME : Duration.ofDays(tokenDays),
                enrolmentHours == null ? Users.DEFAULT_ENROLMENT_VALIDITY : Duration.ofHours(enrolmentHours));
    }
}
