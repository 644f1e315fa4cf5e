package org.corridor.identity;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;

/**
 * Users over HTTP: ADMINs propose and confirm changes of identity; a new user enrols with the code
 * the two ADMINs handed out and receives a token of its own. No answer ever carries another user's
 * token.
 */
public final class UserRoutes implements Routes {

    /**
     * A new user: its name, its role (or roles), the holders an agent acts for, how long its token
     * lives (days, default 90) and how long its enrolment code stays usable (hours, default 72).
     */
    public record NewUser(
            String name,
            Optional<String> role,
            Optional<List<String>> roles,
            Optional<List<String>> holders,
            Optional<Integer> tokenLifetimeDays,
            Optional<Integer> enrolmentHours) {}

    /** A user as shown to administrators; never a token, a code or their hashes. */
    public record UserView(
            String name,
            List<String> roles,
            List<String> holders,
            boolean disabled,
            Instant createdAt,
            Optional<Instant> disabledAt) {
        static UserView of(User user) {
            return new UserView(
                    user.name(),
                    user.roles().stream().map(Enum::name).toList(),
                    List.copyOf(user.holders()),
                    user.disabled(),
                    user.createdAt(),
                    user.disabledAt());
        }
    }

    /**
     * A change as it stands, with the part of the enrolment code this ADMIN hands to the user (the
     * proposer's is the first, the confirmer's the second) and what happens next.
     */
    public record ChangeView(
            IdentityChange change,
            Optional<String> enrolmentCodePart,
            Optional<Instant> enrolmentExpiresAt,
            String next) {
        static ChangeView of(ChangeOutcome outcome) {
            IdentityChange change = outcome.change();
            String next;
            if (change.state().equals(IdentityChange.PENDING)) {
                next = "another ADMIN confirms it: POST /api/v1/identity-changes/" + change.id() + "/confirmations";
            } else if (outcome.enrolmentCodePart().isPresent()) {
                next = change.subject() + " enrols with both parts, FIRST-SECOND: POST /api/v1/enrolments or"
                        + " ./corridor login --enrol FIRST-SECOND";
            } else {
                next = "in effect";
            }
            return new ChangeView(change, outcome.enrolmentCodePart(), outcome.enrolmentExpiresAt(), next);
        }
    }

    public record RoleInput(String role) {}

    public record HolderInput(String holder) {}

    /** New access: how long the token lives (days) and the enrolment code stays usable (hours). */
    public record AccessInput(Optional<Integer> tokenLifetimeDays, Optional<Integer> enrolmentHours) {}

    public record RejectionInput(String reason) {}

    /** An enrolment code, both parts: {@code FIRST-SECOND}. */
    public record EnrolmentInput(String code) {}

    /** The user's own token, shown only this once. */
    public record TokenView(String name, List<String> roles, List<String> holders, String token, Instant expiresAt) {
        static TokenView of(IssuedToken issued) {
            UserView user = UserView.of(issued.user());
            return new TokenView(user.name(), user.roles(), user.holders(), issued.token(), issued.expiresAt());
        }
    }

    private static final int MAX_CHANGES = 500;

    private final Users users;

    public UserRoutes(Users users) {
        this.users = users;
    }

    @Override
    public void register(Api api) {
        registerUsers(api);
        registerChanges(api);
        api.post("/api/v1/enrolments")
                .open()
                .tag("users")
                .summary("Exchange an enrolment code (both parts, FIRST-SECOND) for your own token, once")
                .request(EnrolmentInput.class)
                .response(TokenView.class)
                .status(201)
                .handle(ctx -> ctx.status(201)
                        .json(TokenView.of(users.enrol(
                                Requests.body(ctx, EnrolmentInput.class).code()))));
    }

