package org.corridor.cli;

import java.time.Duration;
import org.corridor.app.Corridor;
import org.corridor.identity.IssuedToken;
import org.corridor.identity.Role;
import org.corridor.identity.User;
import org.corridor.identity.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "users",
        description = "Manage users and their API tokens.",
        subcommands = {
            UsersCommand.Add.class,
            UsersCommand.ListUsers.class,
            UsersCommand.Disable.class,
            UsersCommand.Token.class
        })
final class UsersCommand extends CommandGroup {

    @Command(
            name = "add",
            description =
                    "Create a user. Its token is printed once, as the last line of output, and stored only as a hash.")
    static final class Add extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name: letters, digits, '.', '_', '@', '-'.")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "One of: ${COMPLETION-CANDIDATES}.")
        Role role;

        @Mixin
        TokenLifetime lifetime;

        @Override
        void run(Corridor corridor) {
            IssuedToken issued = corridor.users().add(CliActor.current(), name, role, lifetime.value());
            System.out.println("created user " + issued.user().name() + " with role " + role + "; token expires "
                    + issued.expiresAt() + " (shown once):");
            System.out.println(issued.token());
        }
    }

    @Command(name = "list", description = "List users and their state.")
    static final class ListUsers extends CorridorCommand {
        @Override
        void run(Corridor corridor) {
            System.out.printf("%-24s %-20s %-9s %s%n", "NAME", "ROLE", "STATE", "CREATED");
            for (User user : corridor.users().list()) {
                System.out.printf(
                        "%-24s %-20s %-9s %s%n",
                        user.name(), user.role(), user.disabled() ? "disabled" : "active", user.createdAt());
            }
        }
    }

    @Command(name = "disable", description = "Disable a user and revoke its tokens.")
    static final class Disable extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Corridor corridor) {
            corridor.users().disable(CliActor.current(), name);
            System.out.println("disabled user " + name + " and revoked its tokens");
        }
    }

    @Command(
            name = "token",
            description = "Issue a further token for a user (rotation), printed once as the last line.")
    static final class Token extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        TokenLifetime lifetime;

        @Override
        void run(Corridor corridor) {
            IssuedToken issued = corridor.users().issueToken(CliActor.current(), name, lifetime.value());
            System.out.println("issued a token for " + name + "; expires " + issued.expiresAt() + " (shown once):");
            System.out.println(issued.token());
        }
    }

    /** How long a new token lives: the option and its default in one place. */
    static final class TokenLifetime {
        @Option(names = "--expires-in-days", paramLabel = "DAYS", description = "Token lifetime in days (default: 90).")
        Integer days;

        Duration value() {
            return days == null ? Users.DEFAULT_TOKEN_LIFETIME : Duration.ofDays(days);
        }
    }
}
