package io.newsgraph.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.GraphQLError;
import graphql.language.OperationDefinition;
import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.executor.ExecutionResult;
import io.newsgraph.gateway.executor.ResponseShaper;
import io.newsgraph.gateway.limits.ActualCost;
import io.newsgraph.gateway.limits.CostEstimator;
import io.newsgraph.gateway.limits.GraphQLFailure;
import io.newsgraph.gateway.ops.GatewayMetrics;
import io.newsgraph.gateway.planner.PlanningException;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.runtime.Engine;
import io.newsgraph.gateway.runtime.GatewayRuntime;
import io.newsgraph.gateway.runtime.PreparedDocument;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The public GraphQL endpoint: {@code POST /graphql} (JSON) and {@code GET /graphql} (queries only), GraphiQL
 * for browsers. Requests are handled on the event loop from start to end: prepared documents and plans come
 * from caches, subgraph calls are non-blocking.
 */
@ApplicationScoped
public class GraphQLRoutes {

    private static final Logger LOG = Logger.getLogger(GraphQLRoutes.class);
    private static final String PLAN_HEADER = "Apollo-Query-Plan-Experimental";
    private static final String COST_HEADER = "Newsgraph-Cost";
    private static final List<String> FORWARDED = List.of("authorization", "traceparent", "tracestate");

    private final GatewayRuntime runtime;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final GatewayMetrics metrics;
    private final OperationAuthorization authorization;
    private final EdgeGuards guards;
    private final SubscriptionRoutes subscriptions;
    private final byte[] graphiql;
    private final PersistedQueries persisted;

    public GraphQLRoutes(GatewayRuntime runtime, GatewayConfig config, ObjectMapper json, GatewayMetrics metrics,
            OperationAuthorization authorization, EdgeGuards guards, SubscriptionRoutes subscriptions) {
        this.runtime = runtime;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        this.authorization = authorization;
        this.guards = guards;
        this.subscriptions = subscriptions;
        this.graphiql = resource("graphiql/index.html");
        this.persisted = persistedQueries(config.persistedQueries(), json);
    }

    /** Built at start, so that a safelist that cannot be read stops the gateway instead of refusing every request. */
    private static PersistedQueries persistedQueries(GatewayConfig.PersistedQueries c, ObjectMapper json) {
        Safelist list = null;
        if (c.safelist().enabled()) {
            String location = c.safelist().manifest().orElseThrow(() -> new IllegalStateException(
                    "newsgraph.gateway.persisted-queries.safelist.enabled needs newsgraph.gateway.persisted-queries.safelist.manifest"));
            list = Safelist.load(location, json);
            LOG.infof("safelist mode: %d operations from %s", list.size(), location);
        }
        return new PersistedQueries(new PersistedQueryStore(c.maxEntries(), c.maxDocumentLength()), c.enabled(), list,
                c.safelist().requireId());
    }

