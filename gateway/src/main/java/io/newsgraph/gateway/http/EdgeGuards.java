package io.newsgraph.gateway.http;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.limits.ClientRateLimiter;
import io.newsgraph.gateway.limits.GraphQLFailure;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The checks a GraphQL request passes before its body is read: the client's rate limit, the CSRF rule and the
 * content encoding. CORS (origins, preflight) is Quarkus' own filter ({@code quarkus.http.cors.*}), which runs first.
 */
@ApplicationScoped
public class EdgeGuards {

    private final ObjectMapper json;
    private final ClientRateLimiter limiter;
    private final CsrfPolicy csrf;

    public EdgeGuards(GatewayConfig config, ObjectMapper json) {
        this.json = json;
        GatewayConfig.RateLimit r = config.rateLimit();
        this.limiter = r.enabled() ? new ClientRateLimiter(r.requests(), r.period(), r.burst(), r.maxClients(), r.idleExpiry()) : null;
        this.csrf = config.csrf().enabled() ? new CsrfPolicy(config.csrf().requiredHeaders()) : null;
    }

    /** 429 RATE_LIMITED with {@code Retry-After} once the client's bucket is empty. */
    void rateLimit(RoutingContext ctx) {
        if (limiter == null) {
            ctx.next();
            return;
        }
        long waitNanos = limiter.tryAcquire(client(ctx));
        if (waitNanos == 0) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Responses.fail(ctx, json, new GraphQLFailure(429, "RATE_LIMITED",
                "Too many requests from this client; retry after " + seconds + " s.", Map.of("retryAfterSeconds", seconds)));
    }

    /** 400 CSRF_ERROR for a request a browser could have sent cross-site without a preflight. */
    void csrf(RoutingContext ctx) {
        // A GET is an operation when it names one in full or by its persisted-query hash (the rest is the GraphiQL page).
        boolean operation = ctx.request().method() != HttpMethod.GET || ctx.queryParams().contains("query")
                || ctx.queryParams().contains("extensions");
        if (csrf == null || !operation || !csrf.refuses(ctx.request().getHeader("content-type"), ctx.request()::getHeader)) {
            ctx.next();
            return;
        }
        Responses.fail(ctx, json, new GraphQLFailure(400, "CSRF_ERROR", csrf.message()));
    }

    /**
     * 415 for a compressed body: request bodies are not decompressed (a small gzip body can inflate to gigabytes),
     * so one would only fail later as malformed JSON.
     */
    void encoding(RoutingContext ctx) {
        String encoding = ctx.request().getHeader("content-encoding");
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            ctx.next();
            return;
        }
        Responses.fail(ctx, json, new GraphQLFailure(415, "UNSUPPORTED_CONTENT_ENCODING",
                "Request bodies must not be compressed (Content-Encoding); send them as they are."));
    }

    /** The verified token subject when there is one, else the remote address (behind a proxy: see quarkus.http.proxy.*). */
    static String client(RoutingContext ctx) {
        return client(ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null, ctx);
    }

    /** The same for an identity verified apart from the request (a token in a WebSocket's connection_init). */
    static String client(SecurityIdentity identity, RoutingContext ctx) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
            return "sub:" + identity.getPrincipal().getName();
        }
        var address = ctx.request().remoteAddress();
        return "ip:" + (address == null ? "unknown" : address.hostAddress());
    }
}