    private void registerUsers(Api api) {
        api.post("/api/v1/users")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Propose a user; it exists once another ADMIN confirms. The answer holds the first part of"
                        + " its enrolment code")
                .request(NewUser.class)
                .response(ChangeView.class)
                .status(202)
                .handle(this::propose);
        api.get("/api/v1/users")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("List users with their roles and holders")
                .responseList(UserView.class)
                .handle(ctx -> ctx.json(users.list().stream().map(UserView::of).toList()));
        api.post("/api/v1/users/{name}/roles")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Propose to grant a role (another ADMIN confirms)")
                .request(RoleInput.class)
                .response(ChangeView.class)
                .status(202)
                .handle(ctx -> accepted(
                        ctx,
                        users.proposeRole(
                                Api.actor(ctx),
                                name(ctx),
                                role(Requests.body(ctx, RoleInput.class).role()),
                                true)));
        api.delete("/api/v1/users/{name}/roles/{role}")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Propose to remove a role (another ADMIN confirms)")
                .response(ChangeView.class)
                .status(202)
                .handle(ctx -> accepted(
                        ctx, users.proposeRole(Api.actor(ctx), name(ctx), role(ctx.pathParam("role")), false)));
        api.post("/api/v1/users/{name}/holders")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Propose to bind an agent to a holder (another ADMIN confirms)")
                .request(HolderInput.class)
                .response(ChangeView.class)
                .status(202)
                .handle(ctx -> accepted(
                        ctx,
                        users.proposeHolder(
                                Api.actor(ctx),
                                name(ctx),
                                Requests.body(ctx, HolderInput.class).holder(),
                                true)));
        api.delete("/api/v1/users/{name}/holders/{holder}")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Propose to release an agent from a holder (another ADMIN confirms)")
                .response(ChangeView.class)
                .status(202)
                .handle(ctx ->
                        accepted(ctx, users.proposeHolder(Api.actor(ctx), name(ctx), ctx.pathParam("holder"), false)));
        registerAccess(api);
    }

    /** New access, enabling and disabling. */
    private void registerAccess(Api api) {
        api.post("/api/v1/users/{name}/reissue")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Propose new access: on confirmation the user's tokens are revoked and a new enrolment code"
                        + " issued")
                .request(AccessInput.class)
                .response(ChangeView.class)
                .status(202)
                .handle(ctx -> accepted(ctx, users.proposeReissue(Api.actor(ctx), name(ctx), lifetimes(access(ctx)))));
        api.post("/api/v1/users/{name}/enable")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Propose to enable a disabled user, with new access (another ADMIN confirms)")
                .request(AccessInput.class)
                .response(ChangeView.class)
                .status(202)
                .handle(ctx -> accepted(ctx, users.proposeEnable(Api.actor(ctx), name(ctx), lifetimes(access(ctx)))));
        api.post("/api/v1/users/{name}/disable")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Disable a user at once and revoke its tokens and codes")
                .response(UserView.class)
                .handle(ctx -> ctx.json(UserView.of(users.disable(Api.actor(ctx), name(ctx)))));
    }

    private void registerChanges(Api api) {
        api.get("/api/v1/identity-changes")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Changes of identity, newest first")
                .query("state", "PENDING, CONFIRMED or REJECTED")
                .query("limit", "at most this many (1 to 500, default 100)")
                .responseList(IdentityChange.class)
                .handle(ctx -> ctx.json(users.changes(
                        Requests.query(ctx, "state").map(UserRoutes::changeState),
                        Requests.intQuery(ctx, "limit", 100, 1, MAX_CHANGES))));
        api.post("/api/v1/identity-changes/{id}/confirmations")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Confirm another ADMIN's change: it takes effect; the answer holds the second part of the"
                        + " enrolment code when it gives access")
                .response(ChangeView.class)
                .handle(ctx -> ctx.json(ChangeView.of(users.confirm(Api.actor(ctx), Requests.uuidPath(ctx, "id")))));
        api.post("/api/v1/identity-changes/{id}/rejections")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Reject a pending change (or withdraw your own), with the reason")
                .request(RejectionInput.class)
                .response(IdentityChange.class)
                .handle(ctx -> {
                    UUID id = Requests.uuidPath(ctx, "id");
                    users.change(id);
                    ctx.json(users.reject(
                            Api.actor(ctx),
                            id,
                            Requests.body(ctx, RejectionInput.class).reason()));
                });
    }

    private void propose(Context ctx) {
        NewUser request = Requests.body(ctx, NewUser.class);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        request.role().ifPresent(role -> roles.add(role(role)));
        request.roles().orElse(List.of()).forEach(role -> roles.add(role(role)));
        Set<String> holders = new LinkedHashSet<>(request.holders().orElse(List.of()));
        Users.Lifetimes lifetimes = lifetimes(new AccessInput(request.tokenLifetimeDays(), request.enrolmentHours()));
        accepted(ctx, users.proposeUser(Api.actor(ctx), request.name(), roles, holders, lifetimes));
    }

    private static void accepted(Context ctx, ChangeOutcome outcome) {
        ctx.status(202).json(ChangeView.of(outcome));
    }

    /** The body of a request that may come without one. */
    private static AccessInput access(Context ctx) {
        return ctx.body().isBlank()
                ? new AccessInput(Optional.empty(), Optional.empty())
                : Requests.body(ctx, AccessInput.class);
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ROLE_UNKNOWN", "role must be one of " + List.of(Role.values()));
        }
    }

    private static Users.Lifetimes lifetimes(AccessInput input) {
        return new Users.Lifetimes(
                input.tokenLifetimeDays().map(Duration::ofDays).orElse(Users.DEFAULT_TOKEN_LIFETIME),
                input.enrolmentHours().map(Duration::ofHours).orElse(Users.DEFAULT_ENROLMENT_VALIDITY));
    }

    private static String changeState(String text) {
        String state = text.strip().toUpperCase(Locale.ROOT);
        if (Arrays.stream(IdentityChange.State.values())
                .noneMatch(known -> known.name().equals(state))) {
            throw new InvalidInputException(
                    "PARAMETER_INVALID", "state is one of " + Arrays.toString(IdentityChange.State.values()));
        }
        return state;
    }
}
