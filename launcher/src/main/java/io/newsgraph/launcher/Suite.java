package io.newsgraph.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole suite as one object: PostgreSQL (embedded unless configured), its two databases, and the three services as
 * separate processes. The local run and the system tests both start the suite through this class.
 */
public final class Suite implements AutoCloseable {

    /** How long each service may take to become ready; entities-service loads its NER models first. */
    private static final Map<Service, Duration> READY_TIMEOUT = Map.of(
            Service.ARTICLES, Duration.ofSeconds(120),
            Service.ENTITIES, Duration.ofSeconds(300),
            Service.GATEWAY, Duration.ofSeconds(120));

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final SuiteConfig config;
    private final ModuleBuilds builds;
    private final Consumer<String> progress;
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> extraEnvironment = new EnumMap<>(Service.class);
    private EmbeddedPostgresServer postgres;
    private LocalKeys keys;
    private Database articlesDb;
    private Database entitiesDb;

    /** @param progress receives one line per finished step, for people watching */
    public Suite(SuiteConfig config, Consumer<String> progress) {
        this.config = config;
        this.builds = new ModuleBuilds(config.root());
        this.progress = progress;
    }

    /** Extra settings for one service (the system tests shorten the relay's backoff, for example). */
    public Suite withEnvironment(Service service, Map<String, String> env) {
        extraEnvironment.computeIfAbsent(service, s -> new HashMap<>()).putAll(env);
        return this;
    }

    public SuiteConfig config() {
        return config;
    }

    public LocalKeys keys() {
        return keys;
    }

    public String baseUrl(Service service) {
        return config.baseUrl(service);
    }

    public Optional<EmbeddedPostgresServer> embeddedPostgres() {
        return Optional.ofNullable(postgres);
    }

    public Database database(Service service) {
        return service == Service.ARTICLES ? articlesDb : entitiesDb;
    }

    public ServiceProcess process(Service service) {
        return running.get(service);
    }

    /** Rebuilds the services whose jar is missing or older than its sources. */
    public void buildIfNeeded() {
        List<Service> stale = builds.stale(Arrays.asList(Service.values()));
        if (stale.isEmpty()) {
            progress.accept("build: all three services are up to date");
            return;
        }
        long t0 = System.nanoTime();
        Path log = config.logDir().resolve("build.log");
        progress.accept("build: building " + stale.stream().map(Service::module).toList() + " (log: " + log + ") ...");
        builds.build(stale, log);
        progress.accept("build: done in " + seconds(t0));
    }

    /** Database, keys, then the three services started together; returns once every one is ready. */
    public void start() {
        prepare();
        start(Service.values());
    }

    /** PostgreSQL (or the configured databases) and the keys: what the services need before they start. */
    public void prepare() {
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startDatabase();
        keys = LocalKeys.loadOrCreate(config.stateDir());
        progress.accept("keys: local token issuer and relay keys in " + config.stateDir().resolve(LocalKeys.DIR));
    }

    /** Starts the given services together and returns once every one is ready. */
    public void start(Service... services) {
        long t0 = System.nanoTime();
        for (Service s : services) {
            launch(s);
        }
        for (Service s : services) {
            awaitReady(s, t0);
        }
    }

    private void startDatabase() {
        long t0 = System.nanoTime();
        if (config.external().isPresent()) {
            SuiteConfig.ExternalDatabases ext = config.external().get();
            articlesDb = new Database(ext.articlesUrl(), ext.username(), ext.password());
            entitiesDb = new Database(ext.entitiesUrl(), ext.username(), ext.password());
            progress.accept("database: using the configured databases " + ext.articlesUrl() + " and " + ext.entitiesUrl());
            return;
        }
        postgres = new EmbeddedPostgresServer(config.postgresDataDir(), config.postgresPort(), config.logDir().resolve("postgres.log"));
        postgres.start();
        postgres.createDatabases(List.of("articles", "entities"));
        articlesDb = postgres.database("articles");
        entitiesDb = postgres.database("entities");
        progress.accept("database: PostgreSQL (embedded) on 127.0.0.1:" + postgres.port() + ", data in " + config.postgresDataDir()
                + ", databases articles and entities ready in " + seconds(t0));
    }

