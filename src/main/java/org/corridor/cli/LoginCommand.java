package org.corridor.cli;

import org.corridor.app.Corridor;
import org.corridor.identity.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = "Exchange your enrolment code (both parts, FIRST-SECOND) for your own token, printed once as the"
                + " last line; business commands take it with --token or CORRIDOR_TOKEN.")
final class LoginCommand extends CorridorCommand {

    @Option(
            names = "--enrol",
            required = true,
            paramLabel = "CODE",
            description = "The code the two administrators handed you: the first part, a dash, the second part.")
    String code;

    @Override
    void run(Corridor corridor) {
        IssuedToken issued = corridor.users().enrol(code);
        System.out.println(
                "enrolled " + issued.user().name() + " (" + issued.user().roleNames() + "); token expires "
                        + issued.expiresAt() + " (shown once; export " + SignIn.ENVIRONMENT + "=...):");
        System.out.println(issued.token());
    }
}
