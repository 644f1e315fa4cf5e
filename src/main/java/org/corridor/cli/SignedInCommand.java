package org.corridor.cli;

import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.identity.User;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A business command: a {@link CorridorCommand} run as the user of {@code --token} or
 * {@code CORRIDOR_TOKEN}, who must hold the permission the command asks for. A refusal names the
 * command as it was typed ("releases approve"), so the audit trail and the message say what was tried.
 */
abstract class SignedInCommand extends CorridorCommand {

    @Mixin
    SignIn signIn;

    @Spec
    CommandSpec spec;

    /** The signed-in user, who must hold {@code permission}. */
    User user(Corridor corridor, Permission permission) {
        return signIn.user(corridor, permission, typed());
    }

    /** The signed-in user as the actor the services and the audit trail see. */
    Actor actor(Corridor corridor, Permission permission) {
        return user(corridor, permission).actor();
    }

    /** The command as typed after {@code corridor}, such as "ownership hits list". */
    private String typed() {
        return spec.qualifiedName().substring(spec.root().name().length()).strip();
    }
}
