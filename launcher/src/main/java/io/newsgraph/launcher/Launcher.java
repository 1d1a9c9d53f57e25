package io.newsgraph.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./newsgraph run} and {@code ./newsgraph stop}.
 *
 * <p>{@code run} builds what is missing, starts PostgreSQL and the three services, loads the sample articles, prints
 * where to go, and stays in the foreground until Ctrl-C or {@code stop}; then it stops the services and PostgreSQL.
 */
public final class Launcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SuiteConfig config;
    private final long started = System.nanoTime();

    Launcher(SuiteConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("newsgraph.root", ".")).toAbsolutePath().normalize();
        String command = args.length > 0 ? args[0] : "run";
        try {
            Launcher launcher = new Launcher(SuiteConfig.fromEnvironment(root, System.getenv()));
            switch (command) {
                case "run" -> launcher.run();
                case "stop" -> launcher.stop();
                case "token" -> launcher.token(List.of(args).subList(1, args.length));
                default -> {
                    System.err.println("usage: newsgraph run|stop|token [reader|editor ...] [--ttl 8h]");
                    System.exit(2);
                }
            }
        } catch (LaunchException e) {
            System.err.println();
            System.err.println("newsgraph: FAILED: " + e.getMessage().stripTrailing());
            System.exit(1);
        }
    }

    private void say(String line) {
        System.out.printf("[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, line);
        System.out.flush();
    }

    void run() {
        Path pidFile = config.stateDir().resolve("launcher.pid");
        Optional<ProcessHandle> other = livePid(pidFile);
        if (other.isPresent()) {
            throw new LaunchException("a suite is already running (launcher pid " + other.get().pid() + "); `./newsgraph stop` stops it");
        }
        if (!Files.isRegularFile(config.supergraph())) {
            throw new LaunchException("the gateway's supergraph " + config.supergraph() + " is missing");
        }
        Suite suite = new Suite(config, this::say);
        try {
            Files.createDirectories(config.stateDir());
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new LaunchException("cannot write " + pidFile + ": " + e.getMessage(), e);
        }
        Thread hook = new Thread(() -> {
            say("stopping the suite ...");
            suite.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // checked for liveness before use
            }
            say("stopped");
        }, "newsgraph-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        if (Boolean.parseBoolean(System.getenv().getOrDefault("NEWSGRAPH_RUN_SKIP_BUILD", "false"))) {
            say("build: skipped (NEWSGRAPH_RUN_SKIP_BUILD)");
        } else {
            suite.buildIfNeeded();
        }
        suite.prepare();
        say("starting articles-service, entities-service and gateway (entities-service loads its NER models: about 30 s) ...");
        suite.start(Service.values());
        loadSamples(suite);
        printWelcome(suite);
        watch(suite);
    }

    private void loadSamples(Suite suite) {
        List<SampleArticles.Sample> samples = SampleArticles.find(config.root());
        List<String> ids = new ArrayList<>();
        String editor = suite.keys().token("newsgraph-samples", Duration.ofMinutes(5), List.of("editor"));
        for (SampleArticles.Sample s : samples) {
            SampleArticles.Loaded r = SampleArticles.load(suite.baseUrl(Service.ARTICLES), editor, s);
            if (r.ok()) {
                ids.add(r.articleId());
            } else {
                say("samples: " + s.file().getFileName() + " was refused (HTTP " + r.status() + "): " + r.error());
            }
        }
        say("samples: " + ids.size() + " of " + samples.size() + " articles stored; waiting for entity extraction ...");
        Instant deadline = Instant.now().plusSeconds(120);
        int done = 0;
        while (Instant.now().isBefore(deadline)) {
            done = 0;
            for (String id : ids) {
                if ("DONE".equals(processingState(suite, id))) {
                    done++;
                }
            }
            if (done == ids.size()) {
                break;
            }
            ServiceProcess.sleep(500);
        }
        say("samples: " + done + " of " + ids.size() + " articles processed");
    }

    /** The article's processing state as articles-service reports it, or null when it cannot tell. */
    private static String processingState(Suite suite, String id) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(suite.baseUrl(Service.ARTICLES) + "/articles/" + id))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                return null;
            }
            JsonNode processing = JSON.readTree(res.body()).path("processing");
            return processing.isTextual() ? processing.asText() : processing.path("state").asText(processing.path("status").asText(null));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void printWelcome(Suite suite) {
        String gateway = suite.baseUrl(Service.GATEWAY);
        System.out.println();
        System.out.println("newsgraph is running (" + Suite.seconds(started) + ").");
        System.out.println();
        System.out.println("  GraphiQL:          " + gateway + "/graphiql");
        System.out.println("  GraphQL endpoint:  " + gateway + "/graphql");
        System.out.println("  articles-service:  " + suite.baseUrl(Service.ARTICLES) + "   entities-service: " + suite.baseUrl(Service.ENTITIES));
        System.out.println("  logs:              " + config.logDir());
        System.out.println("  editor token:      ./newsgraph token editor   (valid 8 h; reads need none)");
        System.out.println("                     GraphiQL > Headers: {\"Authorization\": \"Bearer <token>\"} for mutations");
        System.out.println();
        System.out.println("Paste this into GraphiQL:");
        System.out.println();
        System.out.println(welcomeQuery(config.root()));
        System.out.println();
        System.out.println("Ctrl-C or `./newsgraph stop` stops everything.");
        System.out.flush();
    }

    /**
     * A query that crosses both subgraphs (articles, their entities, and each entity's other articles); GraphiQL opens
     * with the same file.
     */
    public static String welcomeQuery(Path root) {
        try {
            return Files.readString(root.resolve(WELCOME_QUERY)).strip();
        } catch (IOException e) {
            return "{ articles(first: 5) { edges { node { title } } } }";
        }
    }

    static final String WELCOME_QUERY = "samples/welcome-query.graphql";

    /** Stays in the foreground; reports a service that dies and stops the rest. */
    private void watch(Suite suite) {
        while (true) {
            ServiceProcess.sleep(2000);
            for (Service s : Service.values()) {
                ServiceProcess p = suite.process(s);
                if (p != null && !p.isAlive()) {
                    throw p.failure("stopped unexpectedly");
                }
            }
        }
    }

    /**
     * {@code ./newsgraph token [reader|editor ...] [--ttl 8h]}: prints a token of the local issuer (default role
     * editor) on standard output, its expiry on standard error. The keys are made if no suite ran yet.
     */
    void token(List<String> args) {
        List<String> roles = new ArrayList<>();
        Duration ttl = Duration.ofHours(8);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--ttl") && i + 1 < args.size()) {
                ttl = ttl(args.get(++i));
            } else if (a.equals("reader") || a.equals("editor")) {
                roles.add(a);
            } else {
                throw new LaunchException("unknown argument " + a + "; usage: newsgraph token [reader|editor ...] [--ttl 8h]");
            }
        }
        if (roles.isEmpty()) {
            roles.add("editor");
        }
        LocalKeys keys = LocalKeys.loadOrCreate(config.stateDir());
        System.out.println(keys.token("local-" + String.join("-", roles), ttl, roles));
        System.err.println("roles " + roles + ", expires " + Instant.now().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "; send it as: Authorization: Bearer <token>");
    }

    /** {@code 30m}, {@code 8h}, {@code 1d}: at most a day, for a token that lives in a shell history. */
    static Duration ttl(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,4})([mhd])").matcher(text);
        if (!m.matches()) {
            throw new LaunchException("--ttl takes minutes, hours or days, as 30m, 8h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofDays(1)) > 0) {
            throw new LaunchException("--ttl is at most 1d");
        }
        return d;
    }

    void stop() {
        Path pidFile = config.stateDir().resolve("launcher.pid");
        Optional<ProcessHandle> launcher = livePid(pidFile);
        if (launcher.isPresent()) {
            say("stopping the suite (launcher pid " + launcher.get().pid() + ") ...");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(90, TimeUnit.SECONDS);
                say("stopped");
            } catch (Exception e) {
                throw new LaunchException("the launcher (pid " + launcher.get().pid() + ") did not stop within 90 s");
            }
            return;
        }
        // No launcher: stop what one that was killed may have left behind.
        boolean any = false;
        for (Service s : List.of(Service.GATEWAY, Service.ARTICLES, Service.ENTITIES)) {
            Path f = config.stateDir().resolve("pids").resolve(s.module() + ".pid");
            Optional<ProcessHandle> p = livePid(f).filter(ph -> ph.info().command().map(c -> c.endsWith("java")).orElse(false));
            if (p.isPresent()) {
                any = true;
                say("stopping " + s.module() + " (pid " + p.get().pid() + ", left by a launcher that was killed) ...");
                p.get().destroy();
                try {
                    p.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.get().destroyForcibly();
                }
            }
        }
        if (EmbeddedPostgresServer.postmaster(config.postgresDataDir()).isPresent()) {
            any = true;
            say("stopping PostgreSQL left by a launcher that was killed ...");
            EmbeddedPostgresServer.stopOrphan(config.postgresDataDir());
        }
        say(any ? "stopped" : "nothing is running");
    }

    private static Optional<ProcessHandle> livePid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
