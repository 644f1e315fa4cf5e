package org.corridor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.app.ScenarioClock;
import org.corridor.audit.Actor;
import org.corridor.http.JsonSupport;
import org.corridor.identity.ChangeOutcome;
import org.corridor.identity.EnrolmentCode;
import org.corridor.identity.Role;

/**
 * The demo's public face: the worked scenario of docs/domain.md played through Corridor's own HTTP API, one user per role,
 * against a Corridor that the caller opened on a {@link ScenarioClock} set to {@link #START} and
 * serves; the reports, payment files, the accounts' camt.053 statements and demo-summary.json are
 * written under the data folder.
 */
public final class Demo {

    /** Where the scenario's clock starts. */
    public static final Instant START = DemoScenario.START;

    private static final int TOKEN_DAYS = 3650;

    private Demo() {}

    /**
     * Creates the users, loads the demo's lists, plays every step, writes the outputs and prints
     * where they are and each user's token.
     *
     * @param url where {@code corridor} is served
     * @return the AUDITOR's token, to sign in to the dashboard with
     */
    public static String play(
            Corridor corridor, ScenarioClock clock, String url, Actor actor, Path dataDir, PrintStream out) {
        DemoClient api = new DemoClient(url, JsonSupport.mapper());
        Map<DemoUser, String> tokens = users(corridor, api, actor);
        DemoLists.load(corridor.screening(), actor, dataDir, out);
        DemoScenario scenario = new DemoScenario(api, clock, corridor.zone(), new DemoNarrator(out));
        Map<String, Object> figures = scenario.play();
        scenario.reports()
                .forEach((file, content) ->
                        DemoOutputs.write(dataDir.resolve("reports").resolve(file), content));
        scenario.payments()
                .forEach((file, content) ->
                        DemoOutputs.write(dataDir.resolve("payments").resolve(file), content));
        scenario.statements()
                .forEach((file, content) ->
                        DemoOutputs.write(dataDir.resolve("statements").resolve(file), content));
        DemoOutputs.writeSummary(dataDir, figures);
        out.println("wrote " + dataDir.resolve("demo-summary.json") + ", " + dataDir.resolve("reports") + "/, "
                + dataDir.resolve("payments") + "/ and " + dataDir.resolve("statements") + "/");
        out.println("tokens (one user per role, valid " + TOKEN_DAYS + " days):");
        tokens.forEach((user, token) ->
                out.println("  " + String.format("%-20s %-16s", user.role, user.userName) + " " + token));
        return tokens.get(DemoUser.AUDITOR);
    }

    /**
     * The users, as a bank would set them up: the console creates the first ADMIN of the empty
     * database and confirms its proposal of a second; after that one ADMIN proposes each user, the
     * other confirms, and each user enrols through the API with the two parts of its code.
     */
    private static Map<DemoUser, String> users(Corridor corridor, DemoClient api, Actor actor) {
        Map<DemoUser, String> tokens = new EnumMap<>(DemoUser.class);
        EnrolmentCode first = corridor.users().bootstrap(actor, DemoUser.ADMIN.userName, Duration.ofDays(TOKEN_DAYS));
        enrol(api, tokens, DemoUser.ADMIN, first.code());
        JsonNode proposed = propose(api, DemoUser.SECOND_ADMIN);
        ChangeOutcome confirmed = corridor.users()
                .confirmAtConsole(
                        actor, UUID.fromString(proposed.get("change").get("id").asText()));
        enrol(
                api,
                tokens,
                DemoUser.SECOND_ADMIN,
                code(proposed, confirmed.enrolmentCodePart().orElseThrow()));
        for (DemoUser user : DemoUser.values()) {
            if (user.role == Role.ADMIN) {
                continue;
            }
            JsonNode change = propose(api, user);
            JsonNode confirmation = api.post(
                    DemoUser.SECOND_ADMIN,
                    "/api/v1/identity-changes/" + change.get("change").get("id").asText() + "/confirmations",
                    Map.of());
            enrol(
                    api,
                    tokens,
                    user,
                    code(change, confirmation.get("enrolment_code_part").asText()));
        }
        return tokens;
    }

    private static JsonNode propose(DemoClient api, DemoUser user) {
        return api.post(
                DemoUser.ADMIN,
                "/api/v1/users",
                DemoClient.body(
                        "name",
                        user.userName,
                        "role",
                        user.role.name(),
                        "holders",
                        user.holders(),
                        "token_lifetime_days",
                        TOKEN_DAYS),
                202);
    }

    /** The whole code: the proposer's part, a dash, the confirmer's part. */
    private static String code(JsonNode proposal, String secondPart) {
        return proposal.get("enrolment_code_part").asText() + "-" + secondPart;
    }

    private static void enrol(DemoClient api, Map<DemoUser, String> tokens, DemoUser user, String code) {
        String token = api.enrol(code);
        api.signIn(user, token);
        tokens.put(user, token);
    }
}
