package io.newsgraph.gateway.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.OperationDefinition;
import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.executor.ExecutionResult;
import io.newsgraph.gateway.executor.ResponseShaper;
import io.newsgraph.gateway.executor.SubgraphResponse;
import io.newsgraph.gateway.executor.VertxSubgraphTransport;
import io.newsgraph.gateway.limits.GraphQLFailure;
import io.newsgraph.gateway.planner.FetchNode;
import io.newsgraph.gateway.planner.PlanningException;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.runtime.Engine;
import io.newsgraph.gateway.runtime.GatewayRuntime;
import io.newsgraph.gateway.runtime.PreparedDocument;
import io.newsgraph.gateway.subscriptions.ConnectionLimits;
import io.newsgraph.gateway.subscriptions.GraphQLWs;
import io.newsgraph.gateway.subscriptions.GraphQLWsConnection;
import io.newsgraph.gateway.subscriptions.SubgraphSubscription;
import io.newsgraph.security.AccessPolicy;
import io.newsgraph.security.AccessRefusedException;
import io.newsgraph.security.config.SecurityConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Subscriptions at the edge: a WebSocket upgrade of {@code GET /graphql} offering the subprotocol
 * {@code graphql-transport-ws} becomes a {@link GraphQLWsConnection}. Callers are authenticated like queries: a token on
 * the upgrade ({@code Authorization}, verified by Quarkus before this runs, a bad one answered 401) or, for browsers,
 * which cannot set headers on a WebSocket, as {@code Authorization} in {@code connection_init}'s payload, verified here
 * the same way; the read rule then decides. Each subscription's root field goes to its subgraph over a WebSocket of its
 * own, and every event runs the rest of the plan (entity fetches) through the ordinary executor.
 */
