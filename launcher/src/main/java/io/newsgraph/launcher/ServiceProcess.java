package io.newsgraph.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running service: a {@code java -jar} child process with its own log file, started in its own session so that
 * Ctrl-C in the terminal reaches only the launcher, which then stops the services in order.
 */
public final class ServiceProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final String baseUrl;
    private final int port;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(Service service, String baseUrl, int port, Path logFile, Process process) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts {@code java [javaOptions] -jar jar}, appending stdout and stderr to {@code logFile}. */
    public static ServiceProcess start(Service service, String baseUrl, int port, Path jar, List<String> javaOptions,
            Map<String, String> environment, Path logFile) {
        List<String> command = command(jar, javaOptions);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + service.module() + " starting at " + Instant.now() + " on port " + port + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().keySet().removeIf(k -> k.startsWith("NEWSGRAPH_RUN_"));
            pb.environment().putAll(environment);
            return new ServiceProcess(service, baseUrl, port, logFile, pb.start());
        } catch (IOException e) {
            throw new LaunchException("could not start " + service.module() + " (" + jar + "): " + e.getMessage(), e);
        }
    }

    /**
     * {@code [setsid] java [javaOptions] -XX:+ExitOnOutOfMemoryError -jar jar}. A JVM that ran out of heap is never
     * left running, wedged in GC: it exits, and {@link #isAlive()} tells the launcher. The flag comes after the
     * caller's options so that none of them can turn it off.
     */
    static List<String> command(Path jar, List<String> javaOptions) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(javaExecutable().toString());
        command.addAll(javaOptions);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** The java of the running JVM: the launcher runs on JAVA_HOME's java, so the services do too. */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Waits until {@code /q/health/ready} answers 200.
     *
     * @throws LaunchException naming the service, its port and the last lines of its log, when the process exits or
     *                         the timeout passes first
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for " + service.module());
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure("was not ready after " + timeout.toSeconds() + " s");
            }
            sleep(500);
        }
    }

    /** A failure message with the service, its port, its log file and the log's last lines. */
    public LaunchException failure(String what) {
        StringBuilder sb = new StringBuilder();
        sb.append(service.module()).append(" (port ").append(port).append(") ").append(what).append('\n');
        sb.append("  log: ").append(logFile).append('\n');
        sb.append("  last lines:\n");
        for (String line : tail(25)) {
            sb.append("    ").append(line).append('\n');
        }
        return new LaunchException(sb.toString());
    }

    /** Asks the service to shut down (SIGTERM, Quarkus stops gracefully); forcibly after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the log (the whole log file is read; logs of a local run stay small). */
    public List<String> tail(int lines) {
        return tail(logFile, lines);
    }

    static List<String> tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return List.of("(no log yet)");
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }
}
