package org.corridor.http;

import io.javalin.http.Context;
import java.util.Map;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.identity.Authentication;
import org.corridor.identity.User;
import org.corridor.identity.Users;

/**
 * Authenticates the bearer token, checks the route's permission against the role matrix and the
 * caller's rate limit. Every refusal is answered with problem details and written to the audit
 * trail, with the reason the caller is not told.
 */
final class Guard {

    static final Actor ANONYMOUS = new Actor("anonymous", "NONE");

    private final Users users;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;

    Guard(Users users, AuditLog audit, RateLimiter rateLimiter) {
        this.users = users;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
    }

    /** Throws a refusal (answered as 401, 403 or 429) unless the request may proceed. */
    void check(Context ctx, RouteSpec spec) {
        if (spec.access() instanceof RouteSpec.Access.Public) {
            return;
        }
        Authentication authentication = users.authenticate(bearerToken(ctx));
        if (authentication instanceof Authentication.Refused refused) {
            refuse(ctx, spec, ANONYMOUS, 401, "UNAUTHENTICATED", refused.reason());
            throw new Refusal(ProblemDetail.of(
                    401,
                    "UNAUTHENTICATED",
                    "a valid bearer token is required (Authorization: Bearer TOKEN)",
                    ctx.path(),
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
        audit.appendAlone(AuditEvent.of(
                actor,
                "ACCESS_REFUSED",
                "route:" + spec.method() + " " + spec.path(),
                CanonicalJson.fields("method", ctx.method().name(), "path", ctx.path(), "remote", ctx.ip()),
                CanonicalJson.fields("status", status, "code", code, "reason", reason)));
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
