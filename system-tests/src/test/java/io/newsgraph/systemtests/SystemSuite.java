package io.newsgraph.systemtests;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.launcher.LocalKeys;
import io.newsgraph.launcher.Service;
import io.newsgraph.launcher.Suite;
import io.newsgraph.launcher.SuiteConfig;
import io.newsgraph.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one suite every system test talks to, started on first use and stopped when the test JVM exits: an embedded
 * PostgreSQL with a fresh data directory, articles-service and entities-service, and (on first use) the gateway over a
 * supergraph composed from those two running subgraphs. All on free ports, so a local suite on 8080-8082 is never
 * disturbed.
 */
final class SystemSuite {

    private static Suite suite;
    private static Path root;
    private static Path stateDir;
    private static TestTokens tokens;
    private static TestTokens relayTokens;

    private SystemSuite() {
    }

    static synchronized Suite get() {
        if (suite == null) {
            start();
        }
        return suite;
    }

    static Path root() {
        get();
        return root;
    }

    static Path stateDir() {
        get();
        return stateDir;
    }

    static String url(Service service) {
        if (service == Service.GATEWAY) {
            startGateway();
        }
        return get().baseUrl(service);
    }

    static String gateway() {
        return url(Service.GATEWAY) + "/graphql";
    }

    /**
     * The gateway starts on first use, over a supergraph composed from the two running subgraphs (with this suite's
     * ports as routing URLs): tests of the services alone do not wait for it.
     */
    static synchronized void startGateway() {
        Suite s = get();
        if (s.process(Service.GATEWAY) != null) {
            return;
        }
        Federation.compose(root, s.config().supergraph(), s.baseUrl(Service.ARTICLES) + "/graphql", s.baseUrl(Service.ENTITIES) + "/graphql");
        s.start(Service.GATEWAY);
    }

    /** Tokens of the suite's local issuer (the one every service trusts), valid or broken on purpose. */
    static synchronized TestTokens tokens() {
        if (tokens == null) {
            tokens = new TestTokens(get().keys().issuerKeys(), LocalKeys.ISSUER, LocalKeys.AUDIENCE);
        }
        return tokens;
    }

    /** Tokens signed with the outbox relay's own key, as articles-service makes them. */
    static synchronized TestTokens relayTokens() {
        if (relayTokens == null) {
            relayTokens = new TestTokens(get().keys().relayKeys(), ExtractionContract.RELAY_ISSUER, ExtractionContract.RELAY_AUDIENCE);
        }
        return relayTokens;
    }

    /** {@code Bearer <token>} of role editor: what every write of the tests sends. */
    static String editor() {
        return "Bearer " + tokens().token("editor");
    }

    /** {@code Bearer <token>} of the relay's identity: what deliveries to entities-service send. */
    static String relay() {
        return "Bearer " + relayTokens().token(ExtractionContract.RELAY_ROLE);
    }

    private static void start() {
        root = Path.of(System.getProperty("newsgraph.root", "..")).toAbsolutePath().normalize();
        stateDir = root.resolve("system-tests/target/suite");
        deleteRecursively(stateDir);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, freePort());
        }
        Map<Service, String> javaOptions = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            javaOptions.put(s, s.defaultJavaOptions());
        }
        SuiteConfig config = new SuiteConfig(root, stateDir, "127.0.0.1", ports, freePort(), Optional.empty(), javaOptions,
                stateDir.resolve("supergraph.graphql"));
        Suite s = new Suite(config, line -> System.out.println("[suite] " + line))
                // Retries come quickly and never give up during a test: the tests kill entities-service for longer
                // than the default attempts would last.
                .withEnvironment(Service.ARTICLES, Map.of(
                        "NEWSGRAPH_ARTICLES_RELAY_INITIAL_BACKOFF", "200ms",
                        "NEWSGRAPH_ARTICLES_RELAY_MAX_BACKOFF", "2s",
                        "NEWSGRAPH_ARTICLES_RELAY_MAX_ATTEMPTS", "100000"))
                // Every test client is 127.0.0.1: one address for the load test's many connections.
                .withEnvironment(Service.GATEWAY, Map.of(
                        "NEWSGRAPH_GATEWAY_RATE_LIMIT_REQUESTS", "100000",
                        "NEWSGRAPH_GATEWAY_RATE_LIMIT_BURST", "100000"));
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "system-suite-stop"));
        s.prepare();
        s.start(Service.ARTICLES, Service.ENTITIES);
        suite = s;
    }

    /** The next port of {@code -Dnewsgraph.port-range=FROM-TO} to try; unused without that property. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A free port: any the system hands out, or with {@code -Dnewsgraph.port-range=FROM-TO} the first free one of
     * that range not handed out before (for a machine where each user of it keeps to its own ports).
     */
    static int freePort() {
        String range = System.getProperty("newsgraph.port-range", "");
        if (!range.isBlank()) {
            String[] bounds = range.strip().split("-");
            int from = Integer.parseInt(bounds[0]);
            int to = Integer.parseInt(bounds[1]);
            NEXT_PORT.compareAndSet(0, from);
            for (int port = NEXT_PORT.getAndIncrement(); port <= to; port = NEXT_PORT.getAndIncrement()) {
                try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                    return socket.getLocalPort();
                } catch (IOException taken) {
                    // in use: the next one
                }
            }
            throw new IllegalStateException("no free port left in newsgraph.port-range " + range);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir, e);
        }
    }
}
