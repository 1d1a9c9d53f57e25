package io.newsgraph.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsgraph.gateway.limits.GraphQLFailure;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Writes GraphQL answers and rejections as JSON, the same way for every handler of the edge. */
final class Responses {

    private static final Logger LOG = Logger.getLogger(Responses.class);
    private static final byte[] INTERNAL =
            "{\"errors\":[{\"message\":\"Internal server error.\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]}".getBytes(StandardCharsets.UTF_8);

    private Responses() {
    }

    static void fail(RoutingContext ctx, ObjectMapper json, GraphQLFailure f) {
        write(ctx, json, f.status(), Map.of("errors", List.of(f.toError())));
    }

    static void write(RoutingContext ctx, ObjectMapper json, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            LOG.errorf("response not serialisable: %s", e.getOriginalMessage());
            status = 500;
            bytes = INTERNAL;
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(Buffer.buffer(bytes));
    }
}