    /** Starts one service's process (without waiting for it). */
    public ServiceProcess launch(Service service) {
        ServiceProcess old = running.get(service);
        if (old != null && old.isAlive()) {
            throw new LaunchException(service.module() + " is already running (pid " + old.pid() + ")");
        }
        Path jar = builds.jar(service);
        if (!Files.exists(jar)) {
            throw new LaunchException(service.module() + ": no " + jar + "; build it with `mvn -pl " + service.module() + " install -DskipTests`");
        }
        Map<String, String> env = new HashMap<>(ServiceEnvironment.of(service, config, keys, articlesDb, entitiesDb,
                service == Service.GATEWAY ? routedSupergraph() : null));
        env.putAll(extraEnvironment.getOrDefault(service, Map.of()));
        List<String> opts = new ArrayList<>(Arrays.asList(config.javaOptions().getOrDefault(service, "").trim().split("\\s+")));
        opts.removeIf(String::isBlank);
        ServiceProcess p = ServiceProcess.start(service, config.baseUrl(service), config.port(service), jar, opts, env,
                config.logDir().resolve(service.module() + ".log"));
        running.put(service, p);
        writePid(service, p.pid());
        return p;
    }

    /**
     * The supergraph with each subgraph's routing URL pointed at this suite's ports (as deploy/sync-supergraph.sh
     * does for the cluster), written beside the logs; the shipped file names the default ports.
     */
    Path routedSupergraph() {
        Path source = config.supergraph();
        Path target = config.stateDir().resolve("supergraph.graphql");
        if (source.toAbsolutePath().equals(target.toAbsolutePath())) {
            return source;
        }
        try {
            String sdl = Files.readString(source);
            for (Service s : List.of(Service.ARTICLES, Service.ENTITIES)) {
                String name = s == Service.ARTICLES ? "articles" : "entities";
                sdl = sdl.replaceAll("(@join__graph\\(name: \"" + name + "\", url: \")[^\"]*(\")",
                        "$1" + java.util.regex.Matcher.quoteReplacement(config.baseUrl(s) + "/graphql") + "$2");
            }
            Files.writeString(target, sdl);
            return target;
        } catch (IOException e) {
            throw new LaunchException("cannot read the supergraph " + source + ": " + e.getMessage(), e);
        }
    }

    /** Waits for one launched service to be ready, reporting it. */
    public void awaitReady(Service service) {
        awaitReady(service, System.nanoTime());
    }

    private void awaitReady(Service service, long since) {
        ServiceProcess p = running.get(service);
        p.awaitReady(READY_TIMEOUT.get(service));
        progress.accept(service.module() + ": ready on " + config.baseUrl(service) + " after " + seconds(since) + " (pid " + p.pid()
                + ", log: " + p.logFile() + ")");
    }

    /** Stops a service gracefully and starts it again, waiting until it is ready. */
    public void restart(Service service) {
        stop(service);
        launch(service);
        awaitReady(service);
    }

    public void stop(Service service) {
        ServiceProcess p = running.remove(service);
        if (p != null) {
            p.stop(STOP_GRACE);
        }
    }

    /** {@code kill -9} one service. */
    public void kill(Service service) {
        ServiceProcess p = running.remove(service);
        if (p != null) {
            p.kill();
        }
    }

    /** Services first (gateway, then the two subgraphs), then PostgreSQL. */
    @Override
    public synchronized void close() {
        for (Service s : List.of(Service.GATEWAY, Service.ARTICLES, Service.ENTITIES)) {
            if (running.containsKey(s)) {
                stop(s);
                progress.accept(s.module() + ": stopped");
            }
            try {
                Files.deleteIfExists(pidFile(s));
            } catch (IOException ignored) {
                // a stale pid file is checked for liveness before use
            }
        }
        if (postgres != null && postgres.isRunning()) {
            postgres.close();
            progress.accept("database: PostgreSQL stopped (data kept in " + config.postgresDataDir() + ")");
        }
    }

    Path pidFile(Service service) {
        return config.stateDir().resolve("pids").resolve(service.module() + ".pid");
    }

    private void writePid(Service service, long pid) {
        try {
            Files.createDirectories(pidFile(service).getParent());
            Files.writeString(pidFile(service), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(long sinceNanos) {
        return String.format("%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }
}