@ApplicationScoped
public class SubscriptionRoutes implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(SubscriptionRoutes.class);

    private final GatewayRuntime runtime;
    private final GatewayConfig config;
    private final GatewayConfig.Subscriptions settings;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final IdentityProviderManager identities;
    private final boolean anonymousRead;
    private final ConnectionLimits limits;
    private volatile WebSocketClient client;

    public SubscriptionRoutes(GatewayRuntime runtime, GatewayConfig config, ObjectMapper json, Vertx vertx,
            IdentityProviderManager identities, SecurityConfig security) {
        this.runtime = runtime;
        this.config = config;
        this.settings = config.subscriptions();
        this.json = json;
        this.vertx = vertx;
        this.identities = identities;
        this.anonymousRead = security.anonymousRead();
        this.limits = new ConnectionLimits(settings.maxConnectionsPerClient(), settings.maxConnections());
    }

    /** The HTTP server names the subprotocol in its handshake and bounds what one message may be. */
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setWebSocketSubProtocols(List.of(GraphQLWs.SUBPROTOCOL));
        options.setMaxWebSocketMessageSize(settings.maxMessageBytes());
        options.setMaxWebSocketFrameSize(Math.min(settings.maxMessageBytes(), options.getMaxWebSocketFrameSize()));
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }

    void stop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    private WebSocketClient client() {
        WebSocketClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createWebSocketClient(new WebSocketClientOptions()
                            .setMaxConnections(settings.maxConnections()).setTcpNoDelay(true));
                }
                c = client;
            }
        }
        return c;
    }

    /** Open client connections, for tests. */
    public int openConnections() {
        return limits.open();
    }

    void upgrade(RoutingContext ctx) {
        String upgrade = ctx.request().getHeader("upgrade");
        if (!settings.enabled() || upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            ctx.next();
            return;
        }
        String offered = ctx.request().getHeader("sec-websocket-protocol");
        if (offered == null || !List.of(offered.split("\\s*,\\s*")).contains(GraphQLWs.SUBPROTOCOL)) {
            Responses.fail(ctx, json, new GraphQLFailure(400, "WEBSOCKET_SUBPROTOCOL_NOT_ACCEPTABLE",
                    "WebSocket connections must offer the subprotocol " + GraphQLWs.SUBPROTOCOL + " (the graphql-ws protocol)."));
            return;
        }
        SecurityIdentity upgradeIdentity = ctx.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        Map<String, String> forwarded = GraphQLRoutes.forwarded(ctx);
        ctx.request().toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                LOG.debugf("WebSocket upgrade failed: %s", ar.cause().getMessage());
                return;
            }
            ServerWebSocket ws = ar.result();
            Connection connection = new Connection(ctx, ws, upgradeIdentity, forwarded);
            GraphQLWsConnection protocol = new GraphQLWsConnection(connection, connection,
                    (delay, task) -> {
                        long id = vertx.setTimer(Math.max(1, delay.toMillis()), t -> task.run());
                        return () -> vertx.cancelTimer(id);
                    },
                    settings.connectionInitTimeout(), settings.maxSubscriptionsPerConnection(), settings.maxMessageBytes());
            connection.protocol = protocol;
            ws.textMessageHandler(text -> protocol.onText(text, this::parse));
            ws.binaryMessageHandler(b -> protocol.onBinary());
            ws.closeHandler(v -> protocol.onClosed());
            ws.exceptionHandler(t -> LOG.debugf("WebSocket failed: %s", t.getMessage()));
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String text) {
        try {
            Object v = json.readValue(text, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One client connection: its socket, who it is, and the subscriptions it runs. */
    private final class Connection implements GraphQLWsConnection.Peer, GraphQLWsConnection.Operations {
        private final RoutingContext upgrade;
        private final ServerWebSocket ws;
        private final SecurityIdentity upgradeIdentity;
        private final Map<String, String> headers;
        private GraphQLWsConnection protocol;
        private volatile SecurityIdentity identity;
        private volatile ConnectionLimits.Slot slot;
        private long expiryTimer = -1;

        Connection(RoutingContext upgrade, ServerWebSocket ws, SecurityIdentity upgradeIdentity, Map<String, String> forwarded) {
            this.upgrade = upgrade;
            this.ws = ws;
            this.upgradeIdentity = upgradeIdentity;
            this.headers = new LinkedHashMap<>(forwarded);
        }

        @Override
        public void send(Map<String, Object> message) {
            if (ws.isClosed()) {
                return;
            }
            try {
                ws.writeTextMessage(json.writeValueAsString(message));
            } catch (IOException e) {
                LOG.errorf("message not serialisable: %s", e.getMessage());
            }
        }

        @Override
        public void close(int code, String reason) {
            if (!ws.isClosed()) {
                ws.close((short) code, reason);
            }
        }

        @Override
        public CompletionStage<Void> init(Map<String, Object> payload) {
            String token = payloadToken(payload);
            CompletionStage<SecurityIdentity> who;
            if (token == null) {
                who = CompletableFuture.completedFuture(upgradeIdentity);
            } else if (upgradeIdentity != null && !upgradeIdentity.isAnonymous()) {
                throw new GraphQLWsConnection.Refusal(GraphQLWs.BAD_REQUEST,
                        "Authorization given both on the upgrade request and in connection_init");
            } else {
                who = identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)))
                        .subscribeAsCompletionStage()
                        .exceptionally(failure -> {
                            throw refusal(AccessRefusedException.invalidToken());
                        });
            }
            return who.thenAccept(id -> {
                AccessPolicy.Decision decision = AccessPolicy.decide(AccessPolicy.Operation.READ, caller(id), anonymousRead);
                if (decision != AccessPolicy.Decision.ALLOW) {
                    throw refusal(AccessRefusedException.of(decision, AccessPolicy.Operation.READ));
                }
                slot = limits.acquire(EdgeGuards.client(id, upgrade));
                identity = id;
                if (token != null) {
                    headers.put("authorization", "Bearer " + token);
                }
                closeAtExpiry(id);
            });
        }

        /** A token does not outlive itself on a long-lived connection: at its expiry the connection closes. */
        private void closeAtExpiry(SecurityIdentity id) {
            if (id != null && id.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
                long millis = jwt.getExpirationTime() * 1000 - System.currentTimeMillis();
                expiryTimer = vertx.setTimer(Math.max(1, millis), t -> close(GraphQLWs.FORBIDDEN, "Forbidden: UNAUTHENTICATED: the token expired"));
            }
        }

        @Override
        public void closed() {
            if (expiryTimer >= 0) {
                vertx.cancelTimer(expiryTimer);
            }
            ConnectionLimits.Slot s = slot;
            if (s != null) {
                s.release();
            }
        }

        @Override
        public GraphQLWsConnection.Running start(String id, Map<String, Object> payload, GraphQLWsConnection.Events events) {
            OperationRequest request = OperationRequest.of(payload);
            String query = request.query();
            OperationRequest.checkQuery(query, config.limits());
            Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
            Engine engine = runtime.engine();
            if (engine == null) {
                throw new GraphQLFailure(503, "SUPERGRAPH_NOT_LOADED", "The gateway has no supergraph loaded yet.");
            }
            PreparedDocument doc = engine.prepare(query);
            if (doc.failure() != null) {
                throw doc.failure();
            }
            OperationDefinition op = doc.operation(request.operationName());
            if (op.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
                throw new GraphQLFailure(400, "OPERATION_NOT_SUPPORTED",
                        "Only subscriptions are served over WebSocket; send queries and mutations with POST /graphql.");
            }
            AccessPolicy.Decision decision = AccessPolicy.decide(AccessPolicy.Operation.READ, caller(identity), anonymousRead);
            if (decision != AccessPolicy.Decision.ALLOW) {
                AccessRefusedException refused = AccessRefusedException.of(decision, AccessPolicy.Operation.READ);
                throw new GraphQLFailure(refused.httpStatus(), refused.code(), refused.getMessage());
            }
            engine.checkVariables(op, variables);
            if (config.cost().enabled()) {
                engine.checkCost(doc, op, variables);
            }
            QueryPlan plan;
            try {
                plan = engine.plan(doc, op, variables);
            } catch (PlanningException e) {
                LOG.errorf("subscription planning failed: %s", e.getMessage());
                throw new GraphQLFailure(500, "QUERY_PLANNING_FAILED", "The gateway could not plan this operation.");
            }
            FetchNode root = plan.fetches().stream().filter(FetchNode::isSubscription).findFirst()
                    .orElseThrow(() -> new GraphQLFailure(500, "QUERY_PLANNING_FAILED", "The gateway could not plan this operation."));
            VertxSubgraphTransport.Target target = runtime.target(root.graph());
            if (target == null) {
                throw new GraphQLFailure(503, "SUBGRAPH_REQUEST_FAILED", "Subgraph \"" + root.serviceName() + "\" is not configured.");
            }
            Map<String, Object> rootVariables = new LinkedHashMap<>();
            for (String v : root.variables()) {
                if (variables.containsKey(v)) {
                    rootVariables.put(v, variables.get(v));
                }
            }
            return SubgraphSubscription.open(vertx, client(), json, target.url(), Map.copyOf(headers), root.operation(),
                    rootVariables, settings.subgraphConnectTimeout(), new Relay(engine, plan, variables, root, events));
        }

        private static String payloadToken(Map<String, Object> payload) {
            if (payload == null) {
                return null;
            }
            Object v = payload.containsKey("Authorization") ? payload.get("Authorization") : payload.get("authorization");
            if (!(v instanceof String s) || s.isBlank()) {
                return null;
            }
            String t = s.strip();
            return t.regionMatches(true, 0, "Bearer ", 0, 7) ? t.substring(7).strip() : t;
        }

        private static AccessPolicy.Caller caller(SecurityIdentity id) {
            return id == null || id.isAnonymous() ? AccessPolicy.Caller.ANONYMOUS : new AccessPolicy.Caller(true, id.getRoles());
        }

        private static GraphQLWsConnection.Refusal refusal(AccessRefusedException refused) {
            return new GraphQLWsConnection.Refusal(GraphQLWs.FORBIDDEN, "Forbidden: " + refused.code());
        }

        /** A subgraph's events in, the client's {@code next} messages out, one event after the other. */
        private final class Relay implements SubgraphSubscription.Listener {
            private final Engine engine;
            private final QueryPlan plan;
            private final Map<String, Object> variables;
            private final FetchNode root;
            private final GraphQLWsConnection.Events events;
            private CompletionStage<Void> tail = CompletableFuture.completedFuture(null);

            Relay(Engine engine, QueryPlan plan, Map<String, Object> variables, FetchNode root, GraphQLWsConnection.Events events) {
                this.engine = engine;
                this.plan = plan;
                this.variables = variables;
                this.root = root;
                this.events = events;
            }

            @Override
            public synchronized void event(SubgraphResponse event) {
                tail = tail.thenCompose(v -> runtime.executor().execute(plan, variables, headers, event))
                        .thenAccept(this::deliver)
                        .exceptionally(t -> {
                            LOG.errorf(t, "subscription event failed");
                            events.error(List.of(GraphQLFailure.error("INTERNAL_SERVER_ERROR", "Internal server error.")));
                            return null;
                        });
            }

            private void deliver(ExecutionResult result) {
                List<Map<String, Object>> errors = new ArrayList<>(ErrorHygiene.clean(result.errors()));
                ResponseShaper.Shaped shaped = ResponseShaper.shape(plan, engine.supergraph().apiSchema(), result.data());
                Map<String, Object> body = new LinkedHashMap<>(2);
                if (!errors.isEmpty()) {
                    body.put("errors", errors);
                }
                body.put("data", shaped.data());
                events.next(body);
            }

            @Override
            public synchronized void error(List<Map<String, Object>> errors) {
                List<Map<String, Object>> mapped = new ArrayList<>();
                for (Map<String, Object> e : ErrorHygiene.clean(errors)) {
                    Map<String, Object> out = new LinkedHashMap<>(e);
                    Map<String, Object> ext = new LinkedHashMap<>();
                    if (e.get("extensions") instanceof Map<?, ?> m) {
                        m.forEach((k, v) -> ext.put(String.valueOf(k), v));
                    }
                    ext.putIfAbsent("code", "DOWNSTREAM_SERVICE_ERROR");
                    ext.put("serviceName", root.serviceName());
                    out.put("extensions", ext);
                    mapped.add(out);
                }
                tail = tail.thenRun(() -> events.error(mapped));
            }

            @Override
            public synchronized void complete() {
                tail = tail.thenRun(events::complete);
            }

            @Override
            public synchronized void failed(String why) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", "Subgraph \"" + root.serviceName() + "\" could not be reached or ended the subscription");
                error.put("extensions", Map.of("code", "SUBGRAPH_REQUEST_FAILED", "serviceName", root.serviceName()));
                tail = tail.thenRun(() -> events.error(List.of(error)));
            }
        }
    }
}
