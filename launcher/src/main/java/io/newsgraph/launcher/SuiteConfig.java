package io.newsgraph.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the suite runs: ports, state directory, database and JVM options.
 *
 * <p>{@link #fromEnvironment} reads the {@code NEWSGRAPH_RUN_*} variables (documented in docs/running.md); the system
 * tests build their own with free ports and a private state directory.
 *
 * @param root          the repository root (modules, samples, deploy/supergraph.graphql)
 * @param stateDir      where data, logs, keys and pid files live ({@code .newsgraph/} by default)
 * @param host          the address every service binds to and is reached at
 * @param ports         HTTP port per service
 * @param postgresPort  port of the embedded PostgreSQL (ignored with external databases)
 * @param external      the databases to use instead of the embedded server, when configured
 * @param javaOptions   JVM options per service
 * @param supergraph    the supergraph file the gateway serves
 */
public record SuiteConfig(Path root, Path stateDir, String host, Map<Service, Integer> ports, int postgresPort,
        Optional<ExternalDatabases> external, Map<Service, String> javaOptions, Path supergraph) {

    /** Databases named by the user: the launcher then starts no PostgreSQL and creates nothing. */
    public record ExternalDatabases(String articlesUrl, String entitiesUrl, String username, String password) {
    }

    public static final int DEFAULT_POSTGRES_PORT = 15432;

    public SuiteConfig {
        ports = Map.copyOf(ports);
        javaOptions = Map.copyOf(javaOptions);
    }

    /** The local run's settings: defaults, each overridable by a {@code NEWSGRAPH_RUN_*} environment variable. */
    public static SuiteConfig fromEnvironment(Path root, Map<String, String> env) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, String> opts = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, intSetting(env, "NEWSGRAPH_RUN_" + s.settingName() + "_PORT", s.defaultPort()));
            opts.put(s, env.getOrDefault("NEWSGRAPH_RUN_" + s.settingName() + "_JAVA_OPTS", s.defaultJavaOptions()));
        }
        Optional<ExternalDatabases> external = Optional.empty();
        String articlesUrl = env.get("NEWSGRAPH_RUN_ARTICLES_DB_URL");
        String entitiesUrl = env.get("NEWSGRAPH_RUN_ENTITIES_DB_URL");
        if (notBlank(articlesUrl) || notBlank(entitiesUrl)) {
            if (!notBlank(articlesUrl) || !notBlank(entitiesUrl)) {
                throw new LaunchException("set both NEWSGRAPH_RUN_ARTICLES_DB_URL and NEWSGRAPH_RUN_ENTITIES_DB_URL, or neither");
            }
            external = Optional.of(new ExternalDatabases(articlesUrl, entitiesUrl,
                    env.getOrDefault("NEWSGRAPH_RUN_DB_USER", "postgres"), env.getOrDefault("NEWSGRAPH_RUN_DB_PASSWORD", "")));
        }
        Path stateDir = Path.of(env.getOrDefault("NEWSGRAPH_RUN_STATE_DIR", root.resolve(".newsgraph").toString()));
        Path supergraph = Path.of(env.getOrDefault("NEWSGRAPH_RUN_SUPERGRAPH",
                root.resolve("deploy/supergraph.graphql").toString()));
        return new SuiteConfig(root, stateDir.toAbsolutePath(), env.getOrDefault("NEWSGRAPH_RUN_HOST", "127.0.0.1"), ports,
                intSetting(env, "NEWSGRAPH_RUN_POSTGRES_PORT", DEFAULT_POSTGRES_PORT), external, opts,
                supergraph.toAbsolutePath());
    }

    public int port(Service service) {
        return ports.get(service);
    }

    /** {@code http://host:port} of a service. */
    public String baseUrl(Service service) {
        return "http://" + host + ":" + port(service);
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    public Path postgresDataDir() {
        return stateDir.resolve("postgres");
    }

    public SuiteConfig withPorts(Map<Service, Integer> newPorts, int newPostgresPort) {
        return new SuiteConfig(root, stateDir, host, newPorts, newPostgresPort, external, javaOptions, supergraph);
    }

    public SuiteConfig withSupergraph(Path newSupergraph) {
        return new SuiteConfig(root, stateDir, host, ports, postgresPort, external, javaOptions, newSupergraph);
    }

    private static int intSetting(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (!notBlank(v)) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a port number, not '" + v + "'");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
