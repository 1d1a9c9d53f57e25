package io.newsgraph.entities.extraction;

import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.NerEngines;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the NER engine once, at start-up, on a thread of its own: the models take about half a minute and 1.5 GB,
 * and the HTTP server (health checks included) should answer meanwhile. Readiness stays DOWN until it is loaded.
 */
@ApplicationScoped
public class EngineLoader {

    private static final Logger LOG = Logger.getLogger(EngineLoader.class);

    private final ExtractionConfig config;
    private final CompletableFuture<NewsExtractionPipeline> pipeline = new CompletableFuture<>();
    private final AtomicBoolean loading = new AtomicBoolean();

    EngineLoader(ExtractionConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.loadAtStartup()) {
            startLoading();
        }
    }

    private void startLoading() {
        if (!loading.compareAndSet(false, true)) {
            return;
        }
        int workers = config.workers().orElse(Runtime.getRuntime().availableProcessors());
        Thread loader = new Thread(() -> load(workers), "ner-engine-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load(int workers) {
        long started = System.nanoTime();
        try {
            NerEngine engine = NerEngines.create(config.engine(), workers);
            pipeline.complete(new NewsExtractionPipeline(engine));
            LOG.infof("NER engine %s loaded with %d workers in %d ms", engine.name(), workers,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "NER engine %s failed to load", config.engine());
            pipeline.completeExceptionally(e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        pipeline.thenAccept(p -> p.close());
    }

    public boolean isReady() {
        return pipeline.isDone() && !pipeline.isCompletedExceptionally();
    }

    /** True while the engine loads, or before its first use when it is not loaded at start-up. */
    public boolean isLoading() {
        return !pipeline.isDone();
    }

    public boolean loadsAtStartup() {
        return config.loadAtStartup();
    }

    public boolean hasFailed() {
        return pipeline.isCompletedExceptionally();
    }

    /** The loaded pipeline, waiting for the engine up to the configured timeout. */
    public NewsExtractionPipeline pipeline() {
        startLoading();
        Duration timeout = config.loadTimeout();
        try {
            return pipeline.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EngineUnavailableException("NER engine still loading after " + timeout, e);
        } catch (ExecutionException e) {
            throw new EngineUnavailableException("NER engine failed to load", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("Interrupted while waiting for the NER engine", e);
        }
    }
}
