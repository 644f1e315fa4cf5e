package org.corridor.http;

import io.javalin.http.Context;
import java.util.Map;
import org.corridor.audit.Actor;
import org.corridor.identity.Authentication;
import org.corridor.identity.User;
import org.corridor.identity.Users;

/**
 * Authenticates the bearer token, checks the route's permission against the role matrix and the
 * caller's rate limit: per token once signed in, per source address for requests without a valid
 * token (open routes and failed sign-ins), so that a flood of bogus tokens is turned away before it
 * costs a database lookup. Every refusal is answered with problem details and recorded, bounded,
 * in the audit trail ({@link RefusalLog}), with the reason the caller is not told.
 */
final class Guard {

    static final Actor ANONYMOUS = new Actor("anonymous", "NONE");

    private final Users users;
    private final RefusalLog refusals;
    private final RateLimiter rateLimiter;
    private final RateLimiter unauthenticated;

    /**
     * @param rateLimiter requests per signed-in user
     * @param unauthenticated requests per source address that carry no valid token
     */
    Guard(Users users, RefusalLog refusals, RateLimiter rateLimiter, RateLimiter unauthenticated) {
        this.users = users;
        this.refusals = refusals;
        this.rateLimiter = rateLimiter;
        this.unauthenticated = unauthenticated;
    }

    /** Throws a refusal (answered as 401, 403 or 429) unless the request may proceed. */
    void check(Context ctx, RouteSpec spec) {
        String source = ctx.ip();
        if (spec.access() instanceof RouteSpec.Access.Public) {
            long wait = unauthenticated.acquire(source);
            if (wait > 0) {
                throw addressLimited(ctx, source, wait);
            }
            return;
        }
        long addressWait = unauthenticated.waitFor(source);
        if (addressWait > 0) {
            throw addressLimited(ctx, source, addressWait);
        }
        Authentication authentication = users.authenticate(bearerToken(ctx));
        if (authentication instanceof Authentication.Refused refused) {
            unauthenticated.acquire(source);
            refuse(ctx, spec, ANONYMOUS, 401, "UNAUTHENTICATED", refused.reason());
            throw new Refusal(ProblemDetail.of(
                    401,
                    "UNAUTHENTICATED",
                    "a valid bearer token is required (Authorization: Bearer TOKEN)",
                    RefusalLog.cut(ctx.path()),
                    Map.of()));
        }
        User user = ((Authentication.Authenticated) authentication).user();
        long waitSeconds = rateLimiter.acquire(user.id().toString());
        if (waitSeconds > 0) {
            throw new Refusal(ProblemDetail.of(
                    429,
                    "RATE_LIMITED",
                    "too many requests for this token; retry after " + waitSeconds + " s",
                    ctx.path(),
                    Map.of("retry_after_seconds", waitSeconds)));
        }
        RouteSpec.Access.Requires requires = (RouteSpec.Access.Requires) spec.access();
        if (!user.may(requires.permission())) {
            refuse(ctx, spec, user.actor(), 403, "ROLE_NOT_PERMITTED", "lacks " + requires.permission());
            throw new Refusal(ProblemDetail.of(
                    403,
                    "ROLE_NOT_PERMITTED",
                    "role " + user.roleNames() + " may not " + spec.method() + " " + spec.path(),
                    ctx.path(),
                    Map.of("required_permission", requires.permission().name())));
        }
        Api.signIn(ctx, user);
    }

    private void refuse(Context ctx, RouteSpec spec, Actor actor, int status, String code, String reason) {
        refusals.refused(
                actor,
                spec.method() + " " + spec.path(),
                ctx.method().name(),
                ctx.path(),
                ctx.ip(),
                status,
                code,
                reason);
    }

    /** Too many requests without a valid token from one address: counted, not recorded one by one. */
    private Refusal addressLimited(Context ctx, String source, long waitSeconds) {
        refusals.counted(source, 429, "RATE_LIMITED");
        return new Refusal(ProblemDetail.of(
                429,
                "RATE_LIMITED",
                "too many requests without a valid token from this address; retry after " + waitSeconds + " s",
                RefusalLog.cut(ctx.path()),
                Map.of("retry_after_seconds", waitSeconds)));
    }

    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return "";
        }
        String trimmed = header.trim();
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return trimmed.substring(7).trim();
        }
        return "";
    }

    /** A refusal already phrased as a problem; the exception mapper writes it as is. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ProblemDetail problem;

        Refusal(ProblemDetail problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        ProblemDetail problem() {
            return problem;
        }
    }
}
