package org.corridor.identity;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;

/** Users over HTTP, for administrators. */
public final class UserRoutes implements Routes {

    /** A new user: its name, role and how many days its first token lives. */
    public record NewUser(String name, String role, Optional<Integer> tokenLifetimeDays) {}

    /** A user as shown to administrators; never a token or its hash. */
    public record UserView(
            String name, String role, boolean disabled, Instant createdAt, Optional<Instant> disabledAt) {
        static UserView of(User user) {
            return new UserView(user.name(), user.role().name(), user.disabled(), user.createdAt(), user.disabledAt());
        }
    }

    /** A token just issued: shown once. */
    public record TokenView(String name, String role, String token, Instant expiresAt) {
        static TokenView of(IssuedToken issued) {
            return new TokenView(issued.user().name(), issued.user().role().name(), issued.token(), issued.expiresAt());
        }
    }

    /** How long a further token lives. */
    public record NewToken(Optional<Integer> tokenLifetimeDays) {}

    private final Users users;

    public UserRoutes(Users users) {
        this.users = users;
    }

    @Override
    public void register(Api api) {
        api.post("/api/v1/users")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Create a user; the answer holds its token, shown only this once")
                .request(NewUser.class)
                .response(TokenView.class)
                .status(201)
                .handle(this::add);
        api.get("/api/v1/users")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("List users")
                .responseList(UserView.class)
                .handle(ctx -> ctx.json(users.list().stream().map(UserView::of).toList()));
        api.post("/api/v1/users/{name}/disable")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Disable a user and revoke its tokens")
                .response(UserView.class)
                .handle(ctx -> ctx.json(UserView.of(users.disable(Api.actor(ctx), ctx.pathParam("name")))));
        api.post("/api/v1/users/{name}/tokens")
                .requires(Permission.USER_MANAGE)
                .tag("users")
                .summary("Issue a further token for a user (rotation); shown only this once")
                .request(NewToken.class)
                .response(TokenView.class)
                .status(201)
                .handle(this::issueToken);
    }

    private void add(Context ctx) {
        NewUser request = Requests.body(ctx, NewUser.class);
        IssuedToken issued =
                users.add(Api.actor(ctx), request.name(), role(request.role()), lifetime(request.tokenLifetimeDays()));
        ctx.status(201).json(TokenView.of(issued));
    }

    private void issueToken(Context ctx) {
        NewToken request = Requests.body(ctx, NewToken.class);
        IssuedToken issued =
                users.issueToken(Api.actor(ctx), ctx.pathParam("name"), lifetime(request.tokenLifetimeDays()));
        ctx.status(201).json(TokenView.of(issued));
    }

    static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ROLE_UNKNOWN", "role must be one of " + List.of(Role.values()));
        }
    }

    private static Duration lifetime(Optional<Integer> days) {
        return days.map(Duration::ofDays).orElse(Users.DEFAULT_TOKEN_LIFETIME);
    }
}
