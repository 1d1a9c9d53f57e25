package io.newsgraph.gateway.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.executor.PlanExecutor;
import io.newsgraph.gateway.executor.VertxSubgraphTransport;
import io.newsgraph.gateway.limits.CostModel;
import io.newsgraph.gateway.ops.FetchTracing;
import io.newsgraph.gateway.ops.GatewayMetrics;
import io.newsgraph.gateway.supergraph.SubgraphInfo;
import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.SupergraphException;
import io.newsgraph.gateway.supergraph.SupergraphSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Loads the supergraph at start, reloads it when its file changes (a supergraph that fails to load leaves the
 * previous one serving), and holds the current {@link Engine}.
 */
@ApplicationScoped
public class GatewayRuntime {

    private static final Logger LOG = Logger.getLogger(GatewayRuntime.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final GatewayMetrics metrics;
    private final FetchTracing tracing;
    private volatile Engine engine;
    private volatile Map<String, VertxSubgraphTransport.Target> targets = Map.of();
    private SupergraphSource source;
    private VertxSubgraphTransport transport;
    private PlanExecutor executor;
    private long timer = -1;

    public GatewayRuntime(GatewayConfig config, Vertx vertx, ObjectMapper json, GatewayMetrics metrics, FetchTracing tracing) {
        this.config = config;
        this.vertx = vertx;
        this.json = json;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent event) {
        source = new SupergraphSource(config.supergraph());
        transport = new VertxSubgraphTransport(vertx, json, config.subgraphPoolSize(), Map.of());
        executor = new PlanExecutor(transport, json, metrics, config.deduplicateSubgraphRequests(), tracing);
        try {
            install(source.load());
        } catch (SupergraphException e) {
            LOG.errorf("supergraph %s not loaded: %s", source.location(), e.getMessage());
        }
        long interval = config.reloadInterval().toMillis();
        if (interval > 0 && source.isFile()) {
            timer = vertx.setPeriodic(interval, id -> vertx.executeBlocking(() -> {
                reloadIfChanged();
                return null;
            }, false));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (transport != null) {
            transport.close();
        }
    }

    /** Loads the file again if it changed; returns whether a new supergraph is now served. */
    public synchronized boolean reloadIfChanged() {
        if (engine != null && !source.changed()) {
            return false;
        }
        try {
            install(source.load());
            LOG.infof("supergraph reloaded from %s", source.location());
            return true;
        } catch (SupergraphException e) {
            LOG.errorf("supergraph %s not reloaded, the previous one keeps serving: %s", source.location(), e.getMessage());
            return false;
        }
    }

    private void install(Supergraph supergraph) {
        Map<String, VertxSubgraphTransport.Target> targets = new LinkedHashMap<>();
        for (SubgraphInfo s : supergraph.subgraphs().values()) {
            GatewayConfig.Subgraph own = config.subgraphs().get(s.name());
            String url = own != null && own.url().isPresent() ? own.url().get() : s.url();
            Duration timeout = own != null && own.timeout().isPresent() ? own.timeout().get() : config.subgraphTimeout();
            targets.put(s.id(), new VertxSubgraphTransport.Target(url, timeout));
        }
        transport.retarget(targets);
        this.targets = Map.copyOf(targets);
        engine = new Engine(supergraph, config.limits(), config.operationCacheSize(), CostModel.of(supergraph, config.cost()));
    }

    /** The engine of the current supergraph, or null before one loaded. */
    public Engine engine() {
        return engine;
    }

    /** Where a subgraph (by join__Graph id) is reached now: its routing URL, or the URL configured for it. */
    public VertxSubgraphTransport.Target target(String graph) {
        return targets.get(graph);
    }

    public PlanExecutor executor() {
        return executor;
    }
}