    void routes(@Observes Router router) {
        // Before anything is read or parsed: the client's rate, the CSRF rule, the content encoding.
        router.route("/graphql").handler(guards::rateLimit).handler(guards::csrf).handler(guards::encoding);
        router.post("/graphql").handler(BodyHandler.create(false).setBodyLimit(config.limits().maxRequestBytes()))
                .handler(this::post)
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        fail(ctx, new GraphQLFailure(413, "REQUEST_TOO_LARGE",
                                "Request body exceeds the limit (max-request-bytes) of " + config.limits().maxRequestBytes() + " bytes."));
                    } else {
                        LOG.error("request failed", ctx.failure());
                        fail(ctx, new GraphQLFailure(500, "INTERNAL_SERVER_ERROR", "Internal server error."));
                    }
                });
        // A WebSocket upgrade (subscriptions) is taken here; any other GET goes on to the query handler.
        router.get("/graphql").handler(subscriptions::upgrade);
        router.get("/graphql").handler(this::get);
        if (config.graphiql()) {
            router.get("/").handler(ctx -> ctx.redirect("/graphiql"));
            // GraphiQL as bundled at build time (src/main/graphiql), all from the classpath: the page, never cached,
            // and its assets, whose names carry a content hash, cached for a week.
            router.get("/graphiql").handler(this::graphiql);
            router.get("/graphiql/").handler(this::graphiql);
            router.get("/graphiql/assets/*").handler(StaticHandler.create("graphiql/assets").setMaxAgeSeconds(7L * 24 * 3600));
        }
    }

    private void graphiql(RoutingContext ctx) {
        ctx.response().putHeader("content-type", "text/html; charset=utf-8").putHeader("cache-control", "no-cache")
                .end(Buffer.buffer(graphiql));
    }

    private void get(RoutingContext ctx) {
        MultiMap params = ctx.queryParams();
        String query = params.get("query");
        String accept = ctx.request().getHeader("accept");
        if (query == null && params.get("extensions") == null && config.graphiql() && accept != null && accept.contains("text/html")) {
            graphiql(ctx);
            return;
        }
        try {
            Map<String, Object> variables = params.get("variables") == null ? null : readObject(params.get("variables"), "variables");
            Map<String, Object> extensions = params.get("extensions") == null ? null : readObject(params.get("extensions"), "extensions");
            handle(ctx, query, params.get("operationName"), variables, extensions, true);
        } catch (GraphQLFailure f) {
            fail(ctx, f);
        }
    }

    private void post(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            fail(ctx, new GraphQLFailure(400, "BAD_REQUEST", "Request body is empty; send {\"query\": \"...\"}."));
            return;
        }
        Object parsed;
        try {
            parsed = json.readerFor(Object.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(body.getBytes());
        } catch (IOException e) {
            fail(ctx, new GraphQLFailure(400, "MALFORMED_JSON", "Request body is not valid JSON."));
            return;
        }
        if (!(parsed instanceof Map<?, ?> request)) {
            fail(ctx, new GraphQLFailure(400, "BAD_REQUEST", "Request body must be a JSON object."));
            return;
        }
        OperationRequest operation;
        try {
            operation = OperationRequest.of(request);
        } catch (GraphQLFailure f) {
            fail(ctx, f);
            return;
        }
        handle(ctx, operation.query(), operation.operationName(), operation.variables(), request.get("extensions"), false);
    }

    private void handle(RoutingContext ctx, String sent, String operationName, Map<String, Object> variables, Object extensions, boolean get) {
        long start = System.nanoTime();
        try {
            PersistedQueries.Resolution resolution = persisted.resolve(sent, extensions);
            String query = resolution.query();
            OperationRequest.checkQuery(query, config.limits());
            Engine engine = runtime.engine();
            if (engine == null) {
                throw new GraphQLFailure(503, "SUPERGRAPH_NOT_LOADED", "The gateway has no supergraph loaded yet.");
            }
            PreparedDocument doc = engine.prepare(query);
            if (doc.failure() != null) {
                throw doc.failure();
            }
            persisted.admit(resolution, doc.document(), config.introspection() && PersistedQueries.onlyIntrospection(doc.document()));
            OperationDefinition op = doc.operation(operationName);
            traced(op);
            authorization.check(ctx, op);
            if (op.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                throw new GraphQLFailure(405, "METHOD_NOT_ALLOWED",
                        "Subscriptions are served over WebSocket at /graphql (subprotocol graphql-transport-ws).");
            }
            if (get && op.getOperation() != OperationDefinition.Operation.QUERY) {
                throw new GraphQLFailure(405, "METHOD_NOT_ALLOWED", "Only queries may be sent with GET; use POST.");
            }
            boolean introspects = Engine.introspects(op, doc);
            if (introspects && !config.introspection()) {
                throw new GraphQLFailure(400, "INTROSPECTION_DISABLED", "Introspection is disabled on this gateway.");
            }
            engine.checkVariables(op, variables);
            double estimated = config.cost().enabled() ? engine.checkCost(doc, op, variables) : -1;
            QueryPlan plan = engine.plan(doc, op, variables);
            boolean wantsPlan = config.exposeQueryPlan() && "1".equals(ctx.request().getHeader(PLAN_HEADER));
            Cost cost = config.cost().expose() && "1".equals(ctx.request().getHeader(COST_HEADER)) ? new Cost(doc, op, estimated) : null;
            Map<String, String> headers = forwarded(ctx);
            runtime.executor().execute(plan, variables, headers).whenComplete((result, failure) -> {
                try {
                    if (failure != null) {
                        throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                    }
                    respond(ctx, engine, plan, result, query, operationName, variables, introspects, wantsPlan, cost);
                    metrics.operation(op.getName(), result.errors().isEmpty() ? "success" : "errors", System.nanoTime() - start);
                } catch (RuntimeException e) {
                    internal(ctx, e);
                }
            });
        } catch (GraphQLFailure f) {
            metrics.operation(null, "rejected", System.nanoTime() - start);
            if (PersistedQueries.uncacheable(f)) {
                ctx.response().putHeader("cache-control", PersistedQueries.DONT_CACHE);
            }
            fail(ctx, f);
        } catch (PlanningException e) {
            String id = UUID.randomUUID().toString();
            LOG.errorf("query planning failed [%s]: %s", id, e.getMessage());
            fail(ctx, new GraphQLFailure(500, "QUERY_PLANNING_FAILED", "The gateway could not plan this operation (error id " + id + ")."));
        } catch (RuntimeException e) {
            internal(ctx, e);
        }
    }

    /** Names the operation on the request's server span (no document, no variables: they may carry personal data). */
    private static void traced(OperationDefinition op) {
        Span span = Span.current();
        if (span.getSpanContext().isValid()) {
            span.setAttribute("graphql.operation.type", op.getOperation().name().toLowerCase(java.util.Locale.ROOT));
            if (op.getName() != null) {
                span.setAttribute("graphql.operation.name", op.getName());
            }
        }
    }

    /** What {@code Newsgraph-Cost: 1} asked to report; {@code estimated} is -1 when cost analysis is off. */
    private record Cost(PreparedDocument doc, OperationDefinition op, double estimated) {
    }

    private void respond(RoutingContext ctx, Engine engine, QueryPlan plan, ExecutionResult result, String query, String operationName,
            Map<String, Object> variables, boolean introspects, boolean wantsPlan, Cost cost) {
        List<Map<String, Object>> errors = new ArrayList<>(ErrorHygiene.clean(result.errors()));
        Map<String, Object> data;
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (introspects) {
            graphql.ExecutionResult r = engine.executeOverData(query, operationName, variables, result.data());
            data = r.getData();
            for (GraphQLError e : r.getErrors()) {
                errors.add(e.toSpecification());
            }
        } else {
            ResponseShaper.Shaped shaped = ResponseShaper.shape(plan, engine.supergraph().apiSchema(), result.data());
            data = shaped.data();
            if (errors.isEmpty() && !shaped.completionErrors().isEmpty()) {
                extensions.put("valueCompletion", shaped.completionErrors());
            }
        }
        if (wantsPlan) {
            extensions.put("queryPlan", plan.toJson());
        }
        if (cost != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            if (cost.estimated() >= 0) {
                c.put("estimated", CostEstimator.number(cost.estimated()));
            }
            c.put("actual", CostEstimator.number(ActualCost.of(engine.costModel(), cost.op(), cost.doc().fragments(), data)));
            c.put("max", CostEstimator.number(engine.costModel().max()));
            extensions.put("cost", c);
        }
        Map<String, Object> body = new LinkedHashMap<>(4);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.put("data", data);
        if (!extensions.isEmpty()) {
            body.put("extensions", extensions);
        }
        write(ctx, 200, body);
    }

    static Map<String, String> forwarded(RoutingContext ctx) {
        Map<String, String> out = null;
        for (String h : FORWARDED) {
            String v = ctx.request().getHeader(h);
            if (v != null) {
                if (out == null) {
                    out = new HashMap<>(4);
                }
                out.put(h, v);
            }
        }
        return out == null ? Map.of() : out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readObject(String text, String what) {
        try {
            Object v = json.readValue(text, Object.class);
            if (v == null) {
                return null;
            }
            if (v instanceof Map) {
                return (Map<String, Object>) v;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new GraphQLFailure(400, "BAD_REQUEST", "\"" + what + "\" must be a JSON object.");
    }

    private void internal(RoutingContext ctx, Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed [%s]", id);
        fail(ctx, new GraphQLFailure(500, "INTERNAL_SERVER_ERROR", "Internal server error (error id " + id + ")."));
    }

    private void fail(RoutingContext ctx, GraphQLFailure f) {
        Responses.fail(ctx, json, f);
    }

    private void write(RoutingContext ctx, int status, Object body) {
        Responses.write(ctx, json, status, body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = GraphQLRoutes.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
