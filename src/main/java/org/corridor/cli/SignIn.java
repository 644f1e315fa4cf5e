package org.corridor.cli;

import org.corridor.ForbiddenException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Authentication;
import org.corridor.identity.Permission;
import org.corridor.identity.User;
import picocli.CommandLine.Option;

/**
 * Who runs a business command: the user whose token is given with {@code --token} or
 * {@code CORRIDOR_TOKEN}, checked like a bearer token at the API (the same users, the same role
 * matrix, the same checks in the services). The operating-system user, which anyone can set, names
 * nobody here; only the operations commands act as the console.
 */
final class SignIn {

    static final String ENVIRONMENT = "CORRIDOR_TOKEN";

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Your token (default: $CORRIDOR_TOKEN); ./corridor login --enrol CODE gives you one.")
    String token;

    /** The signed-in user, who must hold {@code permission}; refusals are audited like the API's. */
    User user(Corridor corridor, Permission permission, String command) {
        String presented = token != null ? token : System.getenv(ENVIRONMENT);
        Authentication authentication = corridor.users().authenticate(presented == null ? "" : presented.strip());
        if (authentication instanceof Authentication.Refused refused) {
            corridor.users().recordRefusal(CliActor.current(), "cli:" + command, "UNAUTHENTICATED", refused.reason());
            throw new ForbiddenException(
                    "UNAUTHENTICATED",
                    "UNAUTHENTICATED: " + command + " acts as a user: give a valid token with --token or " + ENVIRONMENT
                            + " (./corridor login --enrol CODE gives one)");
        }
        User user = ((Authentication.Authenticated) authentication).user();
        if (!user.may(permission)) {
            corridor.users().recordRefusal(user.actor(), "cli:" + command, "ROLE_NOT_PERMITTED", "lacks " + permission);
            throw new ForbiddenException(
                    "ROLE_NOT_PERMITTED",
                    "ROLE_NOT_PERMITTED: role " + user.roleNames() + " may not " + command + " (needs " + permission
                            + ")");
        }
        return user;
    }

    /** The signed-in user as the actor the services and the audit trail see. */
    Actor actor(Corridor corridor, Permission permission, String command) {
        return user(corridor, permission, command).actor();
    }
}
